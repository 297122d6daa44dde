/** Test helpers for the BPTT engine: seeded random models and batches, an orthogonal matrix. */
import { createModel } from '../../src/engine/model';
import type { Model } from '../../src/engine/model';
import type { Rng } from '../../src/engine/rng';
import type { AnyLossKind, Batch, CellKind, ModelSpec } from '../../src/engine/types';
import { targetLength } from '../../src/engine/loss';

export interface Sizes {
  cell: CellKind;
  I: number;
  H: number;
  O: number;
  T: number;
  B: number;
}

export function specOf(s: Sizes): ModelSpec {
  return { cell: s.cell, inputSize: s.I, hiddenSize: s.H, outputSize: s.O };
}

/** Model with weights uniform on (−scale, scale). */
export function randomModel(spec: ModelSpec, rng: Rng, scale = 0.6): Model {
  const m = createModel(spec);
  for (const p of m.params)
    for (let i = 0; i < p.w.length; i++) p.w[i] = rng.uniform(-scale, scale);
  return m;
}

export function randomBatch(s: Sizes, loss: AnyLossKind, rng: Rng): Batch {
  const inputs = new Float64Array(s.T * s.B * s.I).map(() => rng.normal());
  const n = targetLength(loss, s.T, s.B, s.O);
  const targets = new Float64Array(n).map(() =>
    loss.startsWith('xent') ? rng.int(s.O) : rng.normal(),
  );
  return { T: s.T, B: s.B, loss, inputs, targets };
}

export function randomState(n: number, rng: Rng, scale = 0.5): Float64Array {
  return new Float64Array(n).map(() => scale * rng.normal());
}

/** A random n×n orthogonal matrix (row-major) by modified Gram–Schmidt on Gaussian columns. */
export function orthogonal(n: number, rng: Rng): Float64Array {
  const q = new Float64Array(n * n).map(() => rng.normal());
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += q[i * n + j]! * q[i * n + k]!;
      for (let i = 0; i < n; i++) q[i * n + j] = q[i * n + j]! - d * q[i * n + k]!;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += q[i * n + j]! ** 2;
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < n; i++) q[i * n + j] = q[i * n + j]! * inv;
  }
  return q;
}
