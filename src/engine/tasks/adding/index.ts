/**
 * The adding problem, in the two-channel form of Le, Jaitly & Hinton 2015 ("A simple way to
 * initialize recurrent networks of rectified linear units", IRNN) and Arjovsky, Shah & Bengio 2016
 * (uRNN), after Hochreiter & Schmidhuber 1997, Exp. 4.
 *
 * Channel 0 carries values x_t ~ U[0, 1]; channel 1 carries markers: one at a uniformly drawn step
 * of the first half [0, ⌊T/2⌋) and one in the second half [⌊T/2⌋, T). The target, scored at the last
 * step only (mse_last), is y = Σ_t m_t·x_t, the sum of the two marked values.
 *
 * Baseline: predicting the constant E[y] = 1 gives MSE = Var(y) = 1/12 + 1/12 = 1/6.
 * T = 1 has a single step: both markers land on it (marker channel 2, y = 2·x_0), so Var(y) = 4/12.
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { checkBatchSize } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { ADDING } from './info';

export function makeAdding(T: number): Task {
  const half = Math.floor(T / 2);
  const chanceLoss = T >= 2 ? 2 * (1 / 12) : 4 * (1 / 12);
  return {
    ...taskFields(ADDING),
    T,
    chanceLoss,
    chanceAccuracy: null,
    solvedLoss: 0.01,
    sample(rng: Rng, B: number): Batch {
      checkBatchSize(B);
      const inputs = new Float64Array(T * B * 2);
      const targets = new Float64Array(B);
      for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) inputs[(t * B + b) * 2] = rng.next();
      for (let b = 0; b < B; b++) {
        const t1 = T >= 2 ? rng.int(half) : 0;
        const t2 = T >= 2 ? half + rng.int(T - half) : 0;
        for (const t of [t1, t2]) {
          const k = (t * B + b) * 2;
          inputs[k + 1] = inputs[k + 1]! + 1;
          targets[b] = targets[b]! + inputs[k]!;
        }
      }
      return { T, B, loss: 'mse_last', inputs, targets };
    },
  };
}
