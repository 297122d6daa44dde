/**
 * Elman RNN as PyTorch's nn.RNN(nonlinearity='relu'):
 * h_t = max(0, W_ih x_t + b_ih + W_hh h_{t−1} + b_hh).
 * b_ih + b_hh are already in h_t's slot when the step starts; W_ih x_t + W_hh h_{t−1} is one fused
 * product.
 * Backward: dL/da_t = dL/dh_t ⊙ [h_t > 0] (torch's threshold_backward: the derivative at 0 is 0).
 */
import { fusedStep } from '../../bptt/fused';
import type { CellKernel } from '../../bptt/cell';
import type { WorkspaceInternal } from '../../bptt/workspace';

/** max(0, a), keeping NaN as NaN (as torch.relu does) so a blow-up is still seen. */
export function relu(a: number): number {
  return a > 0 ? a : a <= 0 ? 0 : a;
}

function forward(
  ws: WorkspaceInternal,
  _whh: Float64Array,
  _bhh: Float64Array,
  inputs: Float64Array,
  t: number,
): void {
  const { B, H } = ws;
  const h = ws.trace.h;
  const n = B * H;
  const off = t * n;
  fusedStep(ws, inputs, t, h, off, H);
  for (let p = off; p < off + n; p++) h[p] = relu(h[p]!);
}

function backward(ws: WorkspaceInternal, t: number, aOff: number): void {
  const n = ws.B * ws.H;
  const { dh, h } = ws.trace;
  const dA = ws.dA;
  const off = (t - 1) * n;
  const hOff = t * n;
  for (let p = 0; p < n; p++) dA[aOff + p] = h[hOff + p]! > 0 ? dh[off + p]! : 0;
}

export const reluCell: CellKernel = {
  G: 1,
  fused: true,
  foldRecurrentBias: true,
  projectIntoGates: false,
  forward,
  backward,
};
