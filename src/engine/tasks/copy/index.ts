/**
 * Copy memory / delayed recall, after Arjovsky, Shah & Bengio 2016 ("Unitary evolution recurrent
 * neural networks", ICML), in turn after Hochreiter & Schmidhuber 1997.
 *
 * Alphabet (one-hot inputs, I = 10): 0 blank, 1–8 symbols, 9 delimiter. A sequence shows S symbols
 * drawn uniformly from 1–8, then blanks, then the delimiter at step T−S−1, then S blanks during which
 * the network must reproduce the S symbols in order. Targets (xent_all, O = 9 classes 0–8) are blank
 * everywhere except those last S steps.
 *
 * Our T is the whole sequence, so the batches have the T the user set: with S = 10 this is Arjovsky
 * et al.'s layout with their delay T_A = T − 20 (their T_A = 100 is our T = 120). Short sequences
 * copy fewer symbols, S = min(10, ⌊(T − 1)/2⌋), so the symbols, the delimiter and the recall always
 * fit; below T = 3 there is nothing to copy (S = 0, every target is blank).
 *
 * Baseline (memoryless, theirs): blanks predicted perfectly (their positions are fixed) and a uniform
 * guess over the 8 symbols on the S recall steps: cross-entropy S·ln 8 / T (10·ln 8 / 120 ≈ 0.173).
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { recallLevels, stepsAccuracy, zeroBatch } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { COPY } from './info';

export const COPY_SYMBOLS = 8;
export const COPY_MAX_LENGTH = 10;
const BLANK = 0;
const DELIMITER = 9;

/** Number of symbols to copy for a total length T. */
export function copyLength(T: number): number {
  return Math.max(0, Math.min(COPY_MAX_LENGTH, Math.floor((T - 1) / 2)));
}

export function makeCopy(T: number): Task {
  const S = copyLength(T);
  const recallFrom = T - S;
  const O = COPY.outputSize;
  return {
    ...taskFields(COPY),
    T,
    ...recallLevels(S, COPY_SYMBOLS, T),
    sample(rng: Rng, B: number): Batch {
      const I = COPY_SYMBOLS + 2;
      const { inputs, targets } = zeroBatch(T, B, I, 'steps'); // targets all BLANK = 0
      for (let b = 0; b < B; b++) {
        for (let s = 0; s < S; s++) {
          const sym = 1 + rng.int(COPY_SYMBOLS);
          inputs[(s * B + b) * I + sym] = 1;
          targets[(recallFrom + s) * B + b] = sym;
        }
        for (let t = S; t < T; t++)
          inputs[(t * B + b) * I + (t === recallFrom - 1 ? DELIMITER : BLANK)] = 1;
      }
      return { T, B, loss: 'xent_all', inputs, targets };
    },
    /** Accuracy on the S recall steps (on every step when S = 0), where the memory shows. */
    accuracy(outputs: Float64Array, batch: Batch): number {
      return stepsAccuracy(outputs, batch.targets, batch.T, batch.B, O, S > 0 ? recallFrom : 0);
    },
  };
}
