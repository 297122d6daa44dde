/** The trainer's public shape (trainer.ts builds it). */
import type { Model } from '../../engine/model';
import type { Task } from '../../engine/tasks';
import type { RunOptions } from '../../engine/bptt';
import type { Batch, NonFinite, Trace } from '../../engine/types';
import type { TrainConfig } from '../config';
import type { Diagnosis } from './growth';
import type { LossLog } from './lossLog';

export interface StepResult {
  /** False when the pass went non-finite: nothing was updated and the last finite state was restored. */
  ok: boolean;
  /** What became non-finite (when !ok). */
  nonFinite: NonFinite | null;
  /** Which parameter's updates blew up, and what the gradient through time did (when !ok). */
  diagnosis?: Diagnosis;
}

export interface Trainer {
  readonly config: Readonly<TrainConfig>;
  readonly model: Model;
  readonly task: Task;
  /** Iterations (weight updates) since the last build or reset. */
  readonly iteration: number;
  /** Increments on every build or reset, so a receiver knows to clear its history. */
  readonly run: number;
  /** The batch the latest trace was computed on. */
  readonly batch: Batch;
  /** The latest trace (workspace buffers: copy what you keep). */
  readonly trace: Trace;
  /** Pre-clip global gradient norm of the latest trace, and whether that iteration was clipped. */
  readonly preClipNorm: number;
  readonly clipped: boolean;
  /** Increments whenever any weight may have changed (steps, rho, forget bias, loads, rebuilds). */
  readonly weightsVersion: number;
  /** Increments whenever W_hh may have changed (steps, rho, loads, rebuilds; not the forget bias). */
  readonly whhVersion: number;
  /** Increments with every forward/backward pass (the trace's identity). */
  readonly traceVersion: number;
  /**
   * What the latest trace was computed from: a copy of the model with the weights of that pass
   * (the update that followed it has since changed the live ones), its batch and run options.
   */
  traceInputs(): { model: Model; batch: Batch; opts: RunOptions };
  /**
   * Per-block factors by which W_hh was scaled from version `whh` to now, when only the ρ slider
   * changed it since (eigenvalues and singular values scale by the same factors); else null.
   */
  scaleSince(whh: number): number[] | null;
  /**
   * Per-block factors from W_hh version `since` to version `to`, when only the ρ slider made the
   * versions between (training since `to` does not matter); else null. Two settings of W_hh
   * (`start`) related this way have their figures related by the same factors.
   */
  scaleBetween(since: number, to: number): number[] | null;
  /**
   * W_hh as it was last set (build, reset, a weights file, the ρ slider): the weights the ρ₀
   * reference and the lessons' "set at start" figures describe. `rho` holds each gate block's ρ when
   * the setting made it exact (the slider), else null (measure `whh`).
   */
  readonly start: WhhStart;
  /** Losses, iteration numbers, norms and clip flags of iterations since the last drain. */
  readonly log: LossLog;
  /** One training iteration: sample → forward/backward → clip → optimizer step. */
  step(): StepResult;
  /**
   * Apply a config change; returns true when it rebuilt the model. Throws (changing nothing) on a
   * bad patch. `knownRho`: each gate block's ρ of the current W_hh, when measured (a ρ move then
   * needs no eigen-decomposition).
   */
  setConfig(patch: Partial<TrainConfig>, knownRho?: readonly number[] | null): boolean;
  /** Recompute the trace on the current batch with the current weights and config (no update). */
  recompute(): void;
  /** Rebuild from the current config (new weights from the seed, iteration 0). */
  reset(): void;
  /** Replace every weight (validated: names and lengths); throws and changes nothing when invalid. */
  loadWeights(weights: Record<string, ArrayLike<number>>): void;
  /** Copies of every weight, with PyTorch's shapes ([rows, cols] for a matrix, [n] for a vector). */
  getWeights(): { weights: Record<string, number[]>; shapes: Record<string, number[]> };
}

export interface WhhStart {
  /** whhVersion right after it was set. */
  readonly version: number;
  readonly iteration: number;
  /** Copy of weight_hh_l0 at that moment (null for a cell without one). */
  readonly whh: Float64Array | null;
  /** Copies of the parameters that set the recurrence (CellInfo.recurrent: the LRU's λ, …). */
  readonly recurrent: Readonly<Record<string, Float64Array>>;
  readonly rho: readonly number[] | null;
}
