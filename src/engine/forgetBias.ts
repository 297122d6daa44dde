/**
 * The forget-gate bias controls of cells that have one (CellInfo.controls has 'forgetBias': the
 * LSTM). PyTorch adds bias_ih and bias_hh, so the total bias of the f rows is set through b_ih.
 */
import { CLASSIC_PARAM } from './cells/classic';
import { cellHas, cellInfo } from './cells/catalog';
import type { Model } from './model';

/** Index of the gate block named `gate` in the cell's weight rows; throws when it has none. */
export function gateBlock(cell: string, gate: string): number {
  const g = cellInfo(cell).gates.indexOf(gate);
  if (g < 0) throw new RangeError(`${cell} has no ${gate} gate`);
  return g;
}

function forgetRows(model: Model): number {
  const cell = model.spec.cell;
  if (!cellHas(cell, 'forgetBias'))
    throw new RangeError(`forget-gate bias exists only for the LSTM, not ${cell}`);
  return gateBlock(cell, 'f') * model.spec.hiddenSize;
}

/**
 * The forget gate's total bias becomes `value`: bias_ih_l0's forget rows = value and
 * bias_hh_l0's forget rows = 0 (PyTorch adds the two, so one of them must carry it all).
 */
export function setForgetBias(model: Model, value: number): void {
  const f = forgetRows(model);
  if (!Number.isFinite(value)) throw new RangeError(`forgetBias must be finite, got ${value}`);
  const H = model.spec.hiddenSize;
  model.param(CLASSIC_PARAM.bih).w.fill(value, f, f + H);
  model.param(CLASSIC_PARAM.bhh).w.fill(0, f, f + H);
}

/** Live forget-bias slider: adds delta to bias_ih_l0's forget rows. */
export function shiftForgetBias(model: Model, delta: number): void {
  const f = forgetRows(model);
  if (!Number.isFinite(delta)) throw new RangeError(`delta must be finite, got ${delta}`);
  const b = model.param(CLASSIC_PARAM.bih).w;
  for (let u = f; u < f + model.spec.hiddenSize; u++) b[u] = (b[u] as number) + delta;
}
