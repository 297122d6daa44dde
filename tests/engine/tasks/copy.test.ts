import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeTask } from '../../../src/engine/tasks';
import { copyLength } from '../../../src/engine/tasks/copy';
import type { Batch } from '../../../src/engine/types';
import { chiSquareUniform, positionalEntropy } from './stats';

const I = 10;
const O = 9;

/** Index of the hot input at step t of sequence b. */
function hot(batch: Batch, t: number, b: number): number {
  const row = batch.inputs.subarray((t * batch.B + b) * I, (t * batch.B + b + 1) * I);
  expect(row.reduce((a, v) => a + v, 0)).toBe(1);
  return row.indexOf(1);
}

describe('copy memory', () => {
  it('copies min(10, ⌊(T−1)/2⌋) symbols', () => {
    expect([1, 2, 3, 4, 5, 20, 21, 22, 120, 1000].map(copyLength)).toEqual([
      0, 0, 1, 1, 2, 9, 10, 10, 10, 10,
    ]);
  });

  it('lays out symbols, blanks, delimiter and recall as Arjovsky et al. (T = 120 ↔ their T = 100)', () => {
    const T = 120;
    const B = 16;
    const task = makeTask('copy', T);
    expect(task.inputSize).toBe(I);
    expect(task.outputSize).toBe(O);
    const batch = task.sample(createRng(7), B);
    expect(batch.inputs.length).toBe(T * B * I);
    expect(batch.targets.length).toBe(T * B);
    for (let b = 0; b < B; b++) {
      const shown: number[] = [];
      for (let t = 0; t < 10; t++) shown.push(hot(batch, t, b));
      for (const s of shown) expect(s >= 1 && s <= 8).toBe(true);
      // their T_A − 1 = 99 blanks, the delimiter at step 109, then 10 blanks
      for (let t = 10; t < 109; t++) expect(hot(batch, t, b)).toBe(0);
      expect(hot(batch, 109, b)).toBe(9);
      for (let t = 110; t < 120; t++) expect(hot(batch, t, b)).toBe(0);
      for (let t = 0; t < 110; t++) expect(batch.targets[t * B + b]).toBe(0);
      for (let t = 110; t < 120; t++) expect(batch.targets[t * B + b]).toBe(shown[t - 110]);
    }
  });

  it('shrinks for short sequences and still puts the delimiter right before the recall', () => {
    for (const T of [1, 2, 3, 4, 5, 8]) {
      const S = copyLength(T);
      const B = 4;
      const batch = makeTask('copy', T).sample(createRng(T), B);
      for (let b = 0; b < B; b++) {
        const delimiters: number[] = [];
        for (let t = 0; t < T; t++) if (hot(batch, t, b) === 9) delimiters.push(t);
        expect(delimiters).toEqual([T - S - 1]);
        for (let s = 0; s < S; s++)
          expect(batch.targets[(T - S + s) * B + b]).toBe(hot(batch, s, b));
      }
    }
  });

  it('chance cross-entropy is S·ln 8 / T, and a Monte Carlo estimate of the memoryless baseline agrees', () => {
    expect(makeTask('copy', 120).chanceLoss).toBeCloseTo(0.1733, 4);
    expect(makeTask('copy', 1).chanceLoss).toBe(0);
    for (const T of [3, 8, 30]) {
      const task = makeTask('copy', T);
      const S = copyLength(T);
      expect(Math.abs(task.chanceLoss - (S * Math.log(8)) / T)).toBeLessThan(1e-15);
      // The best predictor that knows the step but not the symbols, fitted to N sequences.
      const N = 20000;
      const batch = task.sample(createRng(100 + T), N);
      const est = positionalEntropy(batch.targets, T, N, O);
      // Plug-in bias is about −7/(2N) nats on each of the S recall steps; sampling noise is smaller.
      const bias = (S * 7) / (2 * N) / T;
      expect(Math.abs(est + bias - task.chanceLoss)).toBeLessThan(2e-4);
    }
  });

  it('recall targets are uniform over the 8 symbols', () => {
    const T = 30;
    const N = 8000;
    const batch = makeTask('copy', T).sample(createRng(9), N);
    const counts = new Float64Array(8);
    for (let t = 20; t < 30; t++)
      for (let b = 0; b < N; b++) {
        const c = batch.targets[t * N + b]! - 1;
        counts[c] = counts[c]! + 1;
      }
    // χ²(7) exceeds 24.3 with probability 0.001.
    expect(chiSquareUniform(counts)).toBeLessThan(24.3);
  });

  it('accuracy scores the recall steps only', () => {
    const T = 5; // S = 2: symbols at 0, 1; delimiter at 2; recall at 3, 4
    const task = makeTask('copy', T);
    const B = 2;
    const batch = task.sample(createRng(1), B);
    const outputs = new Float64Array(T * B * O);
    // Predict blank everywhere except: sequence 0 right on both recall steps, sequence 1 right on step 3 only.
    for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) outputs[(t * B + b) * O] = 1;
    const setClass = (t: number, b: number, c: number) => {
      outputs.fill(0, (t * B + b) * O, (t * B + b + 1) * O);
      outputs[(t * B + b) * O + c] = 5;
    };
    setClass(3, 0, batch.targets[3 * B]!);
    setClass(4, 0, batch.targets[4 * B]!);
    setClass(3, 1, batch.targets[3 * B + 1]!);
    setClass(4, 1, (batch.targets[4 * B + 1]! % 8) + 1); // a wrong symbol
    expect(task.accuracy!(outputs, batch)).toBe(3 / 4);
    expect(task.chanceAccuracy).toBe(1 / 8);
    outputs[0] = NaN; // blank steps are not scored
    expect(task.accuracy!(outputs, batch)).toBe(3 / 4);
    outputs[3 * B * O] = NaN;
    expect(task.accuracy!(outputs, batch)).toBe(2 / 4);
  });
});
