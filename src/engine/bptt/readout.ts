/**
 * The linear readout ŷ_t = W_out h_t + b_out, and dL/dh_t from the loss (dY·W_out, written into
 * trace.dh before the time loop). The readout's own gradients are folded in with the cell's
 * (weights.ts).
 */
import { broadcastRows, gemmNT, transposeInto } from '../linalg';
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
