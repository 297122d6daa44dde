/**
 * Sine-wave continuation, the time-series generation task of Jaeger & Haas 2004 ("Harnessing
 * nonlinearity", Science 304) in its common RNN form: watch a wave, then keep drawing it.
 *
 * Each sequence is x_t = sin(ω t + φ) with a random period 2π/ω ~ U[8, 32] steps and phase
 * φ ~ U[0, 2π). Inputs (I = 2): [x_t, 1] on the first ⌈T/2⌉ steps, then [0, 0], so the second flag
 * says whether the wave is still shown. Target at every step (mse_all): the next value x_{t+1}.
 * In the second half the network must continue the wave from memory of its phase and period.
 *
 * Baseline: predicting 0 everywhere. With φ uniform, each target is sin of a uniform angle, so
 * MSE = E[sin²] = 1/2 exactly, whatever the period. (Echoing the last shown value does better while
 * the wave is shown, 2·sin²(ω/2) on average, but has nothing to echo afterwards.)
 */
import type { Rng } from '../../rng';
import type { Batch } from '../../types';
import { checkBatchSize } from '../classes';
import { taskFields } from '../types';
import type { Task } from '../types';
import { SINE } from './info';

export const SINE_PERIODS: readonly [number, number] = [8, 32];

export function makeSine(T: number): Task {
  const shown = Math.ceil(T / 2);
  return {
    ...taskFields(SINE),
    T,
    chanceLoss: 0.5,
    chanceAccuracy: null,
    solvedLoss: 0.01,
    sample(rng: Rng, B: number): Batch {
      checkBatchSize(B);
      const inputs = new Float64Array(T * B * 2);
      const targets = new Float64Array(T * B);
      for (let b = 0; b < B; b++) {
        const omega = (2 * Math.PI) / rng.uniform(SINE_PERIODS[0], SINE_PERIODS[1]);
        const phi = rng.uniform(0, 2 * Math.PI);
        for (let t = 0; t < T; t++) {
          if (t < shown) {
            const k = (t * B + b) * 2;
            inputs[k] = Math.sin(omega * t + phi);
            inputs[k + 1] = 1;
          }
          targets[t * B + b] = Math.sin(omega * (t + 1) + phi);
        }
      }
      return { T, B, loss: 'mse_all', inputs, targets };
    },
  };
}
