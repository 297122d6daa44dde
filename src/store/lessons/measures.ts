/**
 * Measurements of a snapshot and a loss history, shared by the lessons' expectations and the panels
 * that draw the same quantities (so a ✔ and the curve it is about are computed one way). Time
 * index t = 1..T sits at offset t − 1. Everything is in log space where products can underflow.
 */
import type { Snapshot } from '../../worker/protocol';
import type { LossHistory } from '../history';

const log10 = (x: number) => Math.log(x) / Math.LN10;

/** log₁₀(a_t / a_T) for every t, NaN where either is not a positive finite number. */
export function logRelative(a: Float64Array): Float64Array {
  const T = a.length;
  const last = a[T - 1] ?? NaN;
  const ok = (v: number) => v > 0 && Number.isFinite(v);
  return a.map((v) => (ok(v) && ok(last) ? log10(v) - log10(last) : NaN));
}

/**
 * How far the curve a_t rises above the reference base^(T−t)·a_T, in decades: the largest
 * log₁₀(a_t / a_T) − (T − t)·log₁₀ base over t. ≤ 0 means the curve stays on or under it.
 * `tol` forgives rounding where the two coincide (orthogonal W, linear cell). NaN when undefined.
 */
export function decadesAbove(a: Float64Array, base: number): number {
  const rel = logRelative(a);
  const T = a.length;
  if (!(base > 0) || T === 0) return NaN;
  let worst = -Infinity;
  for (let t = 1; t <= T; t++) {
    const r = rel[t - 1] as number;
    if (Number.isNaN(r)) continue;
    worst = Math.max(worst, r - (T - t) * log10(base));
  }
  return worst === -Infinity ? NaN : worst;
}

/** Largest log₁₀(a_t / a_T) over t: how far back-flowing gradient rises above where it starts. */
export function peakRelative(a: Float64Array): number {
  let m = -Infinity;
  for (const r of logRelative(a)) if (!Number.isNaN(r)) m = Math.max(m, r);
  return m === -Infinity ? NaN : m;
}

/**
 * The belt product Π_{s=t+1..T} g_s of one gate of the selected sequence, for t = 1..T (1 at t = T):
 * Π f for the LSTM (gate index 1), Π z for the GRU (gate index 1). `unit` null averages the
 * products over units (the mean of Π, not Π of the mean). From the snapshot's [T][G·H] gates.
 */
export function gateProduct(s: Snapshot, gate: number, unit: number | null): Float64Array | null {
  const g = s.gates;
  if (g === null) return null;
  const { T, H } = s;
  const G = g.length / (T * H);
  const units = unit === null ? Array.from({ length: H }, (_, u) => u) : [unit];
  const out = new Float64Array(T);
  const logs = new Float64Array(units.length); // running log Π per unit
  for (let t = T; t >= 1; t--) {
    // out[t−1] = mean over units of exp(logs), with logs = Σ_{s>t} log g_s.
    let mx = -Infinity;
    for (const l of logs) mx = Math.max(mx, l);
    let sum = 0;
    for (const l of logs) sum += Math.exp(l - mx);
    out[t - 1] = mx === -Infinity ? 0 : Math.exp(mx) * (sum / units.length);
    units.forEach((u, k) => {
      logs[k] = (logs[k] as number) + Math.log(g[(t - 1) * G * H + gate * H + u] as number);
    });
  }
  return out;
}

/** For each unit, log₁₀ Π_{s=2..T} g_s (the product from step T back to step 1) of the selected sequence. */
export function unitLogProducts(s: Snapshot, gate: number): Float64Array | null {
  const g = s.gates;
  if (g === null) return null;
  const { T, H } = s;
  const G = g.length / (T * H);
  const out = new Float64Array(H);
  for (let u = 0; u < H; u++) {
    let l = 0;
    for (let t = 2; t <= T; t++) l += Math.log(g[(t - 1) * G * H + gate * H + u] as number);
    out[u] = l / Math.LN10;
  }
  return out;
}

/** Saturated share of the selected sequence (the worker measures it; null without squashing). */
export function saturatedFraction(s: Snapshot): number | null {
  return s.saturated?.fraction ?? null;
}

/** Largest |c_t| over steps and units of the selected sequence (LSTM), else null. */
export function maxAbsCell(s: Snapshot): number | null {
  if (s.cellState === null) return null;
  let m = 0;
  for (const v of s.cellState) m = Math.max(m, Math.abs(v));
  return m;
}

/** Mean of the history's losses at iterations in [from, to]; NaN when there are none. */
export function meanLoss(h: LossHistory, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < h.iters.length; k++) {
    const it = h.iters[k] as number;
    if (it >= from && it <= to) {
      sum += h.losses[k] as number;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

/**
 * Calls f(k, mean) for every history index k ≥ n − 1 with the mean of the n values ending at k,
 * in one pass (a running sum); stops when f returns true.
 */
function eachTrailing(
  values: Float64Array,
  n: number,
  f: (k: number, mean: number) => boolean,
): void {
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    sum += values[k] as number;
    if (k >= n) sum -= values[k - n] as number;
    if (k >= n - 1 && f(k, sum / n)) return;
  }
}

/**
 * The first iteration (≤ `by`) at which the mean of the last `n` recorded values passed `bar`
 * (below it for losses, above it for accuracies); null if none has yet.
 */
export function firstCrossing(
  h: LossHistory,
  what: 'loss' | 'accuracy',
  bar: number,
  n: number,
  by = Infinity,
): { iteration: number; mean: number } | null {
  let hit: { iteration: number; mean: number } | null = null;
  eachTrailing(what === 'loss' ? h.losses : h.accuracies, n, (k, m) => {
    const it = h.iters[k] as number;
    if (it > by) return true;
    if (what === 'loss' ? m < bar : m > bar) hit = { iteration: it, mean: m };
    return hit !== null;
  });
  return hit;
}

/**
 * Largest mean over `n` consecutive recorded losses whose last iteration lies in [from, to]
 * (−∞ when none): a single batch's loss is noisy, a window's mean is what a reader sees.
 */
export function maxTrailingLoss(h: LossHistory, n: number, from: number, to: number): number {
  let m = -Infinity;
  eachTrailing(h.losses, n, (k, mean) => {
    const it = h.iters[k] as number;
    if (it > to) return true;
    if (it >= from) m = Math.max(m, mean);
    return false;
  });
  return m;
}

/** Largest recorded loss at iterations in [from, to] (−∞ when none). */
export function maxLoss(h: LossHistory, from: number, to: number): number {
  let m = -Infinity;
  for (let k = 0; k < h.iters.length; k++) {
    const it = h.iters[k] as number;
    if (it >= from && it <= to) m = Math.max(m, h.losses[k] as number);
  }
  return m;
}

/** "10^−5.9" style text for a base-10 exponent. */
export function pow10Text(e: number, digits = 1): string {
  if (!Number.isFinite(e)) return e > 0 ? '∞' : '0';
  const s = e.toFixed(digits).replace('-', '−');
  return `10^${e >= 0 ? '+' : ''}${s}`;
}
