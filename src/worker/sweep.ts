/**
 * The sequence-length sweep: for one run's settings, at each T of a grid, the ratio
 * ‖∂L/∂h_1‖/‖∂L/∂h_T‖ of one forward/backward pass (from the seed's initialization, or from given
 * weights: a recurrent cell's weights do not depend on T), and optionally the loss after training a
 * fixed budget of iterations at that T — where each cell's memory ends (Bengio et al. 1994,
 * Hochreiter & Schmidhuber 1997). It is a generator that yields after every pass or training step,
 * so the worker can interleave it with training, post each point as it finishes, and drop it when
 * cancelled; the CLI simply runs it to the end.
 */
import { fitWorkBudget } from './config';
import type { TrainConfig } from './config';
import type { SweepResult } from './runsProtocol';
import { createTrainer } from './trainer';

export { SWEEP_GRID } from './runsProtocol';

/** Sequences per pass: the ratio is a norm over batch × units, so a few sequences suffice. */
export const SWEEP_BATCH = 8;

export type { SweepResult };

export interface SweepOptions {
  /** Weights to measure (names as the model's); null = the config's seeded initialization. */
  weights: Readonly<Record<string, ArrayLike<number>>> | null;
  /** Iterations to train at each T for the trained loss; 0 = ratio only. */
  budget: number;
}

/** The config a point at length T runs: the run's, at T, with a batch that fits the work budget. */
export function sweepConfig(config: TrainConfig, T: number): TrainConfig {
  return fitWorkBudget({ ...config, T, batch: Math.min(config.batch, SWEEP_BATCH) }).config;
}

/**
 * One point per T of `Ts`, in that order. Yields null after each unit of work (one pass or one
 * training step) and the finished point after its last one.
 */
export function* sweepPoints(
  config: TrainConfig,
  Ts: readonly number[],
  opts: SweepOptions,
): Generator<SweepResult | null, void, void> {
  for (const T of Ts) {
    const cfg = sweepConfig(config, T);
    const t = createTrainer(cfg);
    if (opts.weights !== null) t.loadWeights(opts.weights);
    const dh = t.trace.dhNorm;
    const point: SweepResult = {
      T,
      batch: cfg.batch,
      dh1: dh[0] ?? NaN,
      dhT: dh[T - 1] ?? NaN,
      loss: t.trace.loss,
      trainedLoss: null,
      divergedAt: null,
      chanceLoss: t.task.chanceLoss,
    };
    yield null;
    if (opts.budget > 0) {
      const tail = Math.max(1, Math.floor(opts.budget / 10));
      let sum = 0;
      let n = 0;
      for (let k = 0; k < opts.budget; k++) {
        if (!t.step().ok) {
          point.divergedAt = k + 1;
          break;
        }
        const l = t.log.drain().losses[0];
        if (k >= opts.budget - tail && l !== undefined) {
          sum += l;
          n++;
        }
        yield null;
      }
      point.trainedLoss = point.divergedAt === null && n > 0 ? sum / n : null;
    }
    yield point;
  }
}
