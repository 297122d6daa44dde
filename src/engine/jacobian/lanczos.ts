/**
 * ‖∂h_t/∂h_{t−1}‖₂ per step for the tanh RNN (J_t = diag(1 − h_t²)·W_hh) and the linear cell
 * (J_t = W_hh), as √λ_max(J_tᵀJ_t) by Lanczos with full reorthogonalization. The exact SVD per step
 * (jacobian.ts) costs T dense decompositions — about 11 s at H = 128, T = 200 on this machine,
 * far too long to block the worker; Lanczos needs m ≤ 24 products with J and Jᵀ per step, and the
 * extreme Ritz value converges first (Kaniel–Paige), so it agrees with the SVD to ~1e-9 (tested).
 * With m = H the Krylov space is the whole space and the result is exact up to rounding.
 */
import { largestEigenvalueTridiagonal } from '../tridiagonal';

/** Krylov dimension cap. */
const MAX_KRYLOV = 24;

/**
 * `h` is the trace's [(T+1)][B][H] hidden states, `W` the H×H row-major W_hh, `dphi` φ′ as a
 * function of h_t (the cell's CellInfo.stepJacobianDiag: 1 − h² for tanh, 1 for the linear cell).
 * Returns [T] (index t−1 for step t).
 */
export function stepJacNormsLanczos(
  W: Float64Array,
  H: number,
  h: Float64Array,
  T: number,
  B: number,
  seq: number,
  dphi: (h: number) => number,
): Float64Array {
  const m = Math.min(H, MAX_KRYLOV);
  const out = new Float64Array(T);
  const Q = new Float64Array((m + 1) * H);
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m);
  const u = new Float64Array(H);
  const w = new Float64Array(H);
  const d = new Float64Array(H);
  // A fixed start vector with no zero entries, so it is never orthogonal to a top singular vector by symmetry.
  const start = new Float64Array(H);
  let ss = 0;
  for (let j = 0; j < H; j++) {
    start[j] = 1 + ((j * 0.6180339887498949) % 1);
    ss += start[j]! * start[j]!;
  }
  for (let j = 0; j < H; j++) start[j] = start[j]! / Math.sqrt(ss);

  for (let t = 1; t <= T; t++) {
    const off = (t * B + seq) * H;
    for (let i = 0; i < H; i++) d[i] = dphi(h[off + i]!);
    Q.set(start, 0);
    let k = 0;
    for (; k < m; k++) {
      const q = k * H;
      // w = Jᵀ(J q) = Wᵀ(d² ⊙ (W q))
      for (let i = 0; i < H; i++) {
        let s = 0;
        const r = i * H;
        for (let j = 0; j < H; j++) s += W[r + j]! * Q[q + j]!;
        u[i] = d[i]! * d[i]! * s;
      }
      w.fill(0);
      for (let i = 0; i < H; i++) {
        const ui = u[i]!;
        const r = i * H;
        for (let j = 0; j < H; j++) w[j] = w[j]! + W[r + j]! * ui;
      }
      let a = 0;
      for (let j = 0; j < H; j++) a += w[j]! * Q[q + j]!;
      alpha[k] = a;
      // Full reorthogonalization against every previous q, twice (Kahan's "twice is enough").
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p <= k; p++) {
          let c = 0;
          for (let j = 0; j < H; j++) c += w[j]! * Q[p * H + j]!;
          for (let j = 0; j < H; j++) w[j] = w[j]! - c * Q[p * H + j]!;
        }
      }
      let bn = 0;
      for (let j = 0; j < H; j++) bn += w[j]! * w[j]!;
      bn = Math.sqrt(bn);
      beta[k] = bn;
      if (!(bn > 1e-13 * Math.max(Math.abs(a), Number.MIN_VALUE))) {
        k++;
        break; // invariant subspace: the Ritz values are exact
      }
      for (let j = 0; j < H; j++) Q[(k + 1) * H + j] = w[j]! / bn;
    }
    const lmax = largestEigenvalueTridiagonal(alpha, beta, k);
    out[t - 1] = Math.sqrt(Math.max(0, lmax));
  }
  return out;
}
