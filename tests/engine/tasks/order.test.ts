import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeTask } from '../../../src/engine/tasks';
import { orderWindows } from '../../../src/engine/tasks/order';
import { chiSquareUniform, positionalEntropy } from './stats';

const I = 8;
const [E, BEND, X, Y] = [0, 1, 6, 7];

describe('temporal order', () => {
  it('uses the paper’s windows t1 ∈ [10, 20], t2 ∈ [50, 60] at T = 100', () => {
    expect(orderWindows(100)).toEqual({ t1: [10, 20], t2: [50, 60], framed: true });
  });

  it('keeps the windows ordered, non-empty and inside E…B for every T up to 1000', () => {
    for (let T = 1; T <= 1000; T++) {
      const w = orderWindows(T);
      expect(w.t1[0]).toBeLessThanOrEqual(w.t1[1]);
      expect(w.t2[0]).toBeLessThanOrEqual(w.t2[1]);
      if (T >= 2) expect(w.t1[1]).toBeLessThan(w.t2[0]);
      if (w.framed) {
        expect(w.t1[0]).toBeGreaterThanOrEqual(1);
        expect(w.t2[1]).toBeLessThanOrEqual(T - 2);
      } else expect(T).toBeLessThan(4);
    }
  });

  it('sequences hold E, B, one relevant symbol at t1 and t2, distractors elsewhere; class = order', () => {
    for (const T of [2, 3, 4, 5, 12, 100]) {
      const task = makeTask('order', T);
      const B = 50;
      const batch = task.sample(createRng(T), B);
      expect(batch.inputs.length).toBe(T * B * I);
      expect(batch.targets.length).toBe(B);
      const w = orderWindows(T);
      for (let b = 0; b < B; b++) {
        const relevant: [number, number][] = [];
        for (let t = 0; t < T; t++) {
          const row = Array.from(batch.inputs.subarray((t * B + b) * I, (t * B + b + 1) * I));
          expect(row.reduce((a, v) => a + v, 0)).toBe(1);
          const k = row.indexOf(1);
          if (w.framed && t === 0) expect(k).toBe(E);
          else if (w.framed && t === T - 1) expect(k).toBe(BEND);
          else if (k === X || k === Y) relevant.push([t, k]);
          else expect(k >= 2 && k <= 5).toBe(true);
        }
        expect(relevant.length).toBe(2);
        const [[t1, s1], [t2, s2]] = relevant as [[number, number], [number, number]];
        expect(t1 >= w.t1[0] && t1 <= w.t1[1]).toBe(true);
        expect(t2 >= w.t2[0] && t2 <= w.t2[1]).toBe(true);
        expect(batch.targets[b]).toBe(2 * (s1 - X) + (s2 - X));
      }
    }
  });

  it('at T = 1 both relevant one-hots add on the single step', () => {
    const B = 40;
    const batch = makeTask('order', 1).sample(createRng(2), B);
    for (let b = 0; b < B; b++) {
      const x = batch.inputs[b * I + X]!;
      const y = batch.inputs[b * I + Y]!;
      expect(x + y).toBe(2);
      const cls = batch.targets[b]!;
      expect(x).toBe((cls >> 1 ? 0 : 1) + (cls & 1 ? 0 : 1));
    }
  });

  it('chance is ln 4 and 25 %: the four classes are equally likely (Monte Carlo)', () => {
    const task = makeTask('order', 100);
    expect(task.chanceLoss).toBe(Math.log(4));
    expect(task.chanceAccuracy).toBe(0.25);
    const N = 40000;
    const batch = makeTask('order', 20).sample(createRng(11), N);
    const counts = new Float64Array(4);
    for (const c of batch.targets) counts[c] = counts[c]! + 1;
    // χ²(3) exceeds 16.3 with probability 0.001.
    expect(chiSquareUniform(counts)).toBeLessThan(16.3);
    // Plug-in entropy of the class frequencies; bias −3/(2N) ≈ −4e-5, noise far smaller than 1e-3.
    expect(Math.abs(positionalEntropy(batch.targets, 1, N, 4) - task.chanceLoss)).toBeLessThan(
      1e-3,
    );
    // Best constant-guess accuracy = most frequent class ≈ 1/4 (± 4 SE of a proportion).
    const se = Math.sqrt((0.25 * 0.75) / N);
    expect(Math.abs(Math.max(...counts) / N - 0.25)).toBeLessThan(4 * se);
  });

  it('accuracy is the argmax at the last step', () => {
    const task = makeTask('order', 6);
    const B = 4;
    const batch = task.sample(createRng(4), B);
    const T = 6;
    const outputs = new Float64Array(T * B * 4);
    // Earlier steps get confident wrong answers, which must not count.
    for (let t = 0; t < T - 1; t++)
      for (let b = 0; b < B; b++) outputs[(t * B + b) * 4 + ((batch.targets[b]! + 1) % 4)] = 9;
    const last = (b: number, c: number, v = 1) => (outputs[((T - 1) * B + b) * 4 + c] = v);
    last(0, batch.targets[0]!);
    last(1, batch.targets[1]!);
    last(2, (batch.targets[2]! + 2) % 4);
    // sequence 3: all logits equal → argmax is class 0, as torch.argmax
    expect(task.accuracy!(outputs, batch)).toBe((2 + (batch.targets[3] === 0 ? 1 : 0)) / 4);
  });
});
