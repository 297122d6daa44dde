/**
 * LSTM as PyTorch's nn.LSTM. Gate rows in order i, f, g, o:
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o), a = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh,
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,  h_t = o ⊙ tanh(c_t).
 * Glossary: i input gate, f forget gate, g candidate, o output gate, c cell state (the "belt").
 * Backward, with dc carried from step t+1 as f_{t+1} ⊙ dL/dc_{t+1}:
 *   dL/dc_t = dL/dh_t ⊙ o ⊙ (1 − tanh² c_t) + carry,
 *   da_i = dc·g·i(1−i), da_f = dc·c_{t−1}·f(1−f), da_g = dc·i·(1−g²), da_o = dh·tanh(c_t)·o(1−o).
 * b_ih + b_hh are already in the gate rows when the step starts; W_ih x_t + W_hh h_{t−1} is one
 * fused product.
 * Teaching override `hold` = φ: f ≡ φ everywhere and da_f = 0 (the f pre-activations get no gradient).
 */
import { fusedStep } from '../../bptt/fused';
import { tanh } from '../../tanh';
import { sigmoidRange, tanhRange } from '../activate';
import type { CellKernel } from '../../bptt/cell';
import type { WorkspaceInternal } from '../../bptt/workspace';

function forward(
  ws: WorkspaceInternal,
  _whh: Float64Array,
  _bhh: Float64Array,
  inputs: Float64Array,
  t: number,
  hold: number | null,
): void {
  const { B, H, GH } = ws;
  const tr = ws.trace;
  const h = tr.h;
  const c = tr.c!;
  const gates = tr.gates!;
  const tanhC = ws.tanhC;
  const n = B * H;
  const gOff = (t - 1) * B * GH;
  fusedStep(ws, inputs, t, gates, gOff, GH);
  const useHold = hold !== null;
  const phi = hold ?? 0;
  for (let b = 0; b < B; b++) {
    const g0 = gOff + b * GH;
    sigmoidRange(gates, g0, g0 + 2 * H); // i, f
    tanhRange(gates, g0 + 2 * H, g0 + 3 * H); // g
    sigmoidRange(gates, g0 + 3 * H, g0 + GH); // o
    if (useHold) gates.fill(phi, g0 + H, g0 + 2 * H);
    const s = t * n + b * H;
    const sp = s - n;
    const q = (t - 1) * n + b * H;
    for (let k = 0; k < H; k++) {
      const ct = gates[g0 + H + k]! * c[sp + k]! + gates[g0 + k]! * gates[g0 + 2 * H + k]!;
      const tc = tanh(ct);
      c[s + k] = ct;
      tanhC[q + k] = tc;
      h[s + k] = gates[g0 + 3 * H + k]! * tc;
    }
  }
}

function backward(
  ws: WorkspaceInternal,
  t: number,
  aOff: number,
  hold: number | null,
  propagate: boolean,
): void {
  const { B, H, GH } = ws;
  const tr = ws.trace;
  const c = tr.c!;
  const gates = tr.gates!;
  const dh = tr.dh;
  const dc = tr.dc!;
  const dA = ws.dA;
  const carry = ws.dcCarry;
  const tanhC = ws.tanhC;
  const n = B * H;
  const gOff = (t - 1) * B * GH;
  const useHold = hold !== null;
  for (let b = 0; b < B; b++) {
    const g0 = gOff + b * GH;
    const a0 = aOff + b * GH;
    const q = (t - 1) * n + b * H;
    const sp = (t - 1) * n + b * H;
    const r = b * H;
    for (let k = 0; k < H; k++) {
      const ig = gates[g0 + k]!;
      const fg = gates[g0 + H + k]!;
      const gg = gates[g0 + 2 * H + k]!;
      const og = gates[g0 + 3 * H + k]!;
      const tc = tanhC[q + k]!;
      const d = dh[q + k]!;
      const dct = d * og * (1 - tc * tc) + carry[r + k]!;
      dc[q + k] = dct;
      dA[a0 + k] = dct * gg * ig * (1 - ig);
      dA[a0 + H + k] = useHold ? 0 : dct * c[sp + k]! * fg * (1 - fg);
      dA[a0 + 2 * H + k] = dct * ig * (1 - gg * gg);
      dA[a0 + 3 * H + k] = d * tc * og * (1 - og);
      carry[r + k] = propagate ? dct * fg : 0;
    }
  }
}

export const lstmCell: CellKernel = {
  G: 4,
  fused: true,
  foldRecurrentBias: true,
  projectIntoGates: true,
  forward,
  backward,
};
