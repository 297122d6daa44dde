/**
 * Temporal order, Hochreiter & Schmidhuber 1997 ("Long short-term memory", Neural Computation 9(8)),
 * Experiment 6a.
 *
 * Alphabet (one-hot, I = 8): E (start), B (end), distractors a, b, c, d, and the relevant X, Y.
 * A sequence is E, then distractors, with X or Y at step t1 and X or Y at step t2, and B last. The
 * class (xent_last, 4 classes) is the order: XX → 0, XY → 1, YX → 2, YY → 3. The paper's length-100
 * windows t1 ∈ [10, 20], t2 ∈ [50, 60] scale with T: t1 ∈ [max(1, ⌊0.1T⌋), max(1, ⌊0.2T⌋)],
 * t2 ∈ [⌊0.5T⌋, min(T−2, ⌊0.6T⌋)], which at T = 100 are the paper's (its lengths varied in 100–110;
 * ours are fixed at T).
 * Short sequences (T < 4) have no room for E and B: they are dropped, t1 = 0 and t2 = min(1, T−1).
 * At T = 1 both relevant symbols sit on step 0 (their one-hots add), so XY and YX look alike there
 * and the best reachable accuracy is 75 %.
 *
 * Baseline: the 4 classes are equally likely: cross-entropy ln 4, accuracy 25 %.
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { classLevels, lastStepAccuracy, zeroBatch } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { ORDER } from './info';

const E = 0;
const B_END = 1;
const FIRST_DISTRACTOR = 2;
const DISTRACTORS = 4;
const X = 6;
const I = ORDER.inputSize; // E, B, a–d, X, Y

/** Inclusive windows [lo, hi] for t1 and t2 at length T. */
export function orderWindows(T: number): {
  t1: [number, number];
  t2: [number, number];
  framed: boolean;
} {
  if (T < 4) {
    const t2 = Math.min(1, T - 1);
    return { t1: [0, 0], t2: [t2, t2], framed: false };
  }
  return {
    t1: [Math.max(1, Math.floor(0.1 * T)), Math.max(1, Math.floor(0.2 * T))],
    t2: [Math.floor(0.5 * T), Math.min(T - 2, Math.floor(0.6 * T))],
    framed: true,
  };
}

export function makeOrder(T: number): Task {
  const w = orderWindows(T);
  return {
    ...taskFields(ORDER),
    T,
    ...classLevels(4),
    sample(rng: Rng, B: number): Batch {
      const { inputs, targets } = zeroBatch(T, B, I, 'last');
      for (let b = 0; b < B; b++) {
        const t1 = w.t1[0] + rng.int(w.t1[1] - w.t1[0] + 1);
        const t2 = w.t2[0] + rng.int(w.t2[1] - w.t2[0] + 1);
        const s1 = rng.int(2);
        const s2 = rng.int(2);
        targets[b] = 2 * s1 + s2;
        for (let t = 0; t < T; t++) {
          const k = (t * B + b) * I;
          if (t === t1 || t === t2) {
            if (t === t1) inputs[k + X + s1] = inputs[k + X + s1]! + 1;
            if (t === t2) inputs[k + X + s2] = inputs[k + X + s2]! + 1;
          } else if (w.framed && t === 0) inputs[k + E] = 1;
          else if (w.framed && t === T - 1) inputs[k + B_END] = 1;
          else inputs[k + FIRST_DISTRACTOR + rng.int(DISTRACTORS)] = 1;
        }
      }
      return { T, B, loss: 'xent_last', inputs, targets };
    },
    accuracy(outputs: Float64Array, batch: Batch): number {
      return lastStepAccuracy(outputs, batch.targets, batch.T, batch.B, 4);
    },
  };
}
