import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeTask } from '../../../src/engine/tasks';
import { chiSquareUniform, meanSE } from './stats';

describe('adding problem', () => {
  it('has one marker in each half and the target is the sum of the marked values', () => {
    for (const T of [2, 3, 10, 51]) {
      const task = makeTask('adding', T);
      const B = 40;
      const batch = task.sample(createRng(T), B);
      expect(batch.inputs.length).toBe(T * B * 2);
      expect(batch.targets.length).toBe(B);
      const half = Math.floor(T / 2);
      for (let b = 0; b < B; b++) {
        const first: number[] = [];
        const second: number[] = [];
        let sum = 0;
        for (let t = 0; t < T; t++) {
          const x = batch.inputs[(t * B + b) * 2]!;
          const m = batch.inputs[(t * B + b) * 2 + 1]!;
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
          expect([0, 1]).toContain(m);
          if (m === 1) {
            (t < half ? first : second).push(t);
            sum += x;
          }
        }
        expect(first.length).toBe(1);
        expect(second.length).toBe(1);
        expect(batch.targets[b]).toBe(sum);
      }
    }
  });

  it('draws marker positions uniformly within each half', () => {
    const T = 10;
    const B = 20000;
    const batch = makeTask('adding', T).sample(createRng(5), B);
    const counts = new Float64Array(T);
    for (let t = 0; t < T; t++)
      for (let b = 0; b < B; b++) counts[t] = counts[t]! + batch.inputs[(t * B + b) * 2 + 1]!;
    // Each half: 5 cells, χ²(4) exceeds 18.5 with probability 0.001.
    expect(chiSquareUniform(counts.subarray(0, 5))).toBeLessThan(18.5);
    expect(chiSquareUniform(counts.subarray(5, 10))).toBeLessThan(18.5);
  });

  it('puts both markers on the single step when T = 1 (target 2·x_0)', () => {
    const task = makeTask('adding', 1);
    const batch = task.sample(createRng(3), 8);
    for (let b = 0; b < 8; b++) {
      expect(batch.inputs[b * 2 + 1]).toBe(2);
      expect(batch.targets[b]).toBe(2 * batch.inputs[b * 2]!);
    }
    // Var(2U) = 4·(1/12)
    expect(task.chanceLoss).toBeCloseTo(1 / 3, 15);
  });

  it('chance MSE is Var(X1 + X2) = 2·(1/12) = 1/6, in closed form and by Monte Carlo', () => {
    // Var(U[0,1]) = ∫₀¹ x² dx − (∫₀¹ x dx)² = 1/3 − 1/4 = 1/12; the two marked values are independent.
    const closed = 2 * (1 / 3 - 1 / 4);
    const task = makeTask('adding', 50);
    expect(Math.abs(task.chanceLoss - closed)).toBeLessThan(1e-15);
    expect(task.chanceLoss).toBeCloseTo(0.1667, 4);
    const B = 100000;
    const batch = makeTask('adding', 20).sample(createRng(42), B);
    const y = meanSE(batch.targets);
    // The best constant is E[y] = 1, and its MSE is the variance.
    expect(Math.abs(y.mean - 1)).toBeLessThan(4 * y.se);
    const sq = meanSE(batch.targets.map((v) => (v - 1) ** 2));
    // SE ≈ √(7/180)/√N ≈ 6.2e-4 at N = 1e5; allow 4 SE.
    expect(sq.se).toBeLessThan(7e-4);
    expect(Math.abs(sq.mean - task.chanceLoss)).toBeLessThan(4 * sq.se);
  });

  it('solved means far below chance', () => {
    const task = makeTask('adding', 100);
    expect(task.solvedLoss).toBeLessThan(task.chanceLoss / 10);
    expect(task.loss).toBe('mse_last');
    expect(task.accuracy).toBeUndefined();
  });
});
