/**
 * The largest singular value σ_max = ‖A‖₂ alone, fast enough to run once per time step of a trace
 * for every snapshot (a full SVD per step is ~10× slower and computes n values we throw away).
 *
 * Method: λ_max of the Gram matrix G = AᵀA (or AAᵀ, whichever is smaller), after a Householder
 * reduction of G to tridiagonal form, by bisection on Sturm counts. Both steps are backward stable,
 * so λ_max carries an absolute error of a few ε·‖G‖ = ε·σ_max², i.e. σ_max is relatively exact to
 * rounding; squaring only hurts the *small* singular values, which this does not report.
 * A is first scaled by its largest |entry| so that products of Jacobians as small as 1e−300 or as
 * large as 1e300 neither underflow nor overflow when squared.
 */
import { largestEigenvalueTridiagonal } from './tridiagonal';

/** ‖A‖₂ for a rows×cols row-major A (NaN if A holds a non-finite value; 0 for the zero matrix). */
export function largestSingularValue(
  A: Float64Array,
  rows: number,
  cols: number,
  aOff = 0,
): number {
  let scale = 0;
  for (let k = 0; k < rows * cols; k++) {
    const a = Math.abs(A[aOff + k] as number);
    if (!(a <= scale)) scale = a; // NaN sticks
  }
  if (Number.isNaN(scale) || scale === Infinity) return NaN;
  if (scale === 0) return 0;
  const m = Math.min(rows, cols);
  const G = new Float64Array(m * m);
  const inv = 1 / scale;
  if (cols <= rows) {
    // G = AᵀA as a sum of outer products of rows, reading A along its rows.
    const row = new Float64Array(cols);
    for (let k = 0; k < rows; k++) {
      for (let j = 0; j < cols; j++) row[j] = (A[aOff + k * cols + j] as number) * inv;
      for (let i = 0; i < cols; i++) {
        const a = row[i] as number;
        if (a === 0) continue;
        for (let j = i; j < cols; j++)
          G[i * m + j] = (G[i * m + j] as number) + a * (row[j] as number);
      }
    }
  } else {
    // G = AAᵀ: dot products of rows.
    for (let i = 0; i < rows; i++) {
      for (let j = i; j < rows; j++) {
        let s = 0;
        for (let p = 0; p < cols; p++)
          s +=
            (A[aOff + i * cols + p] as number) * inv * ((A[aOff + j * cols + p] as number) * inv);
        G[i * m + j] = s;
      }
    }
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) G[i * m + j] = G[j * m + i] as number;
  return scale * Math.sqrt(Math.max(0, largestEigenvalueSymmetric(G, m)));
}

/** λ_max of a symmetric m×m row-major G (destroyed). */
function largestEigenvalueSymmetric(G: Float64Array, m: number): number {
  const d = new Float64Array(m);
  const e = new Float64Array(Math.max(m - 1, 0));
  const v = new Float64Array(m);
  const p = new Float64Array(m);
  for (let k = 0; k < m - 2; k++) {
    // Householder reflector zeroing G[k+2.., k]; it acts on the trailing block rows/cols k+1...
    let norm = 0;
    for (let i = k + 1; i < m; i++) norm = Math.hypot(norm, G[i * m + k] as number);
    const x0 = G[(k + 1) * m + k] as number;
    const alpha = x0 > 0 ? -norm : norm;
    d[k] = G[k * m + k] as number;
    e[k] = alpha;
    if (norm === 0) continue;
    let vv = 0;
    for (let i = k + 1; i < m; i++) {
      const x = (G[i * m + k] as number) - (i === k + 1 ? alpha : 0);
      v[i] = x;
      vv += x * x;
    }
    if (vv === 0) continue;
    const beta = 2 / vv;
    // p = β·G₂₂·v, q = p − (β/2)(vᵀp)·v, G₂₂ ← G₂₂ − v qᵀ − q vᵀ (q stored in p).
    let vp = 0;
    for (let i = k + 1; i < m; i++) {
      let s = 0;
      for (let j = k + 1; j < m; j++) s += (G[i * m + j] as number) * (v[j] as number);
      p[i] = beta * s;
      vp += (v[i] as number) * beta * s;
    }
    const K = (beta / 2) * vp;
    for (let i = k + 1; i < m; i++) p[i] = (p[i] as number) - K * (v[i] as number);
    for (let i = k + 1; i < m; i++) {
      const vi = v[i] as number;
      const pi = p[i] as number;
      for (let j = k + 1; j < m; j++)
        G[i * m + j] = (G[i * m + j] as number) - vi * (p[j] as number) - pi * (v[j] as number);
    }
  }
  if (m >= 2) {
    d[m - 2] = G[(m - 2) * m + (m - 2)] as number;
    e[m - 2] = G[(m - 1) * m + (m - 2)] as number;
  }
  d[m - 1] = G[(m - 1) * m + (m - 1)] as number;
  return largestEigenvalueTridiagonal(d, e, m);
}
