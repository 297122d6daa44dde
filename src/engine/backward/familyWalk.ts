/**
 * Helpers for the family cells' backward walks (FamilyCell.walk, family/types.ts): per-step terms
 * of a vector parameter, and the loss's own term on the layer output.
 */
import type { FamilyWorkspace } from '../family/types';
import type { ParamTerms } from './types';

/** Norms and running sums of per-step terms given as rows [T][n] of one parameter of n entries. */
export function vectorTerms(name: string, rows: Float64Array, T: number, n: number): ParamTerms {
  const norms = new Float64Array(T);
  const partial = new Float64Array(T);
  const sum = new Float64Array(n);
  for (let t = T; t >= 1; t--) {
    const off = (t - 1) * n;
    norms[t - 1] = scaledNorm(rows, off, n);
    for (let k = 0; k < n; k++) sum[k] = sum[k]! + rows[off + k]!;
    partial[t - 1] = scaledNorm(sum, 0, n);
  }
  return {
    name,
    rows: n,
    cols: 1,
    norms,
    blocks: [],
    blockNorms: new Float64Array(0),
    partial,
    sum,
  };
}

function scaledNorm(x: Float64Array, off: number, n: number): number {
  let m = 0;
  for (let k = off; k < off + n; k++) {
    const a = Math.abs(x[k]!);
    if (a > m || a !== a) m = a;
  }
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (let k = off; k < off + n; k++) s += (x[k]! / m) ** 2;
  return m * Math.sqrt(s);
}

/** out ← W_outᵀ ∂L/∂ŷ_t of sequence `seq` (F wide): the loss's own term on the layer output y_t. */
export function readoutTerm(ws: FamilyWorkspace, seq: number, t: number, out: Float64Array): void {
  const { B, F, O } = ws;
  const y = ((t - 1) * B + seq) * O;
  for (let k = 0; k < F; k++) {
    let s = 0;
    for (let o = 0; o < O; o++) s += ws.wout[o * F + k]! * ws.dY[y + o]!;
    out[k] = s;
  }
}
