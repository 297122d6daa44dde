/**
 * ‖J‖₂ of step Jacobians as √λ_max(JᵀJ) by Lanczos with full reorthogonalization. The exact SVD per
 * step (jacobian.ts) costs T dense decompositions — about 11 s at H = 128, T = 200 on this machine,
 * far too long to block the worker; Lanczos needs m ≤ 24 products with J and Jᵀ per step, and the
 * extreme Ritz value converges first (Kaniel–Paige), so it agrees with the SVD to ~1e-9 (tested).
 * With m = n the Krylov space is the whole space and the result is exact up to rounding.
 *
 * Two users: the tanh RNN and linear cell (J_t = diag(φ′(h_t))·W_hh, never formed), and any dense
 * n×n Jacobian (the backward walk, for every classic cell).
 */
import { largestEigenvalueTridiagonal } from '../tridiagonal';

/** Krylov dimension cap. */
const MAX_KRYLOV = 24;

/** w ← JᵀJ·q for q = Q[qOff .. qOff + n). */
type Gram = (Q: Float64Array, qOff: number, w: Float64Array) => void;

/** Buffers for one size n, reused across steps. */
export interface LanczosScratch {
  readonly n: number;
  readonly m: number;
  readonly Q: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly w: Float64Array;
  readonly u: Float64Array;
  /** A fixed start vector with no zero entries, so it is never orthogonal to a top singular vector by symmetry. */
  readonly start: Float64Array;
}

export function lanczosScratch(n: number): LanczosScratch {
  const m = Math.min(n, MAX_KRYLOV);
  const start = new Float64Array(n);
  let ss = 0;
  for (let j = 0; j < n; j++) {
    start[j] = 1 + ((j * 0.6180339887498949) % 1);
    ss += start[j]! * start[j]!;
  }
  for (let j = 0; j < n; j++) start[j] = start[j]! / Math.sqrt(ss);
  return {
    n,
    m,
    Q: new Float64Array((m + 1) * n),
    alpha: new Float64Array(m),
    beta: new Float64Array(m),
    w: new Float64Array(n),
    u: new Float64Array(n),
    start,
  };
}

/** √λ_max(JᵀJ) = ‖J‖₂, given w ← JᵀJ q. */
function sigmaMax(s: LanczosScratch, gram: Gram): number {
  const { n, m, Q, alpha, beta, w } = s;
  Q.set(s.start, 0);
  let k = 0;
  for (; k < m; k++) {
    const q = k * n;
    gram(Q, q, w);
    let a = 0;
    for (let j = 0; j < n; j++) a += w[j]! * Q[q + j]!;
    alpha[k] = a;
    // Full reorthogonalization against every previous q, twice (Kahan's "twice is enough").
    for (let pass = 0; pass < 2; pass++) {
      for (let p = 0; p <= k; p++) {
        let c = 0;
        for (let j = 0; j < n; j++) c += w[j]! * Q[p * n + j]!;
        for (let j = 0; j < n; j++) w[j] = w[j]! - c * Q[p * n + j]!;
      }
    }
    let bn = 0;
    for (let j = 0; j < n; j++) bn += w[j]! * w[j]!;
    bn = Math.sqrt(bn);
    beta[k] = bn;
    if (!(bn > 1e-13 * Math.max(Math.abs(a), Number.MIN_VALUE))) {
      k++;
      break; // invariant subspace: the Ritz values are exact
    }
    for (let j = 0; j < n; j++) Q[(k + 1) * n + j] = w[j]! / bn;
  }
  const lmax = largestEigenvalueTridiagonal(alpha, beta, k);
  return Math.sqrt(Math.max(0, lmax));
}

/**
 * ‖J‖₂ of a dense n×n row-major J (NaN when J holds a non-finite value). J is first scaled by its
 * largest |entry|, so Jacobians as small as 1e−300 or as large as 1e300 do not under- or overflow
 * when squared.
 */
export function denseSpectralNorm(J: Float64Array, s: LanczosScratch): number {
  const n = s.n;
  let scale = 0;
  for (let k = 0; k < n * n; k++) {
    const a = Math.abs(J[k]!);
    if (!(a <= scale)) scale = a; // NaN sticks
  }
  if (Number.isNaN(scale) || scale === Infinity) return NaN;
  if (scale === 0) return 0;
  const inv = 1 / scale;
  const u = s.u;
  return (
    scale *
    sigmaMax(s, (Q, q, w) => {
      // w = Jᵀ(J q), with J/scale
      for (let i = 0; i < n; i++) {
        let t = 0;
        const r = i * n;
        for (let j = 0; j < n; j++) t += J[r + j]! * Q[q + j]!;
        u[i] = t * inv;
      }
      w.fill(0);
      for (let i = 0; i < n; i++) {
        const ui = u[i]! * inv;
        const r = i * n;
        for (let j = 0; j < n; j++) w[j] = w[j]! + J[r + j]! * ui;
      }
    })
  );
}

/** Step-Jacobian norms computed a few steps at a time (see stepJacNorms). */
export interface StepJacNorms {
  /** [T]: index t − 1 holds step t's norm once `done` (steps not yet reached hold 0). */
  readonly out: Float64Array;
  /** Steps computed so far (1..T in order). */
  readonly steps: number;
  readonly done: boolean;
  /** Compute up to `n` more steps. */
  advance(n: number): void;
}

/**
 * ‖∂h_t/∂h_{t−1}‖₂ per step for the tanh RNN and the linear cell, resumable: `advance` computes the
 * next steps, so a caller can spread the work over time slices and drop it when its inputs change.
 * `h` is the trace's [(T+1)][B][H] hidden states, `W` the H×H row-major W_hh, `dphi` φ′ as a
 * function of h_t (the cell's CellInfo.stepJacobianDiag: 1 − h² for tanh, 1 for the linear cell).
 * The caller must not change W or h before the work is done.
 */
export function stepJacNorms(
  W: Float64Array,
  H: number,
  h: Float64Array,
  T: number,
  B: number,
  seq: number,
  dphi: (h: number) => number,
): StepJacNorms {
  const s = lanczosScratch(H);
  const out = new Float64Array(T);
  const d2 = new Float64Array(H);
  const u = s.u;
  const gram: Gram = (Q, q, w) => {
    // w = Jᵀ(J q) = Wᵀ(d² ⊙ (W q))
    for (let i = 0; i < H; i++) {
      let t = 0;
      const r = i * H;
      for (let j = 0; j < H; j++) t += W[r + j]! * Q[q + j]!;
      u[i] = d2[i]! * t;
    }
    w.fill(0);
    for (let i = 0; i < H; i++) {
      const ui = u[i]!;
      const r = i * H;
      for (let j = 0; j < H; j++) w[j] = w[j]! + W[r + j]! * ui;
    }
  };
  let steps = 0;
  return {
    out,
    get steps() {
      return steps;
    },
    get done() {
      return steps >= T;
    },
    advance(n) {
      for (const end = Math.min(T, steps + n); steps < end; steps++) {
        const off = ((steps + 1) * B + seq) * H;
        for (let i = 0; i < H; i++) {
          const d = dphi(h[off + i]!);
          d2[i] = d * d;
        }
        out[steps] = sigmaMax(s, gram);
      }
    },
  };
}

/** All T step-Jacobian norms at once (stepJacNorms run to the end). Returns [T] (index t−1 for step t). */
export function stepJacNormsLanczos(...args: Parameters<typeof stepJacNorms>): Float64Array {
  const [, , , T] = args;
  const job = stepJacNorms(...args);
  job.advance(T);
  return job.out;
}
