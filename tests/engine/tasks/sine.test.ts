import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeTask } from '../../../src/engine/tasks';
import { SINE_PERIODS } from '../../../src/engine/tasks/sine';
import { meanSE } from './stats';

describe('sine continuation', () => {
  it('shows the wave for ⌈T/2⌉ steps, then zeros; the target is always the next value', () => {
    for (const T of [1, 2, 9, 100]) {
      const task = makeTask('sine', T);
      const B = 5;
      const batch = task.sample(createRng(T), B);
      expect(batch.inputs.length).toBe(T * B * 2);
      expect(batch.targets.length).toBe(T * B);
      const shown = Math.ceil(T / 2);
      for (let b = 0; b < B; b++)
        for (let t = 0; t < T; t++) {
          const x = batch.inputs[(t * B + b) * 2]!;
          const flag = batch.inputs[(t * B + b) * 2 + 1]!;
          expect(flag).toBe(t < shown ? 1 : 0);
          if (t >= shown) expect(x).toBe(0);
          if (t >= 1 && t < shown) expect(batch.targets[(t - 1) * B + b]).toBe(x);
          expect(Math.abs(batch.targets[t * B + b]!)).toBeLessThanOrEqual(1);
        }
    }
  });

  it('each sequence is one sinusoid with a period in [8, 32] steps', () => {
    const T = 60;
    const B = 50;
    const batch = makeTask('sine', T).sample(createRng(3), B);
    for (let b = 0; b < B; b++) {
      const y = (t: number) => batch.targets[t * B + b]!;
      // x_{t+1} + x_{t−1} = 2 cos ω · x_t; estimate cos ω by least squares, then check every step.
      let num = 0;
      let den = 0;
      for (let t = 1; t < T - 1; t++) {
        num += (y(t + 1) + y(t - 1)) * y(t);
        den += 2 * y(t) * y(t);
      }
      const c = num / den;
      for (let t = 1; t < T - 1; t++)
        expect(Math.abs(y(t + 1) + y(t - 1) - 2 * c * y(t))).toBeLessThan(1e-12);
      const period = (2 * Math.PI) / Math.acos(c);
      expect(period).toBeGreaterThanOrEqual(SINE_PERIODS[0] - 1e-9);
      expect(period).toBeLessThanOrEqual(SINE_PERIODS[1] + 1e-9);
    }
  });

  it('chance MSE of predicting 0 is E[sin²] = 1/2 (Monte Carlo)', () => {
    const task = makeTask('sine', 40);
    expect(task.chanceLoss).toBe(0.5);
    const batch = task.sample(createRng(21), 20000);
    // Average the 40 steps of each sequence first, so the samples are independent.
    const perSeq = new Float64Array(20000);
    for (let t = 0; t < 40; t++)
      for (let b = 0; b < 20000; b++)
        perSeq[b] = perSeq[b]! + batch.targets[t * 20000 + b]! ** 2 / 40;
    const m = meanSE(perSeq);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(4 * m.se);
    expect(m.se).toBeLessThan(2e-3);
    // The phase covers the whole circle: x_0 = sin φ is negative half the time, cos φ too.
    const x0 = batch.inputs.filter((_, k) => k % 2 === 0).subarray(0, 20000);
    const neg = meanSE(x0.map((x) => (x < 0 ? 1 : 0)));
    expect(Math.abs(neg.mean - 0.5)).toBeLessThan(4 * neg.se);
    // x_1 − x_0 has the sign of cos(φ + ω/2); rising and falling starts are equally common.
    const rising = meanSE(x0.map((x, b) => (batch.inputs[(20000 + b) * 2]! > x ? 1 : 0)));
    expect(Math.abs(rising.mean - 0.5)).toBeLessThan(4 * rising.se);
    expect(task.accuracy).toBeUndefined();
    expect(task.chanceAccuracy).toBeNull();
  });
});
