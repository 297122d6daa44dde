/**
 * Seeded weight initialization: each cell's own initializer (its CellEngine.init, found in the
 * registry), and the forget-gate bias controls (forgetBias.ts, re-exported here).
 */
import { cellEngine } from './cells/registry';
import type { InitKind } from './cells/catalog';
import type { Model } from './model';
import type { Rng } from './rng';

export { setForgetBias, shiftForgetBias } from './forgetBias';

export interface InitOptions {
  /** Scheme for the cell's weights (one of the cell's CellInfo.inits; the readout is always nn.Linear's). */
  init: InitKind;
  /** When not null, every gate block of weight_hh_l0 is rescaled afterwards to this spectral radius ρ. */
  rho: number | null;
  /** LSTM: value of bias_ih_l0's forget rows (bias_hh_l0's forget rows are set to 0). Ignored for other cells. */
  forgetBias: number;
  /** LSTM: chrono initialization (Tallec & Ollivier 2018): b_f ~ log U(1, T−1), b_i = −b_f. Overrides forgetBias. */
  chrono?: boolean;
  /** Longest dependency length T_max that chrono initialization targets; required when chrono is set. */
  T?: number;
}

/** Fill every weight of the model from rng with the cell's initializer (see cells/classicInit.ts). */
export function initModel(model: Model, rng: Rng, opts: InitOptions): void {
  cellEngine(model.spec.cell).init(model, rng, opts);
}
