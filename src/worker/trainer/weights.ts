/**
 * Checks a user-supplied set of weights against a model before anything is written, so a bad file
 * is rejected whole with a message naming the parameter, and the model stays as it was.
 */
import type { Param } from '../../engine/types';

/** Throws RangeError unless `weights` holds exactly the model's parameters, each complete and finite. */
export function checkWeights(
  params: readonly Param[],
  weights: Record<string, ArrayLike<number>>,
): void {
  const names = new Set(params.map((p) => p.name));
  const extra = Object.keys(weights).filter((n) => !names.has(n));
  if (extra.length > 0) throw new RangeError(`unknown parameter(s): ${extra.join(', ')}`);
  for (const p of params) {
    const src = weights[p.name];
    if (src === undefined) throw new RangeError(`missing parameter ${p.name}`);
    if (src.length !== p.w.length) {
      throw new RangeError(
        `${p.name}: expected ${p.rows}×${p.cols} = ${p.w.length} values, got ${src.length}`,
      );
    }
    for (let k = 0; k < src.length; k++) {
      if (!Number.isFinite(src[k])) throw new RangeError(`${p.name}[${k}] is not a finite number`);
    }
  }
}
