import type { Rng } from '../rng';
import type { AnyLossKind, Batch } from '../types';

/**
 * A seeded toy sequence task. Every task's batches have exactly the user's T steps (`Task.T` = the
 * T passed to makeTask), so the time axis the UI draws is the one the user set; tasks whose paper
 * counts time differently say how their T maps onto it (copy: Arjovsky's T = ours − 20).
 */
export interface Task {
  /** Its descriptor's id (one of tasks/catalog.ts's TaskId). */
  readonly id: string;
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

/**
 * A task's descriptor, declared once in its file beside its maker and listed in ./index.ts: what
 * the menus, the URL codec and the CLI read without building the task
 * (so the page's first chunk carries no task code). Sizes are fixed per task (a test checks the
 * maker agrees); the chance baseline depends on T, so the built Task gives it.
 */
export interface TaskInfo {
  /** URL and config id: `?task=adding`. */
  readonly id: string;
  /** Name in menus and headings. */
  readonly label: string;
  /** One sentence for the UI, naming the memoryless baseline. */
  readonly description: string;
  /** The paper the task comes from. */
  readonly citation: string;
  readonly loss: AnyLossKind;
  /** I: input width. */
  readonly inputSize: number;
  /** O: output width (classes for the xent losses). */
  readonly outputSize: number;
}

/** The fields a Task copies from its descriptor. */
export function taskFields(info: TaskInfo) {
  return {
    id: info.id,
    name: info.label,
    loss: info.loss,
    inputSize: info.inputSize,
    outputSize: info.outputSize,
    citation: info.citation,
    description: info.description,
  };
}
