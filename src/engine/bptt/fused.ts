/**
 * The fused input + recurrent product of the cells other than the GRU: pre-activations
 * a_t = [W_ih | W_hh]·[x_t; h_{t−1}] (+ bias, already in place), one gemm per step over I + H terms.
 * A separate input product would have k = I (2 for the adding task), which no blocking makes fast.
 */
import { CLASSIC_PARAM } from '../cells/classic';
import { gemmNT } from '../linalg';
import type { Model } from '../model';
import type { WorkspaceInternal } from './workspace';

/** wcat ← [W_ih | W_hh], row by row. */
export function packWeights(model: Model, ws: WorkspaceInternal): void {
  const { I, H, GH, K } = ws;
  const wih = model.param(CLASSIC_PARAM.wih).w;
  const whh = model.param(CLASSIC_PARAM.whh).w;
  const w = ws.wcat;
  for (let g = 0; g < GH; g++) {
    const o = g * K;
    for (let i = 0; i < I; i++) w[o + i] = wih[g * I + i]!;
    for (let j = 0; j < H; j++) w[o + I + j] = whh[g * H + j]!;
  }
}

/**
 * Writes the rows [x_t, h_{t−1}] of steps ts..te into xh (from row 0). h is read from the trace
 * each time, so a state changed between steps (test hooks) is what the product and dW see.
 */
export function packRows(
  ws: WorkspaceInternal,
  inputs: Float64Array,
  ts: number,
  te: number,
): void {
  const { B, I, H, K } = ws;
  const h = ws.trace.h;
  const xh = ws.xh;
  const rows = (te - ts + 1) * B;
  const x0 = (ts - 1) * B * I;
  const h0 = (ts - 1) * B * H;
  for (let r = 0; r < rows; r++) {
    const o = r * K;
    for (let i = 0; i < I; i++) xh[o + i] = inputs[x0 + r * I + i]!;
    for (let j = 0; j < H; j++) xh[o + I + j] = h[h0 + r * H + j]!;
  }
}

/** out[b][·] += [W_ih | W_hh]·[x_t; h_{t−1}] for step t, out rows ldo apart from outOff. */
export function fusedStep(
  ws: WorkspaceInternal,
  inputs: Float64Array,
  t: number,
  out: Float64Array,
  outOff: number,
  ldo: number,
): void {
  packRows(ws, inputs, t, t);
  gemmNT(ws.B, ws.GH, ws.K, ws.xh, 0, ws.K, ws.wcat, 0, ws.K, out, outOff, ldo, true);
}
