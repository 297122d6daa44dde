/**
 * Linear recurrence with nn.RNN's layout and both biases, and the identity for tanh:
 * h_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh. Backpropagating through it multiplies by W_hhᵀ each
 * step, so with W_hh = ρQ (Q orthogonal) the gradient norm scales exactly as ρ^(T−t).
 */
import { gemmNT } from '../linalg';
import { copyStep } from '../bptt/cell';
import type { CellKernel } from '../bptt/cell';
import type { WorkspaceInternal } from '../bptt/workspace';

function forward(ws: WorkspaceInternal, whh: Float64Array, _bhh: Float64Array, t: number): void {
  const { B, H } = ws;
  const h = ws.trace.h;
  const n = B * H;
  const off = t * n;
  copyStep(ws.xw, (t - 1) * n, h, off, n);
  gemmNT(B, H, H, h, off - n, H, whh, 0, H, h, off, H, true);
}

function backward(ws: WorkspaceInternal, t: number): void {
  const n = ws.B * ws.H;
  copyStep(ws.trace.dh, (t - 1) * n, ws.dA, (t - 1) * n, n);
}

export const linearCell: CellKernel = { foldRecurrentBias: true, forward, backward };
