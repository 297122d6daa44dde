/**
 * The parallel-scan lesson's measures on what a snapshot shows (store/lessons/scan.ts): the pairs
 * of a complex diagonal recurrence read back off its states, x_t = λ ⊙ x_{t−1} + b_t, so
 * b_t = x_t − λ ⊙ x_{t−1}; the engine's scan of those pairs against the states; and how exactly
 * b_t is a linear function of the input u_t alone (least squares over the sequence). The page's
 * store reaches the engine's scan through this file.
 */
import { hillisSteele, scanDepth } from '../engine/scan/prefix';
import { createPairs } from '../engine/scan/types';
import type { ScanPairs } from '../engine/scan/types';

/** Pairs (λ, b_t) per unit from states [T][2H] ([Re x; Im x] rows), x_0 = 0. */
export function pairsFromStates(
  x: Float64Array,
  T: number,
  lr: Float64Array,
  li: Float64Array,
): ScanPairs {
  const H = lr.length;
  const p = createPairs(T, H, true);
  for (let t = 0; t < T; t++)
    for (let k = 0; k < H; k++) {
      const o = t * 2 * H;
      const pr = t === 0 ? 0 : x[o - 2 * H + k]!;
      const pi = t === 0 ? 0 : x[o - H + k]!;
      p.a[t * H + k] = lr[k]!;
      p.ai![t * H + k] = li[k]!;
      p.b[t * H + k] = x[o + k]! - (lr[k]! * pr - li[k]! * pi);
      p.bi![t * H + k] = x[o + H + k]! - (lr[k]! * pi + li[k]! * pr);
    }
  return p;
}

/** The scan of the pairs (a copy): its levels and max |scan − x| / max(1, max |x|). */
export function scanAgainstStates(p: ScanPairs, x: Float64Array): { levels: number; gap: number } {
  const q = { ...p, a: p.a.slice(), b: p.b.slice(), ai: p.ai!.slice(), bi: p.bi!.slice() };
  hillisSteele(q);
  const H = p.U;
  let d = 0;
  let s = 1;
  for (let t = 0; t < p.T; t++)
    for (let k = 0; k < H; k++) {
      const re = x[t * 2 * H + k]!;
      const im = x[t * 2 * H + H + k]!;
      d = Math.max(d, Math.abs(q.b[t * H + k]! - re), Math.abs(q.bi![t * H + k]! - im));
      s = Math.max(s, Math.abs(re), Math.abs(im));
    }
  return { levels: scanDepth(p.T), gap: d / s };
}

/**
 * Fits every column of b (Re and Im of each unit) as b_t = W u_t over the T steps (u [T][I]) and
 * returns the largest residual over the largest |b|: ~1e−15 when b_t depends on u_t alone.
 */
export function inputResidual(p: ScanPairs, u: Float64Array, I: number): number {
  const { T, U } = p;
  const G = new Float64Array(I * I);
  for (let t = 0; t < T; t++)
    for (let i = 0; i < I; i++)
      for (let j = 0; j < I; j++) G[i * I + j] = G[i * I + j]! + u[t * I + i]! * u[t * I + j]!;
  let worst = 0;
  let scale = 0;
  for (const col of [p.b, p.bi!])
    for (let k = 0; k < U; k++) {
      const rhs = new Float64Array(I);
      for (let t = 0; t < T; t++)
        for (let i = 0; i < I; i++) rhs[i] = rhs[i]! + u[t * I + i]! * col[t * U + k]!;
      const w = solve(G.slice(), rhs, I);
      for (let t = 0; t < T; t++) {
        let f = 0;
        for (let i = 0; i < I; i++) f += w[i]! * u[t * I + i]!;
        worst = Math.max(worst, Math.abs(col[t * U + k]! - f));
        scale = Math.max(scale, Math.abs(col[t * U + k]!));
      }
    }
  return scale === 0 ? worst : worst / scale;
}

/** Gaussian elimination with partial pivoting on an n×n system (n = the input width, small). */
function solve(A: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs(A[r * n + c]!) > Math.abs(A[piv * n + c]!)) piv = r;
    if (piv !== c) {
      for (let j = 0; j < n; j++) [A[c * n + j], A[piv * n + j]] = [A[piv * n + j]!, A[c * n + j]!];
      [b[c], b[piv]] = [b[piv]!, b[c]!];
    }
    const d = A[c * n + c]!;
    if (d === 0) continue;
    for (let r = c + 1; r < n; r++) {
      const f = A[r * n + c]! / d;
      for (let j = c; j < n; j++) A[r * n + j] = A[r * n + j]! - f * A[c * n + j]!;
      b[r] = b[r]! - f * b[c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let j = r + 1; j < n; j++) s -= A[r * n + j]! * x[j]!;
    const d = A[r * n + r]!;
    x[r] = d === 0 ? 0 : s / d;
  }
  return x;
}
