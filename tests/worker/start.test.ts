import { describe, expect, it } from 'vitest';
import { largestSingularValue } from '../../src/engine/spectralNorm';
import { modelSpectrum, recurrentBlock } from '../../src/engine/spectrum';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import { powerNorms, startInfo } from '../../src/worker/trainer/start';
import { small } from './helpers';

const view = { seq: 0, gate: 0 };
const input = { running: false, stepsPerSecond: 0, force: true, forceSlow: true, acked: 0 };

/** W^k by plain repeated products, for comparison. */
function power(W: Float64Array, H: number, k: number): Float64Array {
  let P = W.slice();
  for (let n = 1; n < k; n++) {
    const next = new Float64Array(H * H);
    for (let i = 0; i < H; i++)
      for (let m = 0; m < H; m++)
        for (let j = 0; j < H; j++) next[i * H + j]! += P[i * H + m]! * W[m * H + j]!;
    P = next;
  }
  return P;
}

describe('W_hh as set (ρ₀, σ_max,0, powers)', () => {
  it('powerNorms equals ‖W^k‖₂ from plain products, and copes with ρ = 2 over 64 steps', () => {
    const t = createTrainer(small({ init: 'nonnormal', rho: 0.9, H: 12 }));
    const W = recurrentBlock(t.model, 0);
    const p = powerNorms(W, 12, 20);
    for (const k of [1, 2, 7, 20])
      expect(p[k - 1]! / largestSingularValue(power(W, 12, k), 12, 12)).toBeCloseTo(1, 10);
    // The non-normal init: ρ = 0.9, yet the powers grow well above 1 before they decay.
    expect(Math.max(...p)).toBeGreaterThan(3);
    const big = createTrainer(small({ init: 'orthogonal', rho: 2, H: 8 }));
    const q = powerNorms(recurrentBlock(big.model, 0), 8, 64);
    // Orthogonal times 2: ‖W^k‖ = 2^k exactly, far beyond where plain products stay accurate.
    expect(q[63]! / 2 ** 64).toBeCloseTo(1, 9);
  });

  it('keeps the values set at the start while training moves W_hh, and follows the ρ slider', () => {
    const t = createTrainer(small({ init: 'orthogonal', rho: 0.8, lr: 0.05 }));
    const snap = createSnapshotter(() => 0);
    const a = snap.build(t, view, input).msg;
    expect(a.start.rho[0]).toBeCloseTo(0.8, 12);
    expect(a.start.sigmaMax[0]).toBeCloseTo(0.8, 12);
    expect(a.startPowers!.length).toBe(19);
    expect(a.startPowers![4]).toBeCloseTo(0.8 ** 5, 12);
    for (let k = 0; k < 20; k++) t.step();
    const b = snap.build(t, view, input).msg;
    expect(Math.abs(b.spectrum[0]!.rho - 0.8)).toBeGreaterThan(0.05); // Adam moved it …
    expect(b.start).toEqual(a.start); // … the start figures did not move
    t.setConfig({ rho: 0.5 });
    const c = snap.build(t, view, input).msg;
    expect(c.start.rho[0]).toBeCloseTo(0.5, 12);
    expect(c.start.iteration).toBe(20);
    expect(c.start.sigmaMax[0]).toBeCloseTo(modelSpectrum(t.model, 0).sigmaMax, 12);
  });

  it('gated cells: one ρ₀ and σ_max,0 per gate block, no powers', () => {
    const t = createTrainer(small({ cell: 'lstm', init: 'pytorch', rho: null }));
    const m = createSnapshotter(() => 0).build(t, view, input).msg;
    expect(m.start.rho.length).toBe(4);
    for (let g = 0; g < 4; g++)
      expect(m.start.rho[g]).toBeCloseTo(modelSpectrum(t.model, g).rho, 12);
    expect(m.startPowers).toBeNull();
  });

  it('ρ moves in a row scale the figures instead of recomputing them, and they equal a fresh computation', () => {
    for (const cell of ['rnn', 'lstm'] as const) {
      const t = createTrainer(small({ cell, init: 'nonnormal', rho: 0.9, H: 10 }));
      const snap = createSnapshotter(() => 0);
      snap.build(t, view, input);
      t.step(); // the first move after training measures afresh; the later ones scale
      for (const rho of [0.5, 1.7, 0.05, 2, 1.1]) {
        t.setConfig({ rho });
        t.recompute();
        const got = snap.build(t, view, input).msg;
        const fresh = startInfo({ ...t.start, rho: null }, 10, t.trace.T);
        expect(got.start.iteration).toBe(1);
        got.start.rho.forEach((r, g) =>
          expect(Math.abs(r / fresh.rho[g]! - 1)).toBeLessThan(1e-12),
        );
        got.start.sigmaMax.forEach((s, g) =>
          expect(Math.abs(s / fresh.sigmaMax[g]! - 1)).toBeLessThan(1e-12),
        );
        if (cell === 'lstm') expect(got.startPowers).toBeNull();
        else
          got.startPowers!.forEach((p, k) =>
            expect(Math.abs(p / fresh.powers![k]! - 1)).toBeLessThan(1e-11),
          );
      }
    }
  });

  it('a move scales only while nothing else changed W_hh between the two settings', () => {
    const t = createTrainer(small({ rho: 0.9 }));
    t.setConfig({ rho: 0.6 });
    const a = t.start.version;
    t.setConfig({ rho: 1.2 });
    expect(t.scaleBetween(a, t.start.version)![0]).toBeCloseTo(2, 12);
    t.step(); // training after the setting does not matter …
    expect(t.scaleBetween(a, t.start.version)![0]).toBeCloseTo(2, 12);
    t.setConfig({ rho: 0.3 }); // … but the next setting comes from trained weights
    expect(t.scaleBetween(a, t.start.version)).toBeNull();
  });
});
