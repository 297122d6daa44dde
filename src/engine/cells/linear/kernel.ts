/**
 * Linear recurrence with nn.RNN's layout and both biases, and the identity for tanh:
 * h_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh. Backpropagating through it multiplies by W_hhᵀ each
 * step, so with W_hh = ρQ (Q orthogonal) the gradient norm scales exactly as ρ^(T−t).
 * The biases are already in h_t's slot when the step starts; the rest is one fused product.
 */
import { fusedStep } from '../../bptt/fused';
import type { CellKernel } from '../../bptt/cell';
import type { WorkspaceInternal } from '../../bptt/workspace';

function forward(
  ws: WorkspaceInternal,
  _whh: Float64Array,
  _bhh: Float64Array,
  inputs: Float64Array,
  t: number,
): void {
  fusedStep(ws, inputs, t, ws.trace.h, t * ws.B * ws.H, ws.H);
}

function backward(ws: WorkspaceInternal, t: number, aOff: number): void {
  const n = ws.B * ws.H;
  const dh = ws.trace.dh;
  const dA = ws.dA;
  const off = (t - 1) * n;
  for (let p = 0; p < n; p++) dA[aOff + p] = dh[off + p]!;
}

export const linearCell: CellKernel = {
  G: 1,
  fused: true,
  foldRecurrentBias: true,
  projectIntoGates: false,
  forward,
  backward,
};
