/** A seeded model and batch of a registered cell, run forward and backward, for the scan tests and bench. */
import { createWorkspace, forwardBackward } from '../../../src/engine/bptt';
import type { RunOptions } from '../../../src/engine/bptt';
import { initFor } from '../../../src/engine/cells/catalog';
import type { CellKind } from '../../../src/engine/cells/catalog';
import { initModel } from '../../../src/engine/init';
import { createModel } from '../../../src/engine/model';
import { createRng } from '../../../src/engine/rng';
import type { AnyLossKind } from '../../../src/engine/types';

export function runCell(
  cell: CellKind,
  T: number,
  B: number,
  loss: AnyLossKind,
  opts: { truncate?: number; h0?: boolean; seed?: number } = {},
) {
  const rng = createRng(opts.seed ?? 7);
  const I = 3;
  const H = 4;
  const O = 2;
  const model = createModel({ cell, inputSize: I, hiddenSize: H, outputSize: O, stateSize: 3 });
  initModel(model, rng, { init: initFor(cell, ''), rho: null, forgetBias: 0 });
  const inputs = Float64Array.from({ length: T * B * I }, () => rng.normal());
  const nt = loss === 'mse_all' ? T * B * O : loss === 'mse_last' ? B * O : 0;
  const targets =
    loss === 'xent_all'
      ? Float64Array.from({ length: T * B }, () => Math.floor(rng.uniform(0, O)))
      : Float64Array.from({ length: nt }, () => rng.normal());
  const batch = { T, B, loss, inputs, targets };
  const run: RunOptions = {
    ...(opts.truncate !== undefined ? { truncate: opts.truncate } : {}),
    ...(opts.h0 === true ? { h0: Float64Array.from({ length: B * H }, () => rng.normal()) } : {}),
  };
  const ws = createWorkspace(model.spec, T, B);
  const trace = forwardBackward(model, batch, ws, run);
  return { model, batch, ws, trace, run };
}

/** max |x − y| / max(1, max |y|) over the arrays. */
export function gap(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  let s = 1;
  for (let k = 0; k < y.length; k++) {
    d = Math.max(d, Math.abs(x[k]! - y[k]!));
    s = Math.max(s, Math.abs(y[k]!));
  }
  return x.length === y.length ? d / s : Infinity;
}
