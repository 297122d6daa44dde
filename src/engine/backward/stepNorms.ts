/**
 * ‖J_t‖₂ of one sequence's step Jacobians, a few steps at a time from t = T down (the order the
 * walk visits them). At H = 128 an LSTM's J_t is 256×256 and its norm (Lanczos, lanczos.ts) costs a
 * few milliseconds, so a thousand of them cannot be computed in one go without holding the worker
 * for seconds; the worker asks for as many as fit a time slice (worker/trainer/walk.ts).
 */
import type { JacobianOptions } from '../cells/engine';
import { cellEngine } from '../cells/registry';
import { denseSpectralNorm, lanczosScratch } from '../jacobian/lanczos';
import type { Model } from '../model';
import type { Trace } from '../types';

export interface StepNormCursor {
  /** The lowest step done so far (T + 1 before the first call; 1 when finished). */
  readonly next: number;
  /** ‖J_t‖₂ for the next `count` steps going down: values[k] is step from − k. Null when done. */
  take(count: number): { from: number; values: Float64Array } | null;
}

/** `model` and `trace` must stay as they are while the cursor is in use. */
export function stepNormCursor(
  model: Model,
  trace: Trace,
  seq: number,
  opts: JacobianOptions,
): StepNormCursor {
  const jac = cellEngine(trace.cell).jacobian;
  if (jac === undefined) throw new RangeError(`no state Jacobian for ${trace.cell}`);
  const n = jac.size(model.spec);
  const J = new Float64Array(n * n);
  const scratch = lanczosScratch(n);
  return normCursor(trace.T, (t) => {
    jac.step(model, trace, seq, t, J, opts);
    return denseSpectralNorm(J, scratch);
  });
}

/** A cursor over ‖J_t‖₂ from t = T down, each computed by `normAt(t)` when asked for. */
export function normCursor(T: number, normAt: (t: number) => number): StepNormCursor {
  let next = T + 1;
  return {
    get next() {
      return next;
    },
    take(count) {
      if (next <= 1) return null;
      const from = next - 1;
      const k = Math.max(1, Math.min(count, from));
      const values = new Float64Array(k);
      for (let i = 0; i < k; i++) values[i] = normAt(from - i);
      next = from - k + 1;
      return { from, values };
    },
  };
}
