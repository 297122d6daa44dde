/**
 * The cell's weight gradients as products over all T·B rows at once, after the time loop:
 *   dW_ih = dAᵀ·X,  dW_hh = dAhhᵀ·H_{0..T−1},  db_ih = Σ dA,  db_hh = Σ dAhh.
 * Operands are transposed first so each product runs in dot-product order (gemmNT).
 */
import { gemmNT, rowSumsInto, transposeInto } from '../linalg';
import type { Model } from '../model';
import type { Batch } from '../types';
import type { WorkspaceInternal } from './workspace';

export function weightGrads(model: Model, batch: Batch, ws: WorkspaceInternal): void {
  const { T, B, H, I, GH } = ws;
  const TB = T * B;
  transposeInto(ws.trace.h, 0, (T + 1) * B, H, ws.hT, 0, (T + 1) * B);
  transposeInto(batch.inputs, 0, TB, I, ws.xT, 0, TB);
  transposeInto(ws.dA, 0, TB, GH, ws.dAT, 0, TB);
  if (ws.dAhh !== ws.dA) transposeInto(ws.dAhh, 0, TB, GH, ws.dAhhT, 0, TB);
  gemmNT(GH, I, TB, ws.dAT, 0, TB, ws.xT, 0, TB, model.param('weight_ih_l0').dw, 0, I, false);
  gemmNT(
    GH,
    H,
    TB,
    ws.dAhhT,
    0,
    TB,
    ws.hT,
    0,
    (T + 1) * B,
    model.param('weight_hh_l0').dw,
    0,
    H,
    false,
  );
  rowSumsInto(ws.dAT, 0, GH, TB, TB, model.param('bias_ih_l0').dw);
  rowSumsInto(ws.dAhhT, 0, GH, TB, TB, model.param('bias_hh_l0').dw);
}
