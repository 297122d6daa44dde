import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/rng';
import { makeTask } from '../../../src/engine/tasks';
import {
  NEXTCHAR_ALPHABET,
  NEXTCHAR_CORPUS,
  NEXTCHAR_UNIFORM_LOSS,
} from '../../../src/engine/tasks/nextchar';
import type { Batch } from '../../../src/engine/types';

const A = NEXTCHAR_ALPHABET.length;

function decodeInputs(batch: Batch, b: number): string {
  let s = '';
  for (let t = 0; t < batch.T; t++) {
    const row = Array.from(batch.inputs.subarray((t * batch.B + b) * A, (t * batch.B + b + 1) * A));
    expect(row.reduce((x, v) => x + v, 0)).toBe(1);
    s += NEXTCHAR_ALPHABET[row.indexOf(1)];
  }
  return s;
}

/** Entropy (nats) of a frequency map. */
function H(counts: Map<string, number>): number {
  let n = 0;
  for (const c of counts.values()) n += c;
  let h = 0;
  for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
  return h;
}

describe('next-character prediction', () => {
  it('has a few hundred characters of text over a small alphabet', () => {
    expect(NEXTCHAR_CORPUS.length).toBeGreaterThanOrEqual(300);
    expect(NEXTCHAR_CORPUS.length).toBeLessThanOrEqual(1000);
    expect(A).toBeLessThanOrEqual(30);
    expect(/^[a-z ]+ $/.test(NEXTCHAR_CORPUS)).toBe(true);
    const task = makeTask('nextchar', 10);
    expect(task.inputSize).toBe(A);
    expect(task.outputSize).toBe(A);
  });

  it('windows read the text as a ring, and each target is the next input', () => {
    const ring = NEXTCHAR_CORPUS + NEXTCHAR_CORPUS + NEXTCHAR_CORPUS;
    for (const T of [1, 5, 40, 1000]) {
      const B = 6;
      const batch = makeTask('nextchar', T).sample(createRng(T), B);
      for (let b = 0; b < B; b++) {
        const text = decodeInputs(batch, b);
        expect(ring.includes(text)).toBe(true);
        let next = '';
        for (let t = 0; t < T; t++) next += NEXTCHAR_ALPHABET[batch.targets[t * B + b]!];
        expect(ring.includes(text + next.slice(-1))).toBe(true);
        expect(next.slice(0, -1)).toBe(text.slice(1));
      }
    }
  });

  it('chance is the unigram entropy of the text; solved is its bigram conditional entropy', () => {
    const uni = new Map<string, number>();
    const pairs = new Map<string, number>();
    const L = NEXTCHAR_CORPUS.length;
    for (let k = 0; k < L; k++) {
      const a = NEXTCHAR_CORPUS[k]!;
      const b = NEXTCHAR_CORPUS[(k + 1) % L]!;
      uni.set(a, (uni.get(a) ?? 0) + 1);
      pairs.set(a + b, (pairs.get(a + b) ?? 0) + 1);
    }
    const task = makeTask('nextchar', 50);
    expect(Math.abs(task.chanceLoss - H(uni))).toBeLessThan(1e-12);
    expect(Math.abs(task.solvedLoss - (H(pairs) - H(uni)))).toBeLessThan(1e-12);
    expect(NEXTCHAR_UNIFORM_LOSS).toBe(Math.log(uni.size));
    expect(task.chanceLoss).toBeLessThan(NEXTCHAR_UNIFORM_LOSS);
    expect(task.solvedLoss).toBeLessThan(task.chanceLoss);
    expect(task.chanceAccuracy).toBe(Math.max(...uni.values()) / L);
    expect(uni.get(' ')).toBe(Math.max(...uni.values()));
  });

  it('Monte Carlo: sampled targets have the text’s unigram entropy', () => {
    const task = makeTask('nextchar', 50);
    const batch = task.sample(createRng(77), 2000);
    const counts = new Map<string, number>();
    for (const c of batch.targets) counts.set(String(c), (counts.get(String(c)) ?? 0) + 1);
    // Measured over 30 seeds: rms deviation 0.0018 nats, largest 0.0042 (windows of 50 are
    // correlated, so 1e5 targets are far fewer independent draws).
    expect(Math.abs(H(counts) - task.chanceLoss)).toBeLessThan(0.01);
  });

  it('accuracy is argmax over every step', () => {
    const T = 3;
    const B = 2;
    const task = makeTask('nextchar', T);
    const batch = task.sample(createRng(5), B);
    const outputs = new Float64Array(T * B * A);
    let expected = 0;
    for (let t = 0; t < T; t++)
      for (let b = 0; b < B; b++) {
        const right = (t + b) % 2 === 0;
        const target = batch.targets[t * B + b]!;
        outputs[(t * B + b) * A + (right ? target : (target + 1) % A)] = 2;
        if (right) expected++;
      }
    expect(task.accuracy!(outputs, batch)).toBe(expected / (T * B));
  });
});
