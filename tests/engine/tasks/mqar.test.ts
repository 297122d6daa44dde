import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeAssociativeRecall, mqarPairs } from '../../../src/engine/tasks/mqar';
import type { Batch } from '../../../src/engine/types';
import { chiSquareUniform } from './stats';

const I = 17;
const O = 9;

/** Indices of the hot inputs at step t of sequence b. */
function hots(batch: Batch, t: number, b: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < I; i++) {
    const v = batch.inputs[(t * batch.B + b) * I + i]!;
    expect(v === 0 || v === 1).toBe(true);
    if (v === 1) out.push(i);
  }
  return out;
}

describe('associative recall (small MQAR)', () => {
  it('uses min(4, ⌊T/2⌋) pairs', () => {
    expect([1, 2, 3, 4, 7, 8, 16, 1000].map(mqarPairs)).toEqual([0, 1, 1, 2, 3, 4, 4, 4]);
  });

  it('opens with the pairs (a key and its value in one step), then asks each key once', () => {
    for (const T of [1, 2, 5, 8, 16, 40]) {
      const D = mqarPairs(T);
      const B = 40;
      const task = makeAssociativeRecall(T);
      expect([task.inputSize, task.outputSize, task.loss]).toEqual([I, O, 'xent_all']);
      const batch = task.sample(createRng(T), B);
      for (let b = 0; b < B; b++) {
        const value = new Map<number, number>();
        for (let j = 0; j < D; j++) {
          const [k, v] = hots(batch, j, b);
          expect(k! >= 1 && k! <= 8 && v! >= 9 && v! <= 16).toBe(true);
          expect(value.has(k!)).toBe(false);
          expect([...value.values()]).not.toContain(v! - 8);
          value.set(k!, v! - 8);
          expect(batch.targets[j * B + b]).toBe(0);
        }
        const asked: number[] = [];
        for (let t = D; t < T; t++) {
          const h = hots(batch, t, b);
          expect(h).toHaveLength(1);
          const c = batch.targets[t * B + b]!;
          if (h[0] === 0) expect(c).toBe(0);
          else {
            asked.push(h[0]!);
            expect(c).toBe(value.get(h[0]!));
          }
        }
        expect(asked.sort()).toEqual([...value.keys()].sort());
      }
    }
  });

  it('draws keys, values and query steps uniformly', () => {
    const T = 16;
    const N = 5000;
    const batch = makeAssociativeRecall(T).sample(createRng(8), N);
    const keys = new Float64Array(8);
    const values = new Float64Array(8);
    const at = new Float64Array(T - 4);
    for (let b = 0; b < N; b++) {
      const [k, v] = hots(batch, 0, b);
      keys[k! - 1] = keys[k! - 1]! + 1;
      values[v! - 9] = values[v! - 9]! + 1;
      for (let t = 4; t < T; t++) if (batch.targets[t * N + b]! > 0) at[t - 4] = at[t - 4]! + 1;
    }
    // χ² with 7 and 11 degrees of freedom exceeds 24.3 and 31.3 with probability 0.001.
    expect(chiSquareUniform(keys)).toBeLessThan(24.3);
    expect(chiSquareUniform(values)).toBeLessThan(24.3);
    expect(chiSquareUniform(at)).toBeLessThan(31.3);
  });

  it('chance cross-entropy is D·ln 8 / T: the best predictor from the step and the current input', () => {
    expect(makeAssociativeRecall(16).chanceLoss).toBeCloseTo((4 * Math.log(8)) / 16, 15);
    expect(makeAssociativeRecall(1).chanceLoss).toBe(0);
    for (const T of [4, 9, 16]) {
      const task = makeAssociativeRecall(T);
      const D = mqarPairs(T);
      const N = 20000;
      const batch = task.sample(createRng(70 + T), N);
      // Plug-in entropy of the target given (t, current input), averaged over the T steps.
      let total = 0;
      for (let t = 0; t < T; t++) {
        const groups = new Map<string, Float64Array>();
        for (let b = 0; b < N; b++) {
          let key = '';
          for (let i = 0; i < I; i++) if (batch.inputs[(t * N + b) * I + i] === 1) key += `${i},`;
          const g = groups.get(key) ?? new Float64Array(O);
          const c = batch.targets[t * N + b]!;
          g[c] = g[c]! + 1;
          groups.set(key, g);
        }
        for (const g of groups.values()) {
          const n = g.reduce((a, x) => a + x, 0);
          for (const x of g) if (x > 0) total -= (x / N) * Math.log(x / n);
        }
      }
      // Each query step splits into 8 input groups with a −7/(2n) bias each: about −28/N per step.
      expect(Math.abs(total / T + (D * 28) / N / T - task.chanceLoss)).toBeLessThan(3e-3);
    }
  });

  it('accuracy scores the query steps only', () => {
    const T = 8;
    const task = makeAssociativeRecall(T);
    const B = 1;
    const batch = task.sample(createRng(2), B);
    const outputs = new Float64Array(T * O);
    for (let t = 0; t < T; t++) outputs[t * O + batch.targets[t]!] = 1;
    expect(task.accuracy!(outputs, batch)).toBe(1);
    const q = [...batch.targets].findIndex((c) => c > 0);
    outputs.fill(0, q * O, (q + 1) * O);
    outputs[q * O] = 1;
    expect(task.accuracy!(outputs, batch)).toBe(3 / 4);
    expect(task.chanceAccuracy).toBe(1 / 8);
  });
});
