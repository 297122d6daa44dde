import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeTask } from '../../../src/engine/tasks';
import { PARITY_NOISE } from '../../../src/engine/tasks/parity';
import { meanSE, positionalEntropy } from './stats';

describe('parity', () => {
  it('the class is the parity of the count of +1 bits over the whole sequence', () => {
    for (const T of [1, 2, 7, 64]) {
      const task = makeTask('parity', T);
      const B = 200;
      const batch = task.sample(createRng(T), B);
      expect(batch.inputs.length).toBe(T * B);
      expect(batch.targets.length).toBe(B);
      for (let b = 0; b < B; b++) {
        let ones = 0;
        for (let t = 0; t < T; t++) if (batch.inputs[t * B + b]! > 0) ones++;
        expect(batch.targets[b]).toBe(ones % 2);
      }
    }
  });

  it('bits are ±1 with Gaussian noise of σ = 0.1', () => {
    const T = 50;
    const B = 400;
    const batch = makeTask('parity', T).sample(createRng(8), B);
    const noise = batch.inputs.map((x) => x - Math.sign(x));
    const m = meanSE(noise);
    expect(Math.abs(m.mean)).toBeLessThan(4 * m.se);
    const sd = Math.sqrt(noise.reduce((a, v) => a + v * v, 0) / noise.length);
    // SE of a sample σ ≈ σ/√(2N) ≈ 5e-4 at N = 20000.
    expect(Math.abs(sd - PARITY_NOISE)).toBeLessThan(2e-3);
    const plus = meanSE(batch.inputs.map((x) => (x > 0 ? 1 : 0)));
    expect(Math.abs(plus.mean - 0.5)).toBeLessThan(4 * plus.se);
  });

  it('chance is ln 2 and 50 % (Monte Carlo: classes balanced)', () => {
    const task = makeTask('parity', 30);
    expect(task.chanceLoss).toBe(Math.log(2));
    expect(task.chanceAccuracy).toBe(0.5);
    const N = 40000;
    const batch = task.sample(createRng(12), N);
    const odd = meanSE(batch.targets);
    expect(Math.abs(odd.mean - 0.5)).toBeLessThan(4 * odd.se);
    expect(Math.abs(positionalEntropy(batch.targets, 1, N, 2) - Math.log(2))).toBeLessThan(1e-3);
  });

  it('accuracy is the argmax at the last step; NaN logits count as wrong', () => {
    const task = makeTask('parity', 3);
    const B = 3;
    const batch = {
      T: 3,
      B,
      loss: 'xent_last' as const,
      inputs: new Float64Array(9),
      targets: Float64Array.from([1, 0, 0]),
    };
    const outputs = new Float64Array(3 * B * 2);
    const at = (b: number) => (2 * B + b) * 2;
    outputs.set([-1, 2], at(0)); // → 1, right
    outputs.set([0.5, 0.4], at(1)); // → 0, right
    outputs.set([3, NaN], at(2)); // class 0 has the largest number, but a NaN logit makes it wrong
    expect(task.accuracy!(outputs, batch)).toBe(2 / 3);
    outputs.set([3, 0], at(2));
    expect(task.accuracy!(outputs, batch)).toBe(1);
  });
});
