/**
 * Seeded weight initialization: each cell's own initializer (its CellEngine.init, found in the
 * registry), and the forget-gate bias controls (forgetBias.ts, re-exported here).
 */
import { cellEngine } from './cells/registry';
import type { InitOptions } from './cells/engine';
import type { Model } from './model';
import type { Rng } from './rng';

export { setForgetBias, shiftForgetBias } from './forgetBias';
export type { InitOptions } from './cells/engine';

/** Fill every weight of the model from rng with the cell's initializer (see cells/classicInit.ts). */
export function initModel(model: Model, rng: Rng, opts: InitOptions): void {
  cellEngine(model.spec.cell).init(model, rng, opts);
}
