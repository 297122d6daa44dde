/**
 * The weight gradients, folded in chunk by chunk while the backward pass walks back. For the steps
 * ts..te of a chunk (rows stacked over steps and batch):
 *   dW_ih += dAᵀ·X,  dW_hh += dAhhᵀ·H_{t−1},  db_ih += Σ dA,  db_hh += Σ dAhh,
 * (for fused cells the first two are one product, [dW_ih | dW_hh] += dAᵀ·[X | H_{t−1}]),
 *   readout: dW_out += dYᵀ·H_t, db_out += Σ dY over the scored steps of the chunk.
 * Each product is a sum over the chunk's rows (gemmTN), read straight from where the backward pass
 * and the forward pass wrote them; ~256 rows at a time, so the pre-activation gradients need only a
 * chunk-sized buffer whatever T is.
 */
import { CLASSIC_PARAM } from '../cells/classic';
import { colSumsAdd, gemmTN } from '../linalg';
import { packRows } from './fused';
import { readoutGradRows } from './readout';
import type { Model } from '../model';
import type { Batch } from '../types';
import type { WorkspaceInternal } from './workspace';

/** Zeroes every parameter gradient (and the fused one) before the first chunk is folded in. */
export function clearGrads(model: Model, ws: WorkspaceInternal): void {
  for (const p of model.params) p.dw.fill(0);
  ws.dWcat.fill(0);
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
  const h = ws.trace.h;
  const rows = (te - ts + 1) * B;
  // trace.h row block t starts at t·B·H (h_0 first), so h_{ts−1} starts at (ts − 1)·B·H.
  if (ws.fused) {
    packRows(ws, batch.inputs, ts, te);
    gemmTN(GH, ws.K, rows, ws.dA, 0, GH, ws.xh, 0, ws.K, ws.dWcat, 0, ws.K);
  } else {
    // Same [dW_ih | dW_hh] layout, two products (the GRU's two sides have different gradients).
    const K = ws.K;
    gemmTN(GH, I, rows, ws.dA, 0, GH, ws.inputs, (ts - 1) * B * I, I, ws.dWcat, 0, K);
    gemmTN(GH, H, rows, ws.dAhh, 0, GH, h, (ts - 1) * B * H, H, ws.dWcat, I, K);
  }
  colSumsAdd(ws.dA, 0, rows, GH, GH, model.param(CLASSIC_PARAM.bih).dw);
  // Where both sides share one pre-activation gradient (all but the GRU), db_hh = db_ih:
  // copied once at the end by finishGrads.
  if (ws.dAhh !== ws.dA) colSumsAdd(ws.dAhh, 0, rows, GH, GH, model.param(CLASSIC_PARAM.bhh).dw);

  const rs = Math.max(ts, t0);
  if (rs > te) return;
  const n = (te - rs + 1) * B;
  const yOff = (rs - 1) * B * O;
  const dW = model.param('readout.weight').dw;
  readoutGradRows(n, H, O, ws.dY, yOff, h, rs * B * H, dW, model.param('readout.bias').dw);
}

/** After the last chunk: splits [dW_ih | dW_hh], copies the bias one where both are equal. */
export function finishGrads(model: Model, ws: WorkspaceInternal): void {
  if (ws.dAhh === ws.dA) model.param(CLASSIC_PARAM.bhh).dw.set(model.param(CLASSIC_PARAM.bih).dw);
  const { I, H, GH, K } = ws;
  const wih = model.param(CLASSIC_PARAM.wih).dw;
  const whh = model.param(CLASSIC_PARAM.whh).dw;
  const d = ws.dWcat;
  for (let g = 0; g < GH; g++) {
    for (let i = 0; i < I; i++) wih[g * I + i] = d[g * K + i]!;
    for (let j = 0; j < H; j++) whh[g * H + j] = d[g * K + I + j]!;
  }
}
