/**
 * "Check gradients" for the newer families: the family driver's own loss function (family/
 * gradcheck.ts, which cuts TBPTT windows as the engine does) differentiated numerically at sampled
 * entries of every parameter, against the analytic gradient of the same pass. It runs on the first
 * sequences of the batch only: a family's forward pass at H = 64, T = 100 costs tens of
 * milliseconds, and a check takes about a hundred of them per parameter.
 */
import { familyView } from '../../engine/family/engine';
import { familyLossFunction } from '../../engine/family/gradcheck';
import { createFamilyWorkspace, familyForwardBackward } from '../../engine/family/run';
import { defaultFloor, fdDerivativeStable, relError } from '../../engine/gradcheck';
import type { GradCheckResult } from '../../engine/gradcheck';
import type { Model } from '../../engine/model';
import { createRng } from '../../engine/rng';
import type { Batch } from '../../engine/types';

/** Sequences of the batch the check runs on. */
export const FAMILY_CHECK_SEQUENCES = 2;

/** The first `n` sequences of a batch ([T][B][…] layouts; the *_last targets are [B][…]). */
export function firstSequences(batch: Batch, n: number, I: number, O: number): Batch {
  const { T, B, loss } = batch;
  const m = Math.min(n, B);
  const rows = (src: Float64Array, steps: number, width: number) => {
    const out = new Float64Array(steps * m * width);
    for (let t = 0; t < steps; t++)
      out.set(src.subarray(t * B * width, (t * B + m) * width), t * m * width);
    return out;
  };
  const targets =
    loss === 'mse_last'
      ? batch.targets.slice(0, m * O)
      : loss === 'xent_last'
        ? batch.targets.slice(0, m)
        : loss === 'mse_all'
          ? rows(batch.targets, T, O)
          : rows(batch.targets, T, 1);
  return { T, B: m, loss, inputs: rows(batch.inputs, T, I), targets };
}

export function familyGradCheckSampled(
  model: Model,
  batch: Batch,
  opts: { truncate?: number; samplesPerParam: number; steps: readonly number[] },
): GradCheckResult {
  const fm = familyView(model);
  const { inputSize: I, outputSize: O } = fm.dims;
  const sub = firstSequences(batch, FAMILY_CHECK_SEQUENCES, I, O);
  const run = opts.truncate !== undefined ? { truncate: opts.truncate } : {};
  const tr = familyForwardBackward(fm, sub, createFamilyWorkspace(fm, sub.T, sub.B), run);
  const floor = defaultFloor(tr.loss);
  const loss = familyLossFunction(fm, sub, run);
  const rng = createRng(0);
  const res: GradCheckResult = { maxRelError: 0, floor, worst: null, checked: 0 };
  for (const p of fm.params) {
    const n = p.w.length;
    const count = Math.min(n, opts.samplesPerParam);
    for (let s = 0; s < count; s++) {
      const i = count === n ? s : rng.int(n);
      const x = p.w[i]!;
      const num = fdDerivativeStable((d) => {
        p.w[i] = x + d;
        const v = loss();
        p.w[i] = x;
        return v;
      }, opts.steps);
      const e = relError(p.dw[i]!, num, floor);
      res.checked++;
      if (res.worst === null || e > res.maxRelError) {
        res.maxRelError = e;
        res.worst = { param: p.name, index: i };
      }
    }
  }
  return res;
}
