/**
 * Parity of a bit stream, after Bengio, Simard & Frasconi 1994 ("Learning long-term dependencies with
 * gradient descent is difficult", IEEE Trans. Neural Networks 5(2)), who used parity to show gradient
 * descent failing as sequences grow.
 *
 * We score the final parity (xent_last, 2 classes): the class is the number of +1 bits mod 2 over all
 * T steps, so the first bit matters as much as the last, and its credit must travel back T steps.
 * (Running parity at every step would be learnable one step at a time; it is not the point here.)
 * Input (I = 1): each bit as ±1 plus Gaussian noise of σ = 0.1, small enough that the sign never
 * lies in practice (P(|noise| > 1) ≈ 1.5e−23).
 *
 * Baseline: both classes equally likely: cross-entropy ln 2, accuracy 50 %.
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { classLevels, lastStepAccuracy, zeroBatch } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { PARITY } from './info';

export const PARITY_NOISE = 0.1;

export function makeParity(T: number): Task {
  return {
    ...taskFields(PARITY),
    T,
    ...classLevels(2),
    sample(rng: Rng, B: number): Batch {
      const { inputs, targets } = zeroBatch(T, B, 1, 'last');
      for (let b = 0; b < B; b++) {
        let odd = 0;
        for (let t = 0; t < T; t++) {
          const bit = rng.int(2);
          odd ^= bit;
          inputs[t * B + b] = (bit ? 1 : -1) + PARITY_NOISE * rng.normal();
        }
        targets[b] = odd;
      }
      return { T, B, loss: 'xent_last', inputs, targets };
    },
    accuracy(outputs: Float64Array, batch: Batch): number {
      return lastStepAccuracy(outputs, batch.targets, batch.T, batch.B, 2);
    },
  };
}
