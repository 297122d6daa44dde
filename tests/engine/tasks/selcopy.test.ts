import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeSelectiveCopy, selcopyTokens } from '../../../src/engine/tasks/selcopy';
import type { Batch } from '../../../src/engine/types';
import { chiSquareUniform, positionalEntropy } from './stats';

const I = 10;
const O = 9;

function hot(batch: Batch, t: number, b: number): number {
  const row = batch.inputs.subarray((t * batch.B + b) * I, (t * batch.B + b + 1) * I);
  expect(row.reduce((a, v) => a + v, 0)).toBe(1);
  return row.indexOf(1);
}

describe('selective copy', () => {
  it('copies min(4, ⌊T/3⌋) symbols', () => {
    expect([1, 2, 3, 5, 6, 9, 11, 12, 32, 1000].map(selcopyTokens)).toEqual([
      0, 0, 1, 1, 2, 3, 3, 4, 4, 4,
    ]);
  });

  it('scatters the symbols among noise in order, then one marker per symbol to recall', () => {
    for (const T of [1, 2, 3, 7, 12, 32, 64]) {
      const S = selcopyTokens(T);
      const B = 50;
      const task = makeSelectiveCopy(T);
      expect([task.inputSize, task.outputSize, task.loss]).toEqual([I, O, 'xent_all']);
      const batch = task.sample(createRng(T), B);
      for (let b = 0; b < B; b++) {
        const shown: number[] = [];
        for (let t = 0; t < T - S; t++) {
          const s = hot(batch, t, b);
          expect(s).toBeLessThan(9);
          if (s > 0) shown.push(s);
          expect(batch.targets[t * B + b]).toBe(0);
        }
        expect(shown).toHaveLength(S);
        for (let j = 0; j < S; j++) {
          expect(hot(batch, T - S + j, b)).toBe(9);
          expect(batch.targets[(T - S + j) * B + b]).toBe(shown[j]);
        }
      }
    }
  });

  it('places the symbols uniformly over their region and draws them uniformly', () => {
    const T = 32;
    const S = 4;
    const N = 6000;
    const batch = makeSelectiveCopy(T).sample(createRng(3), N);
    const at = new Float64Array(T - S);
    const sym = new Float64Array(8);
    for (let b = 0; b < N; b++)
      for (let t = 0; t < T - S; t++) {
        const s = hot(batch, t, b);
        if (s > 0) {
          at[t] = at[t]! + 1;
          sym[s - 1] = sym[s - 1]! + 1;
        }
      }
    // χ² with 27 and 7 degrees of freedom exceeds 55.5 and 24.3 with probability 0.001.
    expect(chiSquareUniform(at)).toBeLessThan(55.5);
    expect(chiSquareUniform(sym)).toBeLessThan(24.3);
  });

  it('chance cross-entropy is S·ln 8 / T, and the fitted memoryless baseline agrees', () => {
    expect(makeSelectiveCopy(32).chanceLoss).toBeCloseTo((4 * Math.log(8)) / 32, 15);
    expect(makeSelectiveCopy(2).chanceLoss).toBe(0);
    for (const T of [6, 12, 32]) {
      const task = makeSelectiveCopy(T);
      const S = selcopyTokens(T);
      const N = 20000;
      const est = positionalEntropy(task.sample(createRng(50 + T), N).targets, T, N, O);
      // Plug-in bias about −7/(2N) nats on each recall step.
      expect(Math.abs(est + (S * 7) / (2 * N) / T - task.chanceLoss)).toBeLessThan(2e-4);
    }
  });

  it('accuracy scores the recall steps only', () => {
    const T = 6; // S = 2: recall at steps 4 and 5
    const task = makeSelectiveCopy(T);
    const B = 2;
    const batch = task.sample(createRng(1), B);
    const outputs = new Float64Array(T * B * O);
    for (let r = 0; r < T * B; r++) outputs[r * O] = 1;
    const setClass = (t: number, b: number, c: number) => {
      outputs.fill(0, (t * B + b) * O, (t * B + b + 1) * O);
      outputs[(t * B + b) * O + c] = 5;
    };
    setClass(4, 0, batch.targets[4 * B]!);
    setClass(5, 0, batch.targets[5 * B]!);
    setClass(4, 1, batch.targets[4 * B + 1]!);
    setClass(5, 1, (batch.targets[5 * B + 1]! % 8) + 1);
    expect(task.accuracy!(outputs, batch)).toBe(3 / 4);
    expect(task.chanceAccuracy).toBe(1 / 8);
    outputs[0] = NaN; // noise steps are not scored
    expect(task.accuracy!(outputs, batch)).toBe(3 / 4);
    outputs[4 * B * O] = NaN;
    expect(task.accuracy!(outputs, batch)).toBe(2 / 4);
  });
});
