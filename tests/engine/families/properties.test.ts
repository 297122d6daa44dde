/**
 * What the contract says each family's gradient through time is, checked on the engine's trace
 * (and, for the LRU at |λ| = 0.99, on PyTorch's fixture too): products of diagonal factors for the
 * recurrences, one hop for attention.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_CELLS } from '../../../src/engine/family/cells';
import { initFamily } from '../../../src/engine/family/init';
import { createFamilyModel } from '../../../src/engine/family/model';
import { createFamilyWorkspace, familyForwardBackward } from '../../../src/engine/family/run';
import type { FamilyId } from '../../../src/engine/family/types';
import { createRng } from '../../../src/engine/rng';
import { runFamilyGrad } from '../../../src/cli/familyGrad';
import { parseFamilySpec } from '../../../src/cli/familySpec';

function run(id: FamilyId, T: number, B: number, N = 3, truncate = 0) {
  const rng = createRng(11);
  const d = { inputSize: 2, hiddenSize: 4, outputSize: 2, stateSize: N };
  const model = createFamilyModel(FAMILY_CELLS[id], d);
  initFamily(model, rng);
  const inputs = Float64Array.from({ length: T * B * 2 }, () => rng.normal());
  const targets = Float64Array.from({ length: B * 2 }, () => rng.normal());
  const ws = createFamilyWorkspace(model, T, B);
  const h0 = id === 'rglru' ? Float64Array.from({ length: B * 4 }, () => rng.normal()) : undefined;
  const tr = familyForwardBackward(model, { T, B, loss: 'mse_last', inputs, targets }, ws, {
    truncate,
    h0,
  });
  return { tr, ws, model };
}

describe('gradient through time', () => {
  it('LRU at |λ| = 0.99: ‖dL/dx_t‖ / ‖dL/dx_T‖ = 0.99^(T−t), in PyTorch and in the engine', () => {
    const file = join(__dirname, '..', '..', 'fixtures', 'lru-mse_last-decay99.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { dL_dh_norm: number[]; seqLen: number };
    const got = runFamilyGrad(parseFamilySpec(raw)) as { dL_dh_norm: number[] };
    const T = raw.seqLen;
    for (const norms of [raw.dL_dh_norm, got.dL_dh_norm]) {
      for (let t = 1; t <= T; t++) {
        const ratio = norms[t - 1]! / norms[T - 1]!;
        expect(Math.abs(ratio / 0.99 ** (T - t) - 1)).toBeLessThan(1e-12);
      }
    }
  });

  it('RG-LRU: dL/dh_t = (Π_{s>t} a_s) ⊙ dL/dh_T per unit when only step T is scored', () => {
    const { tr } = run('rglru', 12, 2);
    const a = tr.gates.a!;
    const BH = 2 * 4;
    for (let p = 0; p < BH; p++) {
      let prod = 1;
      for (let t = 12; t >= 1; t--) {
        const want = prod * tr.dState[11 * BH + p]!;
        expect(Math.abs(tr.dState[(t - 1) * BH + p]! - want)).toBeLessThanOrEqual(
          1e-14 * Math.abs(want),
        );
        prod *= a.data[a.off + ((t - 1) * 2 + Math.floor(p / 4)) * a.stride + (p % 4)]!;
      }
    }
  });

  it('S6: dL/ds_t = exp(A·Σ_{k>t} Δ_k) ⊙ dL/ds_T per (d, n): Δ is the clock', () => {
    const T = 10;
    const B = 2;
    const N = 3;
    const { tr, model } = run('s6', T, B, N);
    const A = model.param('A_log').w.map((x) => -Math.exp(x));
    const delta = tr.gates.delta!;
    for (let b = 0; b < B; b++) {
      for (let d = 0; d < 4; d++) {
        let sum = 0;
        for (let t = T; t >= 1; t--) {
          for (let n = 0; n < N; n++) {
            const j = b * 4 * N + d * N + n;
            const want = Math.exp(A[d * N + n]! * sum) * tr.dState[(T - 1) * B * 4 * N + j]!;
            const have = tr.dState[(t - 1) * B * 4 * N + j]!;
            expect(Math.abs(have - want)).toBeLessThanOrEqual(1e-13 * Math.abs(want) + 1e-300);
          }
          sum += delta.data[delta.off + ((t - 1) * B + b) * delta.stride + d]!;
        }
      }
    }
  });

  it('attention: a last-step loss reaches every e_t in one hop (no factor per step)', () => {
    const { tr } = run('attention', 40, 2);
    for (let t = 0; t < 40; t++) expect(tr.dStateNorm[t]!).toBeGreaterThan(0);
    const alpha = tr.attention!;
    // α rows sum to 1 over s ≤ t and are exactly 0 above the diagonal.
    for (let b = 0; b < 2; b++)
      for (let t = 0; t < 40; t++) {
        let s1 = 0;
        for (let s = 0; s < 40; s++) {
          const v = alpha[(b * 40 + t) * 40 + s]!;
          if (s > t) expect(v).toBe(0);
          s1 += v;
        }
        expect(Math.abs(s1 - 1)).toBeLessThan(1e-14);
      }
  });

  it('truncation K cuts the recurrences: nothing reaches past the window, h_0 gets exactly 0', () => {
    for (const id of ['lru', 'rglru', 's6'] as const) {
      const { tr } = run(id, 12, 2, 3, 4);
      for (let t = 1; t <= 8; t++) expect(tr.dStateNorm[t - 1]).toBe(0);
      for (let t = 9; t <= 12; t++) expect(tr.dStateNorm[t - 1]!).toBeGreaterThan(0);
      if (id === 'rglru') expect(Array.from(tr.dState0!).every((x) => x === 0)).toBe(true);
    }
  });
});
