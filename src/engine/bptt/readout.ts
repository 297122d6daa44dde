/**
 * The linear readout ŷ_t = W_out h_t + b_out, and dL/dh_t from the loss (dY·W_out, written into
 * trace.dh before the time loop). The readout's own gradients are folded in with the cell's
 * (weights.ts). The row-level functions below are shared with the newer families (family/run.ts),
 * whose readout reads a layer output of width F rather than h.
 */
import { broadcastRows, colSumsAdd, gemmNT, gemmTN, transposeInto } from '../linalg';
import type { Param } from '../types';
import type { WorkspaceInternal } from './workspace';

/** First scored step (1-based) and number of scored rows. */
export function scoredRows(
  ws: { T: number; B: number },
  lastOnly: boolean,
): { t0: number; rows: number } {
  return lastOnly ? { t0: ws.T, rows: ws.B } : { t0: 1, rows: ws.T * ws.B };
}

/** out rows ← b + X·Wᵀ for `rows` rows of X (width F, from xOff); W is [O][F]. */
export function readoutRows(
  rows: number,
  F: number,
  O: number,
  X: Float64Array,
  xOff: number,
  W: Float64Array,
  b: Float64Array,
  out: Float64Array,
  outOff: number,
): void {
  broadcastRows(out, outOff, rows, b);
  gemmNT(rows, O, F, X, xOff, F, W, 0, F, out, outOff, O, true);
}

/** dX rows ← dY·W (through the readout only); wT is scratch [F][O] for Wᵀ. */
export function readoutBackRows(
  rows: number,
  F: number,
  O: number,
  dY: Float64Array,
  dyOff: number,
  W: Float64Array,
  wT: Float64Array,
  dX: Float64Array,
  dxOff: number,
): void {
  transposeInto(W, 0, O, F, wT, 0, O);
  gemmNT(rows, F, O, dY, dyOff, O, wT, 0, O, dX, dxOff, F, false);
}

/** dW += dYᵀ·X and db += Σ dY over `rows` rows. */
export function readoutGradRows(
  rows: number,
  F: number,
  O: number,
  dY: Float64Array,
  dyOff: number,
  X: Float64Array,
  xOff: number,
  dW: Float64Array,
  db: Float64Array,
): void {
  gemmTN(O, F, rows, dY, dyOff, O, X, xOff, F, dW, 0, F);
  colSumsAdd(dY, dyOff, rows, O, O, db);
}

export function readoutForward(
  ws: WorkspaceInternal,
  W: Param,
  b: Param,
  t0: number,
  rows: number,
): void {
  const { B, H, O } = ws;
  const out = ws.trace.outputs;
  const yOff = (t0 - 1) * B * O;
  out.fill(0, 0, yOff);
  readoutRows(rows, H, O, ws.trace.h, t0 * B * H, W.w, b.w, out, yOff);
}

/** trace.dh ← dL/dh_t through the readout only (zero at unscored steps). */
export function readoutBackwardToH(
  ws: WorkspaceInternal,
  W: Param,
  t0: number,
  rows: number,
): void {
  const { B, H, O } = ws;
  const dh = ws.trace.dh;
  dh.fill(0, 0, (t0 - 1) * B * H);
  readoutBackRows(rows, H, O, ws.dY, (t0 - 1) * B * O, W.w, ws.woutT, dh, (t0 - 1) * B * H);
}
