/**
 * Measurements of the newer families' snapshots for their lessons' expectations: where the task put
 * its information (the adding problem's marked steps, selective copy's symbols), how a per-step
 * decay or clock behaves there and elsewhere, and how attention's gradient follows its weights.
 * Everything is of the shown sequence (the snapshot's inputs, gates and dL/dstate rows).
 */
import type { Snapshot } from '../../worker/protocol';

/**
 * For each step of the shown sequence: 1 where the task put what must be remembered (the adding
 * problem's markers, selective copy's symbols), 0 at the filler (unmarked values, noise), −1
 * elsewhere (selective copy's recall markers). Null for other tasks.
 */
export function informativeSteps(s: Snapshot): Int8Array | null {
  const T = s.T;
  const I = s.inputs.length / T;
  const out = new Int8Array(T);
  if (s.config.task === 'adding') {
    for (let t = 0; t < T; t++) out[t] = (s.inputs[t * I + 1] as number) > 0 ? 1 : 0;
    return out;
  }
  if (s.config.task === 'selcopy') {
    // One-hot: 0 noise, 1–8 symbols, I − 1 the recall marker.
    for (let t = 0; t < T; t++) {
      let id = 0;
      for (let k = 0; k < I; k++) if ((s.inputs[t * I + k] as number) === 1) id = k;
      out[t] = id === 0 ? 0 : id === I - 1 ? -1 : 1;
    }
    return out;
  }
  return null;
}

/**
 * For every unit, the mean of `value(t, unit)` over the informative steps divided by its mean over
 * the filler steps. Null when either set is empty or the task has none.
 */
export function unitRatios(
  s: Snapshot,
  value: (t: number, unit: number) => number,
): Float64Array | null {
  const steps = informativeSteps(s);
  if (steps === null) return null;
  const nOn = steps.reduce((n, v) => n + (v === 1 ? 1 : 0), 0);
  const nOff = steps.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
  if (nOn === 0 || nOff === 0) return null;
  const out = new Float64Array(s.H);
  for (let u = 0; u < s.H; u++) {
    let on = 0;
    let off = 0;
    for (let t = 0; t < s.T; t++) {
      if (steps[t] === 1) on += value(t, u);
      else if (steps[t] === 0) off += value(t, u);
    }
    out[u] = on / nOn / (off / nOff);
  }
  return out;
}

/** Gate block g of step t, unit u, of the shown sequence ([T][G·H]). */
export function gateAt(s: Snapshot, g: number, t: number, u: number): number {
  const gates = s.gates;
  if (gates === null) return NaN;
  const G = gates.length / (s.T * s.H);
  return gates[(t * G + g) * s.H + u] as number;
}

/** The largest entry of an array and where it is. */
export function argmax(a: Float64Array): { at: number; value: number } {
  let at = 0;
  for (let k = 1; k < a.length; k++) if ((a[k] as number) > (a[at] as number)) at = k;
  return { at, value: a[at] as number };
}

/** ‖∂L/∂stateₜ‖ of the shown sequence, [T] (from the snapshot's dL/dstate rows). */
export function seqGradNorms(s: Snapshot): Float64Array {
  const W = s.stateWidth;
  const out = new Float64Array(s.T);
  for (let t = 0; t < s.T; t++) {
    let q = 0;
    for (let j = 0; j < W; j++) q += (s.dhUnit[t * W + j] as number) ** 2;
    out[t] = Math.sqrt(q);
  }
  return out;
}

/** Pearson correlation of log₁₀ a and log₁₀ b over the first n entries where both are > 0. */
export function logCorrelation(a: Float64Array, b: Float64Array, n: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < n; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(Math.log10(x));
      ys.push(Math.log10(y));
    }
  }
  if (xs.length < 3) return NaN;
  const mx = xs.reduce((p, q) => p + q, 0) / xs.length;
  const my = ys.reduce((p, q) => p + q, 0) / ys.length;
  let c = 0;
  let vx = 0;
  let vy = 0;
  xs.forEach((x, k) => {
    const y = ys[k] as number;
    c += (x - mx) * (y - my);
    vx += (x - mx) ** 2;
    vy += (y - my) ** 2;
  });
  return vx > 0 && vy > 0 ? c / Math.sqrt(vx * vy) : NaN;
}

/** log₁₀(max / min) of a[0..n): how far apart the values spread, in decades (NaN if any ≤ 0). */
export function decadeSpread(a: Float64Array, n: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = a[k] as number;
    if (!(v > 0) || !Number.isFinite(v)) return NaN;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return Math.log10(hi / lo);
}

/** |λ| of every LRU unit, now or as set (from the family frame); null for other cells. */
export function lambdaModuli(s: Snapshot, which: 'now' | 'set'): Float64Array | null {
  const l = s.family?.lambda;
  if (!l) return null;
  const re = which === 'now' ? l.re : l.re0;
  const im = which === 'now' ? l.im : l.im0;
  return re.map((x, k) => Math.hypot(x, im[k] as number));
}
