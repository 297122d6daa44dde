/**
 * Every parameter gradient, every dL/d(state_t) and (RG-LRU) dL/dh_0 of the newer families
 * against Richardson-extrapolated central differences, for every loss, with degenerate sizes
 * (T = 1, H = 1, I = 1, B = 1), S6 with N = 1 and 5, and TBPTT for the recurrences.
 */
import { describe, expect, it } from 'vitest';
import { FAMILY_CELLS } from '../../../src/engine/family/cells';
import { familyGradCheck } from '../../../src/engine/family/gradcheck';
import { createFamilyModel } from '../../../src/engine/family/model';
import { FAMILY_IDS } from '../../../src/engine/family/types';
import type { FamilyDims, FamilyId, FamilyRunOptions } from '../../../src/engine/family/types';
import { createRng } from '../../../src/engine/rng';
import type { Rng } from '../../../src/engine/rng';
import type { AnyLossKind, Batch } from '../../../src/engine/types';

const TOL = 1e-6;
/** Every registered cell with its own passes (the registry's, not a list here). */
const FAMILIES: readonly FamilyId[] = FAMILY_IDS;
const LOSSES: AnyLossKind[] = ['mse_last', 'mse_all', 'xent_all', 'xent_last'];

interface Case {
  I: number;
  H: number;
  O: number;
  N: number;
  T: number;
  B: number;
}

const SIZES: Case[] = [
  { I: 2, H: 3, O: 2, N: 2, T: 4, B: 2 },
  { I: 1, H: 1, O: 2, N: 1, T: 1, B: 1 },
  { I: 1, H: 2, O: 2, N: 5, T: 5, B: 1 },
];

function randomModel(id: FamilyId, d: FamilyDims, rng: Rng) {
  const model = createFamilyModel(FAMILY_CELLS[id], d);
  for (const p of model.params)
    for (let j = 0; j < p.w.length; j++) p.w[j] = rng.uniform(-0.7, 0.7);
  // Keep the decays in the range the cells are used in (|λ| ≈ 0.4–0.9, Δ ≈ 0.1–0.6).
  if (id === 'lru')
    for (let k = 0; k < d.hiddenSize; k++) model.param('nu_log').w[k] = rng.uniform(-2.5, 0);
  if (id === 's6') model.param('A_log').w.forEach((_, j, a) => (a[j] = rng.uniform(-0.5, 1)));
  return model;
}

function randomBatch(c: Case, loss: AnyLossKind, rng: Rng): Batch {
  const inputs = Float64Array.from({ length: c.T * c.B * c.I }, () => rng.normal());
  const n =
    loss === 'mse_last'
      ? c.B * c.O
      : loss === 'mse_all'
        ? c.T * c.B * c.O
        : loss === 'xent_all'
          ? c.T * c.B
          : c.B;
  const targets = Float64Array.from({ length: n }, () =>
    loss.startsWith('xent') ? rng.int(c.O) : rng.normal(),
  );
  return { T: c.T, B: c.B, loss, inputs, targets };
}

function check(
  id: FamilyId,
  c: Case,
  loss: AnyLossKind,
  seed: number,
  opts: FamilyRunOptions = {},
) {
  const rng = createRng(seed);
  const d = { inputSize: c.I, hiddenSize: c.H, outputSize: c.O, stateSize: id === 's6' ? c.N : 1 };
  const model = randomModel(id, d, rng);
  const batch = randomBatch(c, loss, rng);
  const h0 =
    id === 'rglru' ? Float64Array.from({ length: c.B * c.H }, () => 0.5 * rng.normal()) : undefined;
  const r = familyGradCheck(model, batch, { ...opts, h0, steps: [1e-2, 3e-3, 1e-3, 3e-4] });
  expect(r.maxRelError, `worst ${r.worst}`).toBeLessThan(TOL);
  const nParams = model.params.reduce((a, p) => a + p.w.length, 0);
  expect(r.checked).toBeGreaterThanOrEqual(nParams + c.T * c.B * c.H);
  return r;
}

describe.each(FAMILIES)('%s: gradients equal finite differences', (id) => {
  it.each(LOSSES)('%s on three sizes', (loss) => {
    SIZES.forEach((c, k) => check(id, c, loss, 31 + 7 * k + LOSSES.indexOf(loss)));
  });
  if (id !== 'attention') {
    it('with truncation K = 2 and K = 3 (the detached graph)', () => {
      const c = { I: 2, H: 2, O: 2, N: 2, T: 7, B: 2 };
      check(id, c, 'mse_all', 5, { truncate: 2 });
      check(id, { ...c, T: 6 }, 'xent_all', 6, { truncate: 3 });
    });
  }
});
