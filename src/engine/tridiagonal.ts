/** The one Sturm-count bisection: used by spectralNorm.ts (Householder) and jacobian/lanczos.ts. */

/** Number of eigenvalues < x of the symmetric tridiagonal (d, e), by the signs of an LDLᵀ pivot sequence. */
function countBelow(d: Float64Array, e: Float64Array, m: number, x: number, tiny: number): number {
  let count = 0;
  let q = 1;
  for (let i = 0; i < m; i++) {
    const off = i === 0 ? 0 : (e[i - 1] as number);
    q = (d[i] as number) - x - (i === 0 ? 0 : (off * off) / q);
    if (q === 0) q = -tiny; // a zero pivot counts as negative, the usual convention
    if (q < 0) count++;
  }
  return count;
}

/**
 * λ_max of the symmetric tridiagonal with d[0..m) on the diagonal and e[0..m−1) beside it, by
 * bisection on Sturm counts down to adjacent doubles (backward stable: error a few ε·max|λ|).
 */
export function largestEigenvalueTridiagonal(d: Float64Array, e: Float64Array, m: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  let bound = 0;
  for (let i = 0; i < m; i++) {
    const r =
      (i > 0 ? Math.abs(e[i - 1] as number) : 0) + (i < m - 1 ? Math.abs(e[i] as number) : 0);
    lo = Math.min(lo, (d[i] as number) - r);
    hi = Math.max(hi, (d[i] as number) + r);
    bound = Math.max(bound, Math.abs(d[i] as number) + r);
  }
  // Gershgorin: every eigenvalue lies in [lo, hi]; λ_max is the point where the count reaches m.
  const tiny = Number.MIN_VALUE * 4 + bound * 1e-300;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    if (countBelow(d, e, m, mid, tiny) === m) hi = mid;
    else lo = mid;
  }
  return hi;
}
