/**
 * The recurrence of one sequence, run from a given state at step t to step T with each cell's
 * reference step (CellJacobian.reference: its equations written out plainly, independent of the
 * batched engine). It exists so that Jacobian products can be checked by finite differences:
 * perturb s_t, run on, read s_T. Slow and allocating on purpose (not for the training loop).
 */
import { cellJacobian } from '../jacobian';
import type { Model } from '../model';
import type { Batch } from '../types';

/** s_T for sequence `seq` of the batch, starting from state s_t at step t (0 ≤ t ≤ T). */
export function forwardFromState(
  model: Model,
  batch: Batch,
  seq: number,
  t: number,
  state: Float64Array,
  opts: { holdForget?: number | null } = {},
): Float64Array {
  const { cell, inputSize: I } = model.spec;
  const j = cellJacobian(cell);
  const hold = opts.holdForget ?? null;
  let s: Float64Array = Float64Array.from(state);
  for (let step = t + 1; step <= batch.T; step++) {
    const off = ((step - 1) * batch.B + seq) * I;
    s = j.reference(model, batch.inputs.subarray(off, off + I), s, hold);
  }
  return s;
}
