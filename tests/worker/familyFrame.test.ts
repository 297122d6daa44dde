import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../src/worker/config';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import type { Snapshot } from '../../src/worker/protocol';
import { small } from './helpers';

const INIT = { lru: 'ring', rglru: 'griffin-code', s6: 'mamba', attention: 'pytorch' } as const;

function family(cell: keyof typeof INIT, patch: Partial<TrainConfig> = {}) {
  return createTrainer(
    small({ cell: cell as TrainConfig['cell'], init: INIT[cell] as TrainConfig['init'], ...patch }),
  );
}

function snapshot(t: ReturnType<typeof createTrainer>, seq = 0): Snapshot {
  const snap = createSnapshotter(() => 0);
  return snap.build(
    t,
    { seq, gate: 0 },
    { running: false, stepsPerSecond: 0, acked: 0, force: true },
  ).msg;
}

const relClose = (a: Float64Array, b: Float64Array, tol: number) =>
  Array.from(a).every((x, k) => Math.abs(x - b[k]!) <= tol * Math.max(Math.abs(x), 1e-300));

describe('family frame', () => {
  for (const cell of ['lru', 'rglru', 's6'] as const) {
    it(`${cell}: with only step T scored, the gradient carried back by the decays alone is ‖∂L/∂state_t‖ (the Jacobian is diagonal)`, () => {
      const t = family(cell, { task: 'adding', T: 30 });
      for (let k = 0; k < 3; k++) t.step();
      const s = snapshot(t);
      expect(s.taskLoss).toBe('mse_last');
      expect(relClose(s.family!.carried!, s.dhNorm, 1e-10)).toBe(true);
    });

    it(`${cell}: with truncated BPTT the carried gradient stops where the engine's does`, () => {
      const t = family(cell, { task: 'adding', T: 30, tbptt: 7 });
      t.step();
      const s = snapshot(t);
      expect(relClose(s.family!.carried!, s.dhNorm, 1e-10)).toBe(true);
      expect(s.family!.carried![30 - 7 - 1]).toBe(0);
    });
  }

  it('lru: λ as set lies on the ring (r_min ≤ |λ| ≤ r_max, 0 ≤ arg λ ≤ max phase) and stays there under freeze=recurrent', () => {
    const t = family('lru', { rmin: 0.9, rmax: 0.999, phase: 1, freeze: 'recurrent' });
    const s0 = snapshot(t);
    const { re, im, re0, im0 } = s0.family!.lambda!;
    expect(re).toEqual(re0);
    expect(im).toEqual(im0);
    for (let k = 0; k < re.length; k++) {
      const r = Math.hypot(re[k]!, im[k]!);
      expect(r).toBeGreaterThanOrEqual(0.9 - 1e-12);
      expect(r).toBeLessThanOrEqual(0.999 + 1e-12);
      const phi = Math.atan2(im[k]!, re[k]!);
      expect(phi).toBeGreaterThanOrEqual(0);
      expect(phi).toBeLessThanOrEqual(1 + 1e-12);
    }
    for (let k = 0; k < 5; k++) t.step();
    const s = snapshot(t);
    expect(s.family!.lambda!.re).toEqual(re0);
    expect(s.stateWidth).toBe(2 * s.H);
    expect(s.hidden.length).toBe(s.T * 2 * s.H);
  });

  it('lru: training moves λ away from where it was set, and the frame keeps both', () => {
    const t = family('lru', { rmin: 0.5, rmax: 0.9 });
    for (let k = 0; k < 5; k++) t.step();
    const f = snapshot(t).family!.lambda!;
    expect(f.re).not.toEqual(f.re0);
  });

  it('the ρ slider and the forget-gate bias change nothing on a family (no W_hh, no forget gate)', () => {
    const t = family('rglru');
    const before = t.getWeights().weights;
    expect(t.setConfig({ rho: 1.3, forgetBias: 2 })).toBe(false);
    expect(t.getWeights().weights).toEqual(before);
  });

  it('rglru: the decays histogram counts every a_t of the shown sequence; shares and median agree with them', () => {
    const t = family('rglru', { T: 25 });
    const s = snapshot(t, 2);
    const d = s.family!.decays!;
    expect(d.total).toBe(25 * s.H);
    expect(d.counts.reduce((a, b) => a + b, 0)).toBe(d.total);
    const G = 3;
    const a: number[] = [];
    for (let k = 0; k < 25; k++) for (let u = 0; u < s.H; u++) a.push(s.gates![k * G * s.H + u]!);
    expect(d.above99).toBeCloseTo(a.filter((x) => x >= 0.99).length / a.length, 12);
    expect(d.holdsT).toBeCloseTo(a.filter((x) => x ** 25 >= 1e-3).length / a.length, 12);
    a.sort((x, y) => y - x);
    // Median a: the middle of the decays sorted by rate −ln a.
    expect(d.median).toBeCloseTo(a[Math.floor((a.length - 1) / 2)]!, 12);
  });

  it('s6: the state is shown as per-channel norms over N; the histogram counts T·H·N decays; A = −exp(A_log)', () => {
    const t = family('s6', { N: 4 });
    const s = snapshot(t);
    expect(s.stateNorms).toBe(true);
    expect(s.stateWidth).toBe(s.H);
    expect(s.hidden.every((v) => v >= 0)).toBe(true);
    expect(s.family!.decays!.total).toBe(s.T * s.H * 4);
    [-1, -2, -3, -4].forEach((a, n) => expect(s.family!.A![n]).toBeCloseTo(a, 14));
    expect(s.gates!.length).toBe(s.T * s.H);
  });

  it('attention: every row of α sums to 1, pooled or not, and the last row is α_T unpooled', () => {
    for (const T of [20, 450]) {
      const t = family('attention', { T, H: 4, batch: 2 });
      const s = snapshot(t, 1);
      const al = s.family!.alpha!;
      expect(al.pool).toBe(Math.ceil(T / 200));
      for (let q = 0; q < al.n; q++) {
        let sum = 0;
        for (let k = 0; k < al.n; k++) sum += al.values[q * al.n + k]!;
        expect(sum).toBeCloseTo(1, 12);
      }
      expect(al.last.length).toBe(T);
      expect(al.last.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('classic cells carry no family frame and their state as it is', () => {
    const s = snapshot(createTrainer(small({ cell: 'gru' })));
    expect(s.family).toBeNull();
    expect(s.stateWidth).toBe(s.H);
    expect(s.stateNorms).toBe(false);
  });
});
