/**
 * Every parameter gradient entry and every dL/dh_t (dL/dc_t) against Richardson-extrapolated central
 * differences, for every cell × loss, on several sizes (T = 1, H = 1, B = 1), saturated units, with
 * and without truncation and the LSTM forget-gate hold. Relative error must stay below 1e−6.
 */
import { describe, expect, it } from 'vitest';
import { CELLS as REGISTERED } from '../../src/engine/cells/catalog';
import { gradCheck, stateGradCheck } from '../../src/engine/gradcheck';
import { createRng } from '../../src/engine/rng';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import type { RunOptions } from '../../src/engine/bptt';
import type { Model } from '../../src/engine/model';
import type { AnyLossKind, Batch, CellKind } from '../../src/engine/types';
import { randomBatch, randomModel, randomState, specOf } from './bptt-helpers';
import type { Sizes } from './bptt-helpers';

/** Every registered cell on the classic driver (the registry's, not a list here). */
const CELLS: readonly CellKind[] = REGISTERED.filter((c) => c.family === 'classic').map(
  (c) => c.id,
);
const LOSSES: AnyLossKind[] = ['mse_last', 'mse_all', 'xent_all', 'xent_last'];
const TOL = 1e-6;

const SIZES: Omit<Sizes, 'cell'>[] = [
  { I: 2, H: 3, O: 2, T: 4, B: 2 },
  { I: 2, H: 3, O: 3, T: 1, B: 2 },
  { I: 1, H: 1, O: 2, T: 5, B: 3 },
  { I: 3, H: 2, O: 2, T: 3, B: 1 },
];

/** ReLU pre-activations this far from 0 keep every finite-difference step on one side of the kink. */
const KINK_MARGIN = 0.05;

/** Smallest |a| over the pre-activations a_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh of a ReLU run. */
function kinkMargin(s: Sizes, model: Model, batch: Batch, h0: Float64Array): number {
  const tr = forwardBackward(model, batch, createWorkspace(model.spec, s.T, s.B), { h0 });
  const [W, U, bi, bh] = ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'].map(
    (n) => model.param(n).w,
  ) as [Float64Array, Float64Array, Float64Array, Float64Array];
  let m = Infinity;
  for (let t = 0; t < s.T; t++)
    for (let b = 0; b < s.B; b++)
      for (let u = 0; u < s.H; u++) {
        let a = bi[u]! + bh[u]!;
        for (let i = 0; i < s.I; i++) a += W[u * s.I + i]! * batch.inputs[(t * s.B + b) * s.I + i]!;
        for (let j = 0; j < s.H; j++) a += U[u * s.H + j]! * tr.h[(t * s.B + b) * s.H + j]!;
        m = Math.min(m, Math.abs(a));
      }
  return m;
}

function check(
  s: Sizes,
  loss: AnyLossKind,
  seed: number,
  opts: RunOptions = {},
  scale = 0.6,
  inScale = 1,
): void {
  const rng = createRng(seed);
  const model = randomModel(specOf(s), rng, scale);
  const batch = randomBatch(s, loss, rng);
  for (let i = 0; i < batch.inputs.length; i++) batch.inputs[i] = batch.inputs[i]! * inScale;
  const full: RunOptions & { chunkRows: number } = {
    h0: randomState(s.B * s.H, rng),
    c0: s.cell === 'lstm' ? randomState(s.B * s.H, rng) : undefined,
    // Fold weight gradients every two steps, so multi-chunk accumulation is what gets checked.
    chunkRows: 2 * s.B,
    ...opts,
  };
  // Finite differences are meaningless across ReLU's kink: take the next seed (deterministically)
  // whose pre-activations all keep KINK_MARGIN from 0. PyTorch's fixtures check the kink's side.
  if (s.cell === 'relu' && kinkMargin(s, model, batch, full.h0!) < KINK_MARGIN) {
    expect(seed % 1_000_000).toBeLessThan(999_900);
    return check(s, loss, seed + 1_000_000, opts, scale, inScale);
  }
  const g = gradCheck(model, batch, full);
  expect(g.maxRelError, `worst ${JSON.stringify(g.worst)}`).toBeLessThan(TOL);
  const nParams = model.params.reduce((a, p) => a + p.w.length, 0);
  expect(g.checked).toBe(nParams);
  // The floor must not be what makes the check pass: most entries are far above it (a ReLU net's
  // inactive units give exact zeros, so there a fifth).
  const big = model.params.reduce(
    (a, p) => a + p.dw.filter((x) => Math.abs(x) > g.floor).length,
    0,
  );
  expect(big / nParams).toBeGreaterThan(s.cell === 'relu' ? 0.2 : 0.5);
  const st = stateGradCheck(model, batch, full);
  expect(st.maxRelError, `worst ${JSON.stringify(st.worst)}`).toBeLessThan(TOL);
  expect(st.checked).toBeGreaterThanOrEqual(s.T * s.B * s.H);
}

describe.each(CELLS)('%s cell: gradients equal finite differences', (cell) => {
  describe.each(LOSSES)('%s', (loss) => {
    it.each(SIZES.map((z, k) => [k, z] as const))('size #%i', (k, z) => {
      check({ cell, ...z }, loss, 1000 + 17 * k + LOSSES.indexOf(loss));
    });
  });

  it('saturated units (large weights and inputs)', () => {
    check({ cell, I: 2, H: 3, O: 2, T: 5, B: 2 }, 'mse_all', 77, {}, 2.5, 3);
  });

  if (cell === 'rnn') {
    it('the saturated case really saturates: most |h| > 0.95', () => {
      const s: Sizes = { cell, I: 2, H: 3, O: 2, T: 5, B: 2 };
      const rng = createRng(77);
      const model = randomModel(specOf(s), rng, 2.5);
      const batch = randomBatch(s, 'mse_all', rng);
      for (let i = 0; i < batch.inputs.length; i++) batch.inputs[i] = batch.inputs[i]! * 3;
      const tr = forwardBackward(model, batch, createWorkspace(model.spec, s.T, s.B), {
        h0: randomState(s.B * s.H, rng),
      });
      const h = tr.h.subarray(s.B * s.H);
      expect(h.filter((v) => Math.abs(v) > 0.95).length / h.length).toBeGreaterThan(0.5);
    });
  }

  it.each([
    ['mse_all', 6, 2],
    ['mse_last', 7, 3],
    ['xent_all', 8, 4],
    ['mse_all', 5, 4],
  ] as const)('truncated BPTT (%s, T=%i, K=%i) equals the detached graph', (loss, T, K) => {
    check({ cell, I: 2, H: 3, O: 3, T, B: 2 }, loss, 300 + T * K, { truncate: K });
  });
});

describe('LSTM forget-gate hold', () => {
  it.each([0, 0.5, 0.97, 1])(
    'φ = %s: gradients equal finite differences of the held model',
    (phi) => {
      check({ cell: 'lstm', I: 2, H: 3, O: 2, T: 5, B: 2 }, 'mse_all', 55, { holdForget: phi });
    },
  );
});
