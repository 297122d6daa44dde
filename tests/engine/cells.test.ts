/** Cell equations checked one step at a time against direct scalar formulas (B = 1, T = 1). */
import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import { createRng } from '../../src/engine/rng';
import type { CellKind } from '../../src/engine/types';
import { randomModel, randomState, specOf } from './bptt-helpers';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

function oneStep(cell: CellKind, hold?: number) {
  const s = { cell, I: 2, H: 3, O: 1, T: 1, B: 1 };
  const rng = createRng(31);
  const m = randomModel(specOf(s), rng, 1);
  const x = Float64Array.of(0.3, -0.8);
  const h0 = randomState(3, rng);
  const c0 = randomState(3, rng);
  const batch = { T: 1, B: 1, loss: 'mse_last' as const, inputs: x, targets: Float64Array.of(0.1) };
  const tr = forwardBackward(m, batch, createWorkspace(m.spec, 1, 1), {
    h0,
    c0: cell === 'lstm' ? c0 : undefined,
    holdForget: hold ?? null,
  });
  const W = m.param('weight_ih_l0').w;
  const U = m.param('weight_hh_l0').w;
  const bi = m.param('bias_ih_l0').w;
  const bh = m.param('bias_hh_l0').w;
  const ai = (r: number) => W[2 * r]! * x[0]! + W[2 * r + 1]! * x[1]! + bi[r]!;
  const ah = (r: number) =>
    U[3 * r]! * h0[0]! + U[3 * r + 1]! * h0[1]! + U[3 * r + 2]! * h0[2]! + bh[r]!;
  return { tr, ai, ah, h0, c0 };
}

describe('one step of each cell', () => {
  it('linear: h = W_ih x + b_ih + W_hh h0 + b_hh', () => {
    const { tr, ai, ah } = oneStep('linear');
    for (let k = 0; k < 3; k++) expect(tr.h[3 + k]).toBeCloseTo(ai(k) + ah(k), 14);
  });

  it('rnn: h = tanh(W_ih x + b_ih + W_hh h0 + b_hh)', () => {
    const { tr, ai, ah } = oneStep('rnn');
    for (let k = 0; k < 3; k++) expect(tr.h[3 + k]).toBeCloseTo(Math.tanh(ai(k) + ah(k)), 14);
  });

  it('relu: h = max(0, W_ih x + b_ih + W_hh h0 + b_hh)', () => {
    const { tr, ai, ah } = oneStep('relu');
    for (let k = 0; k < 3; k++) expect(tr.h[3 + k]).toBeCloseTo(Math.max(0, ai(k) + ah(k)), 14);
  });

  it('lstm: gates i, f, g, o in PyTorch row order; c = f c0 + i g; h = o tanh c', () => {
    const { tr, ai, ah, c0 } = oneStep('lstm');
    const H = 3;
    for (let k = 0; k < H; k++) {
      const i = sig(ai(k) + ah(k));
      const f = sig(ai(H + k) + ah(H + k));
      const g = Math.tanh(ai(2 * H + k) + ah(2 * H + k));
      const o = sig(ai(3 * H + k) + ah(3 * H + k));
      [i, f, g, o].forEach((v, q) => expect(tr.gates![q * H + k]).toBeCloseTo(v, 14));
      const c = f * c0[k]! + i * g;
      expect(tr.c![H + k]).toBeCloseTo(c, 14);
      expect(tr.h[H + k]).toBeCloseTo(o * Math.tanh(c), 14);
    }
  });

  it('lstm with the forget gate held: f ≡ φ whatever the weights', () => {
    const { tr, ai, ah, c0 } = oneStep('lstm', 0.25);
    const H = 3;
    for (let k = 0; k < H; k++) {
      expect(tr.gates![H + k]).toBe(0.25);
      const c = 0.25 * c0[k]! + sig(ai(k) + ah(k)) * Math.tanh(ai(2 * H + k) + ah(2 * H + k));
      expect(tr.c![H + k]).toBeCloseTo(c, 14);
    }
  });

  it('gru: r, z, n with b_hn inside the r product; h = (1 − z) n + z h0', () => {
    const { tr, ai, ah, h0 } = oneStep('gru');
    const H = 3;
    for (let k = 0; k < H; k++) {
      const r = sig(ai(k) + ah(k));
      const z = sig(ai(H + k) + ah(H + k));
      const n = Math.tanh(ai(2 * H + k) + r * ah(2 * H + k));
      [r, z, n].forEach((v, q) => expect(tr.gates![q * H + k]).toBeCloseTo(v, 14));
      expect(tr.h[H + k]).toBeCloseTo((1 - z) * n + z * h0[k]!, 14);
    }
  });
});
