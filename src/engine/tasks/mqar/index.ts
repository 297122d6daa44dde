/**
 * Associative recall, a small multi-query associative recall (MQAR) after Arora, Eyuboglu et al.
 * 2023 ("Zoology: Measuring and improving recall in efficient language models";
 * github.com/HazyResearch/zoology, zoology/data/multiquery_ar.py): D key–value pairs, then each key
 * again as a query at a random place; at a query the network must output that key's value.
 * Attention looks the pair up in one hop; a recurrence must have stored all D pairs in its state.
 *
 * Alphabet (inputs I = 17): 0 blank, keys 1–8, values 9–16. A sequence opens with D pair steps,
 * each holding one key and its value together (a two-hot input; D distinct keys and D distinct
 * values, as Zoology draws them), then T − D steps in which the D keys appear once each, in random
 * order, at D distinct uniformly chosen steps (Zoology draws the gaps from a power law), blanks
 * elsewhere (Zoology's random_non_queries = False). Zoology interleaves k v over two steps; a single
 * layer cannot bind a value to the key one step before it (that takes two attention layers or a
 * short convolution), so here each pair shares a step and one layer suffices. Targets (xent_all,
 * O = 9: 0 blank, 1–8 the values): the value at a query step, 0 everywhere else (Zoology ignores
 * those steps; here they are scored and trivially predictable, as in copy). Browser size:
 * D = min(4, ⌊T/2⌋) (Zoology's smallest runs: 4–64 pairs in 64–512 steps, vocabulary 8 192).
 *
 * Baseline (memoryless: knows the step and the current input, nothing earlier): blanks are known,
 * each queried value is uniform over the 8 values: cross-entropy D·ln 8 / T, accuracy 1/8 on the
 * query steps.
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { labelledAccuracy, recallLevels, zeroBatch } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { MQAR } from './info';

export const MQAR_KEYS = 8;
export const MQAR_VALUES = 8;
export const MQAR_MAX_PAIRS = 4;

/** Number of key–value pairs for a total length T. */
export function mqarPairs(T: number): number {
  return Math.min(MQAR_MAX_PAIRS, Math.floor(T / 2));
}

/** Writes a uniform random permutation of 0..n−1's first k entries into out[0..k). */
function draw(rng: Rng, n: number, k: number, pool: Int32Array, out: Int32Array): void {
  for (let j = 0; j < n; j++) pool[j] = j;
  for (let j = 0; j < k; j++) {
    const r = j + rng.int(n - j);
    const v = pool[r]!;
    pool[r] = pool[j]!;
    pool[j] = v;
    out[j] = v;
  }
}

export function makeAssociativeRecall(T: number): Task {
  const D = mqarPairs(T);
  const I = MQAR.inputSize;
  const O = MQAR.outputSize;
  const slots = T - D;
  const pool = new Int32Array(Math.max(MQAR_KEYS, slots));
  const keys = new Int32Array(MQAR_MAX_PAIRS);
  const values = new Int32Array(MQAR_MAX_PAIRS);
  const at = new Int32Array(MQAR_MAX_PAIRS);
  return {
    ...taskFields(MQAR),
    T,
    ...recallLevels(D, MQAR_VALUES, T),
    sample(rng: Rng, B: number): Batch {
      const { inputs, targets } = zeroBatch(T, B, I, 'steps');
      for (let b = 0; b < B; b++) {
        for (let t = 0; t < T; t++) inputs[(t * B + b) * I] = 1;
        draw(rng, MQAR_KEYS, D, pool, keys);
        draw(rng, MQAR_VALUES, D, pool, values);
        draw(rng, slots, D, pool, at);
        for (let j = 0; j < D; j++) {
          const o = (j * B + b) * I;
          inputs[o] = 0;
          inputs[o + 1 + keys[j]!] = 1;
          inputs[o + 1 + MQAR_KEYS + values[j]!] = 1;
          // The j-th drawn slot asks for the j-th pair: slots come out in random order.
          const t = D + at[j]!;
          inputs[(t * B + b) * I] = 0;
          inputs[(t * B + b) * I + 1 + keys[j]!] = 1;
          targets[t * B + b] = 1 + values[j]!;
        }
      }
      return { T, B, loss: 'xent_all', inputs, targets };
    },
    /** Accuracy on the D query steps. */
    accuracy(outputs: Float64Array, batch: Batch): number {
      return labelledAccuracy(outputs, batch, O);
    },
  };
}
