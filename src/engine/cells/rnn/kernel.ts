/**
 * Elman RNN as PyTorch's nn.RNN(nonlinearity='tanh'):
 * h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh).
 * b_ih + b_hh are already in h_t's slot when the step starts; W_ih x_t + W_hh h_{t−1} is one fused
 * product.
 * Backward: dL/da_t = dL/dh_t ⊙ (1 − h_t²).
 */
import { fusedStep } from '../../bptt/fused';
import { tanh } from '../../tanh';
import type { CellKernel } from '../../bptt/cell';
import type { WorkspaceInternal } from '../../bptt/workspace';

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
  for (let p = off; p < off + n; p++) h[p] = tanh(h[p]!);
}

function backward(ws: WorkspaceInternal, t: number, aOff: number): void {
  const n = ws.B * ws.H;
  const { dh, h } = ws.trace;
  const dA = ws.dA;
  const off = (t - 1) * n;
  const hOff = t * n;
  for (let p = 0; p < n; p++) {
    const y = h[hOff + p]!;
    dA[aOff + p] = dh[off + p]! * (1 - y * y);
  }
}

export const rnnCell: CellKernel = {
  G: 1,
  fused: true,
  foldRecurrentBias: true,
  projectIntoGates: false,
  forward,
  backward,
};
