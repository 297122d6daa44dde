/**
 * Selective copying, after Gu & Dao 2023 ("Mamba: Linear-time sequence modeling with selective
 * state spaces", §3.1 and Table 1): the copy task with the symbols scattered at random positions
 * among noise, so a model must pick them out by content, not by position. A linear time-invariant
 * recurrence (the LRU) sees every input through one fixed convolution and cannot tell a symbol's
 * rank from its position; an input-dependent (selective) one can skip the noise.
 *
 * Alphabet (one-hot inputs, I = 10): 0 noise, 1–8 symbols, 9 the recall marker (Mamba's figure 2:
 * white noise tokens, coloured symbols, then one black marker per symbol to output). A sequence
 * holds S symbols (uniform over 1–8) at S distinct random positions of its first T − S steps, in
 * position order, noise elsewhere; then S markers, at which the network must output the S symbols
 * in order. Targets (xent_all, O = 9): 0 everywhere except those last S steps. Browser size:
 * S = min(4, ⌊T/3⌋), so the symbols fill at most half of their region (Mamba's own: 16 symbols
 * from 16 in length 4096); below T = 3 nothing is copied.
 *
 * Baseline (memoryless, as for copy): the noise targets are known from the step, the S recalled
 * symbols are guessed uniformly: cross-entropy S·ln 8 / T, accuracy 1/8 on the recall steps.
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { labelledAccuracy, recallLevels, zeroBatch } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { SELCOPY } from './info';

export const SELCOPY_SYMBOLS = 8;
export const SELCOPY_MAX_TOKENS = 4;
const MARKER = 9;

/** Number of symbols to copy for a total length T. */
export function selcopyTokens(T: number): number {
  return Math.min(SELCOPY_MAX_TOKENS, Math.floor(T / 3));
}

export function makeSelectiveCopy(T: number): Task {
  const S = selcopyTokens(T);
  const region = T - S;
  const I = SELCOPY.inputSize;
  const O = SELCOPY.outputSize;
  const picked = new Uint8Array(region);
  return {
    ...taskFields(SELCOPY),
    T,
    ...recallLevels(S, SELCOPY_SYMBOLS, T),
    sample(rng: Rng, B: number): Batch {
      const { inputs, targets } = zeroBatch(T, B, I, 'steps');
      for (let b = 0; b < B; b++) {
        // S distinct positions of the region, uniformly (Floyd's algorithm), then in order.
        picked.fill(0);
        for (let j = region - S; j < region; j++) {
          const r = rng.int(j + 1);
          picked[picked[r] === 1 ? j : r] = 1;
        }
        let k = 0;
        for (let t = 0; t < T; t++) {
          let sym = 0;
          if (t >= region) sym = MARKER;
          else if (picked[t] === 1) {
            sym = 1 + rng.int(SELCOPY_SYMBOLS);
            targets[(region + k) * B + b] = sym;
            k++;
          }
          inputs[(t * B + b) * I + sym] = 1;
        }
      }
      return { T, B, loss: 'xent_all', inputs, targets };
    },
    /** Accuracy on the S recall steps. */
    accuracy(outputs: Float64Array, batch: Batch): number {
      return labelledAccuracy(outputs, batch, O);
    },
  };
}
