/**
 * GRU as PyTorch's nn.GRU. Gate rows in order r, z, n:
 *   r = σ(W_ir x + b_ir + W_hr h_{t−1} + b_hr), z = σ(W_iz x + b_iz + W_hz h_{t−1} + b_hz),
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h_{t−1} + b_hn)),  h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.
 * b_hn sits inside the r product, so the recurrent bias cannot join the input projection, and the
 * recurrent side of the n rows gets dL/da_n ⊙ r while the input side gets dL/da_n.
 * The input projection W_ih x_t + b_ih is already in the gate rows when the step starts; the
 * step overwrites it with the activations r, z, n.
 * Backward: dn = dh(1−z), dz = dh(h_{t−1} − n), da_n = dn(1−n²), da_z = dz·z(1−z),
 *   da_r = da_n·(W_hn h_{t−1} + b_hn)·r(1−r), and dL/dh_{t−1} gets dh ⊙ z directly.
 */
import { gemmNT } from '../../linalg';
import { exp } from '../../exp';
import { tanh } from '../../tanh';
import type { CellKernel } from '../../bptt/cell';
import type { WorkspaceInternal } from '../../bptt/workspace';

function forward(
  ws: WorkspaceInternal,
  whh: Float64Array,
  bhh: Float64Array,
  _inputs: Float64Array,
  t: number,
): void {
  const { B, H, GH } = ws;
  const tr = ws.trace;
  const h = tr.h;
  const gates = tr.gates!;
  const hh = ws.hh;
  const hn = ws.hn;
  const n = B * H;
  for (let b = 0; b < B; b++) hh.set(bhh, b * GH);
  gemmNT(B, GH, H, h, (t - 1) * n, H, whh, 0, H, hh, 0, GH, true);
  const gOff = (t - 1) * B * GH;
  // σ(x) = 1/(1 + e^(−x)) written out with the inlinable exp: this loop is hot at small H. (A
  // rational σ near 0 was tried: its data-dependent branch made the step 4 % slower.)
  for (let b = 0; b < B; b++) {
    const g0 = gOff + b * GH;
    const r0 = b * GH;
    const s = t * n + b * H;
    const sp = s - n;
    const q = (t - 1) * n + b * H;
    for (let k = 0; k < H; k++) {
      const r = 1 / (1 + exp(-(gates[g0 + k]! + hh[r0 + k]!)));
      const z = 1 / (1 + exp(-(gates[g0 + H + k]! + hh[r0 + H + k]!)));
      const m = hh[r0 + 2 * H + k]!;
      const nn = tanh(gates[g0 + 2 * H + k]! + r * m);
      gates[g0 + k] = r;
      gates[g0 + H + k] = z;
      gates[g0 + 2 * H + k] = nn;
      hn[q + k] = m;
      h[s + k] = (1 - z) * nn + z * h[sp + k]!;
    }
  }
}

function backward(
  ws: WorkspaceInternal,
  t: number,
  aOff: number,
  _hold: number | null,
  propagate: boolean,
  dhPrev: Float64Array,
  prevOff: number,
): void {
  const { B, H, GH } = ws;
  const tr = ws.trace;
  const h = tr.h;
  const gates = tr.gates!;
  const dh = tr.dh;
  const dA = ws.dA;
  const dAhh = ws.dAhh;
  const hn = ws.hn;
  const n = B * H;
  const gOff = (t - 1) * B * GH;
  for (let b = 0; b < B; b++) {
    const g0 = gOff + b * GH;
    const a0 = aOff + b * GH;
    const q = (t - 1) * n + b * H;
    const sp = (t - 1) * n + b * H;
    const pr = prevOff + b * H;
    for (let k = 0; k < H; k++) {
      const r = gates[g0 + k]!;
      const z = gates[g0 + H + k]!;
      const nn = gates[g0 + 2 * H + k]!;
      const d = dh[q + k]!;
      const dnp = d * (1 - z) * (1 - nn * nn);
      const dzp = d * (h[sp + k]! - nn) * z * (1 - z);
      const drp = dnp * hn[q + k]! * r * (1 - r);
      dA[a0 + k] = drp;
      dA[a0 + H + k] = dzp;
      dA[a0 + 2 * H + k] = dnp;
      dAhh[a0 + k] = drp;
      dAhh[a0 + H + k] = dzp;
      dAhh[a0 + 2 * H + k] = dnp * r;
      if (propagate) dhPrev[pr + k] = dhPrev[pr + k]! + d * z;
    }
  }
}

export const gruCell: CellKernel = {
  G: 3,
  fused: false,
  foldRecurrentBias: false,
  projectIntoGates: true,
  forward,
  backward,
};
