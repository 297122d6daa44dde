/**
 * Elman RNN as PyTorch's nn.RNN(nonlinearity='tanh'):
 * h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh).
 * The input projection W_ih x_t + b_ih + b_hh is already in h_t's slot when the step starts.
 * Backward: dL/da_t = dL/dh_t ⊙ (1 − h_t²).
 */
import { gemmNT } from '../linalg';
import { tanh } from '../tanh';
import type { CellKernel } from '../bptt/cell';
import type { WorkspaceInternal } from '../bptt/workspace';

function forward(ws: WorkspaceInternal, whh: Float64Array, _bhh: Float64Array, t: number): void {
  const { B, H } = ws;
  const h = ws.trace.h;
  const n = B * H;
  const off = t * n;
  gemmNT(B, H, H, h, off - n, H, whh, 0, H, h, off, H, true);
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
  foldRecurrentBias: true,
  projectIntoGates: false,
  forward,
  backward,
};
