/**
 * The linear readout ŷ_t = W_out h_t + b_out and its two backward products: dL/dh_t from the loss
 * (dY·W_out, written into trace.dh before the time loop) and the readout's own parameter gradients.
 */
import { broadcastRows, gemmNT, rowSumsInto, transposeInto } from '../linalg';
import type { Param } from '../types';
import type { WorkspaceInternal } from './workspace';

/** First scored step (1-based) and number of scored rows. */
export function scoredRows(ws: WorkspaceInternal, lastOnly: boolean): { t0: number; rows: number } {
  return lastOnly ? { t0: ws.T, rows: ws.B } : { t0: 1, rows: ws.T * ws.B };
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
  broadcastRows(out, yOff, rows, b.w);
  gemmNT(rows, O, H, ws.trace.h, t0 * B * H, H, W.w, 0, H, out, yOff, O, true);
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
  transposeInto(W.w, 0, O, H, ws.woutT, 0, O);
  gemmNT(rows, H, O, ws.dY, (t0 - 1) * B * O, O, ws.woutT, 0, O, dh, (t0 - 1) * B * H, H, false);
}

/** readout.weight.dw = dYᵀ·h over scored rows; readout.bias.dw = Σ dY. Needs ws.hT filled. */
export function readoutParamGrads(
  ws: WorkspaceInternal,
  W: Param,
  b: Param,
  t0: number,
  rows: number,
): void {
  const { B, H, O, T } = ws;
  transposeInto(ws.dY, (t0 - 1) * B * O, rows, O, ws.dYT, 0, rows);
  gemmNT(O, H, rows, ws.dYT, 0, rows, ws.hT, t0 * B, (T + 1) * B, W.dw, 0, H, false);
  rowSumsInto(ws.dYT, 0, O, rows, rows, b.dw);
}
