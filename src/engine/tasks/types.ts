import type { Rng } from '../rng';
import type { AnyLossKind, Batch, TaskId } from '../types';

/**
 * A seeded toy sequence task. Every task's batches have exactly the user's T steps (`Task.T` = the
 * T passed to makeTask), so the time axis the UI draws is the one the user set; tasks whose paper
 * counts time differently say how their T maps onto it (copy: Arjovsky's T = ours − 20).
 */
export interface Task {
  readonly id: TaskId;
  readonly name: string;
  readonly loss: AnyLossKind;
  /** Input width I of x_t. */
  readonly inputSize: number;
  /** Output width O: regression targets per step, or the number of classes for xent losses. */
  readonly outputSize: number;
  /** Sequence length of every batch. */
  readonly T: number;
  /** Expected loss of the memoryless baseline named in `description`, derived, in the loss's units (MSE or nats). */
  readonly chanceLoss: number;
  /** Accuracy of that baseline, for classification tasks; null for regression. */
  readonly chanceAccuracy: number | null;
  /** A loss at or below this counts as solved. */
  readonly solvedLoss: number;
  /** The paper the task comes from. */
  readonly citation: string;
  /** One sentence for the UI. */
  readonly description: string;
  /** A fresh batch of B sequences drawn from `rng` (inputs [T][B][I], targets by `loss`). */
  sample(rng: Rng, B: number): Batch;
  /**
   * Fraction of scored predictions whose argmax is the target class, from readout outputs
   * ŷ [T][B][O] (logits). A prediction with a NaN logit counts as wrong.
   */
  accuracy?(outputs: Float64Array, batch: Batch): number;
}

export interface TaskInfo {
  readonly name: string;
  readonly description: string;
}
