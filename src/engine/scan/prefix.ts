/**
 * The inclusive prefix scan of Hillis & Steele (1986), in place over every lane at once. Round
 * ℓ = 1..⌈log₂ T⌉ pairs each entry t with the one d = 2^(ℓ−1) steps before it (after it, in the
 * reverse direction) and stores their combination (combine.ts); after round ℓ, entry t holds the
 * composition of the last min(t, 2^ℓ) steps up to t. So every level is a complete, drawable row —
 * why the view uses it. Its work is O(T log T) combines against the sequential loop's T (Blelloch's
 * scan does O(T) work in 2⌈log₂ T⌉ rounds, but its intermediate rows are not prefixes); its depth
 * is ⌈log₂ T⌉ rounds against T steps.
 *
 * Forward, with h_0 folded into b_1, the b of entry t is then h_t. Reverse, over the pairs
 * (a_{t+1}, g_t) of the backward pass, the b of entry t is δ_t = g_t + a_{t+1}·δ_{t+1}.
 */
import type { ScanPairs } from './types';
import { clonePairs } from './types';

export type ScanDirection = 'forward' | 'reverse';

/** ⌈log₂ T⌉: the rounds a scan of T steps takes (0 for T = 1). */
export function scanDepth(T: number): number {
  let L = 0;
  while (2 ** L < T) L++;
  return L;
}

/** One round at distance d, in place. Entries are visited so a partner is read before it is overwritten. */
function round(p: ScanPairs, d: number, dir: ScanDirection): void {
  const { T, U, a, b, ai, bi } = p;
  const fwd = dir === 'forward';
  const from = fwd ? T - 1 : 0;
  const to = fwd ? d - 1 : T - d;
  const inc = fwd ? -1 : 1;
  const shift = (fwd ? -d : d) * U;
  if (ai === null || bi === null) {
    for (let t = from; t !== to; t += inc) {
      const o = t * U;
      for (let j = o; j < o + U; j++) {
        const q = j + shift;
        const at = a[j]!;
        b[j] = at * b[q]! + b[j]!;
        a[j] = at * a[q]!;
      }
    }
    return;
  }
  for (let t = from; t !== to; t += inc) {
    const o = t * U;
    for (let j = o; j < o + U; j++) {
      const q = j + shift;
      const ar = a[j]!;
      const ii = ai[j]!;
      const br = b[q]!;
      const bim = bi[q]!;
      b[j] = ar * br - ii * bim + b[j]!;
      bi[j] = ar * bim + ii * br + bi[j]!;
      const qr = a[q]!;
      const qi = ai[q]!;
      a[j] = ar * qr - ii * qi;
      ai[j] = ar * qi + ii * qr;
    }
  }
}

/** The whole scan in place: afterwards entry t is the combination of steps 1..t (reverse: t..T). */
export function hillisSteele(p: ScanPairs, dir: ScanDirection = 'forward'): void {
  for (let d = 1; d < p.T; d *= 2) round(p, d, dir);
}

/** The scan of a copy, keeping every level: [0] the pairs themselves, [ℓ] after round ℓ. */
export function scanLevels(p: ScanPairs, dir: ScanDirection = 'forward'): ScanPairs[] {
  const levels = [clonePairs(p)];
  const work = clonePairs(p);
  for (let d = 1; d < p.T; d *= 2) {
    round(work, d, dir);
    levels.push(clonePairs(work));
  }
  return levels;
}

/**
 * The same recurrence as a plain loop, into out ([T][U]; [T][2U] as [Re | Im] halves when
 * complex): the one-thread baseline the bench sets the scan against.
 */
export function sequentialScan(p: ScanPairs, dir: ScanDirection, out: Float64Array): void {
  const { T, U, a, b, ai, bi } = p;
  const fwd = dir === 'forward';
  if (ai === null || bi === null) {
    for (let s = 0; s < T; s++) {
      const t = fwd ? s : T - 1 - s;
      const o = t * U;
      const q = s === 0 ? -1 : (fwd ? t - 1 : t + 1) * U;
      for (let j = 0; j < U; j++)
        out[o + j] = q < 0 ? b[o + j]! : a[o + j]! * out[q + j]! + b[o + j]!;
    }
    return;
  }
  const W = 2 * U;
  for (let s = 0; s < T; s++) {
    const t = fwd ? s : T - 1 - s;
    const o = t * U;
    const w = t * W;
    const q = s === 0 ? -1 : (fwd ? t - 1 : t + 1) * W;
    for (let j = 0; j < U; j++) {
      if (q < 0) {
        out[w + j] = b[o + j]!;
        out[w + U + j] = bi[o + j]!;
        continue;
      }
      const pr = out[q + j]!;
      const pi = out[q + U + j]!;
      const ar = a[o + j]!;
      const ii = ai[o + j]!;
      out[w + j] = ar * pr - ii * pi + b[o + j]!;
      out[w + U + j] = ar * pi + ii * pr + bi[o + j]!;
    }
  }
}
