/**
 * Next-character prediction on a tiny built-in text, the character-level language modelling of
 * Elman 1990 ("Finding structure in time", Cognitive Science 14) and Karpathy's char-rnn
 * (Karpathy, Johnson & Fei-Fei 2015, "Visualizing and understanding recurrent networks").
 *
 * Corpus: the opening of Lewis Carroll's "Alice's Adventures in Wonderland" (1865, public domain),
 * lower-cased with punctuation removed, read as a ring (it ends in a space, so the wrap reads
 * "…by her alice was…"). A sequence is a window starting at a uniformly drawn position: input x_t is
 * the one-hot of character s+t, the target (xent_all) is character s+t+1, all mod the corpus length.
 *
 * Baselines, both derived from the corpus below:
 * - chanceLoss = the unigram entropy H(X) (nats): the best prediction that ignores the input
 *   entirely; the readout bias alone reaches it. Since every window start is equally likely on the
 *   ring, each target is exactly a uniform draw from the corpus, so this is exact, not an estimate.
 *   (A uniform guess, ln |alphabet|, is weaker still; exported as NEXTCHAR_UNIFORM_LOSS.)
 * - solvedLoss = the bigram conditional entropy H(X_{t+1} | X_t): the best any predictor without
 *   memory can do when it sees the current character; going below it needs memory of the past.
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { checkBatchSize, entropy, stepsAccuracy } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { NEXTCHAR } from './info';

export const NEXTCHAR_CORPUS =
  'alice was beginning to get very tired of sitting by her sister on the bank and of having ' +
  'nothing to do once or twice she had peeped into the book her sister was reading but it had no ' +
  'pictures or conversations in it and what is the use of a book thought alice without pictures ' +
  'or conversations so she was considering in her own mind as well as she could for the hot day ' +
  'made her feel very sleepy and stupid whether the pleasure of making a daisy chain would be ' +
  'worth the trouble of getting up and picking the daisies when suddenly a white rabbit with pink ' +
  'eyes ran close by her ';

/** The corpus's distinct characters, sorted: class id k is ALPHABET[k]. */
export const NEXTCHAR_ALPHABET: readonly string[] = [...new Set(NEXTCHAR_CORPUS)].sort();

const L = NEXTCHAR_CORPUS.length;
const A = NEXTCHAR_ALPHABET.length;
const ids = Int32Array.from(NEXTCHAR_CORPUS, (ch) => NEXTCHAR_ALPHABET.indexOf(ch));

function corpusStats(): { unigram: number; bigram: number; top: number } {
  const uni = new Float64Array(A);
  const pair = new Float64Array(A * A);
  for (let k = 0; k < L; k++) {
    const a = ids[k]!;
    uni[a] = uni[a]! + 1;
    const j = a * A + ids[(k + 1) % L]!;
    pair[j] = pair[j]! + 1;
  }
  // H(X_{t+1} | X_t) = H(X_t, X_{t+1}) − H(X_t), on the ring.
  return { unigram: entropy(uni), bigram: entropy(pair) - entropy(uni), top: Math.max(...uni) / L };
}
const stats = corpusStats();

export const NEXTCHAR_UNIFORM_LOSS = Math.log(A);

export function makeNextChar(T: number): Task {
  return {
    ...taskFields(NEXTCHAR),
    T,
    chanceLoss: stats.unigram,
    // Always answering the most frequent character (the space).
    chanceAccuracy: stats.top,
    solvedLoss: stats.bigram,
    sample(rng: Rng, B: number): Batch {
      checkBatchSize(B);
      const inputs = new Float64Array(T * B * A);
      const targets = new Float64Array(T * B);
      for (let b = 0; b < B; b++) {
        const s = rng.int(L);
        for (let t = 0; t < T; t++) {
          inputs[(t * B + b) * A + ids[(s + t) % L]!] = 1;
          targets[t * B + b] = ids[(s + t + 1) % L]!;
        }
      }
      return { T, B, loss: 'xent_all', inputs, targets };
    },
    accuracy(outputs: Float64Array, batch: Batch): number {
      return stepsAccuracy(outputs, batch.targets, batch.T, batch.B, A);
    },
  };
}
