/**
 * The weight gradients, folded in chunk by chunk while the backward pass walks back. For the steps
 * ts..te of a chunk (rows stacked over steps and batch):
 *   dW_ih += dAᵀ·X,  dW_hh += dAhhᵀ·H_{t−1},  db_ih += Σ dA,  db_hh += Σ dAhh,
 *   readout: dW_out += dYᵀ·H_t, db_out += Σ dY over the scored steps of the chunk.
 * Operands are transposed into chunk-sized buffers first so each product runs in dot-product order
 * (gemmNT) over ~256 rows at a time, and no buffer grows with T.
 */
import { gemmNT, rowSumsAdd, transposeInto } from '../linalg';
import type { Model } from '../model';
import type { Batch } from '../types';
import type { WorkspaceInternal } from './workspace';

/** Zeroes every parameter gradient before the first chunk is folded in. */
export function clearGrads(model: Model): void {
  for (const p of model.params) p.dw.fill(0);
}

/** Folds steps ts..te into the parameter gradients; t0 is the first step the loss scores. */
export function foldChunk(
  model: Model,
  batch: Batch,
  ws: WorkspaceInternal,
  ts: number,
  te: number,
  t0: number,
): void {
  const { B, H, I, O, GH } = ws;
  const rows = (te - ts + 1) * B;
  const ldh = (ws.chunk + 1) * B;
  // hT holds h_{ts−1}..h_te: columns 0.. feed dW_hh, columns from B·(t − ts + 1) feed the readout.
  transposeInto(ws.trace.h, (ts - 1) * B * H, rows + B, H, ws.hT, 0, ldh);
  transposeInto(batch.inputs, (ts - 1) * B * I, rows, I, ws.xT, 0, rows);
  transposeInto(ws.dA, 0, rows, GH, ws.dAT, 0, rows);
  if (ws.dAhh !== ws.dA) transposeInto(ws.dAhh, 0, rows, GH, ws.dAhhT, 0, rows);
  const wih = model.param('weight_ih_l0').dw;
  const whh = model.param('weight_hh_l0').dw;
  gemmNT(GH, I, rows, ws.dAT, 0, rows, ws.xT, 0, rows, wih, 0, I, true);
  gemmNT(GH, H, rows, ws.dAhhT, 0, rows, ws.hT, 0, ldh, whh, 0, H, true);
  rowSumsAdd(ws.dAT, 0, GH, rows, rows, model.param('bias_ih_l0').dw);
  rowSumsAdd(ws.dAhhT, 0, GH, rows, rows, model.param('bias_hh_l0').dw);

  const rs = Math.max(ts, t0);
  if (rs > te) return;
  const n = (te - rs + 1) * B;
  transposeInto(ws.dY, (rs - 1) * B * O, n, O, ws.dYT, 0, n);
  const W = model.param('readout.weight').dw;
  gemmNT(O, H, n, ws.dYT, 0, n, ws.hT, (rs - ts + 1) * B, ldh, W, 0, H, true);
  rowSumsAdd(ws.dYT, 0, O, n, n, model.param('readout.bias').dw);
}
