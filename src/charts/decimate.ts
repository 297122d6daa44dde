/**
 * Min/max decimation for long series (loss over thousands of iterations): keep, per bucket of
 * consecutive points, the smallest and the largest finite value, so spikes survive and a path never
 * has more than ~3 points per bucket (use about one bucket per pixel column). Non-finite values are
 * kept as breaks.
 */

/** A decimated series: x and y columns of equal length `n` (views into preallocated buffers). */
export interface Decimated {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

/**
 * Decimates the first `count` points of (x, y) into at most 3·`buckets` points: per bucket the
 * minimum, the maximum and (if any) the first non-finite value, in index order. When count is
 * already small it copies through. `x` may be null (then x = xStart + index). Pass `out` to reuse buffers.
 */
export function decimateMinMax(
  x: Float64Array | null,
  y: Float64Array,
  count: number,
  buckets: number,
  xStart = 0,
  out?: Decimated,
): Decimated {
  const n = Math.max(0, Math.min(count, y.length, x ? x.length : Infinity));
  const b = Math.max(1, Math.floor(buckets));
  const cap = Math.min(n, 3 * b);
  const res =
    out && out.x.length >= cap && out.y.length >= cap
      ? out
      : { x: new Float64Array(cap), y: new Float64Array(cap), n: 0 };
  const xAt = (i: number) => (x ? (x[i] as number) : xStart + i);
  let m = 0;
  const push = (i: number) => {
    res.x[m] = xAt(i);
    res.y[m] = y[i] as number;
    m++;
  };
  if (n <= 3 * b) {
    for (let i = 0; i < n; i++) push(i);
    res.n = m;
    return res;
  }
  for (let k = 0; k < b; k++) {
    const i0 = Math.floor((k * n) / b);
    const i1 = Math.floor(((k + 1) * n) / b);
    let lo = -1;
    let hi = -1;
    let bad = -1;
    for (let i = i0; i < i1; i++) {
      const v = y[i] as number;
      if (!Number.isFinite(v)) {
        if (bad < 0) bad = i;
        continue;
      }
      if (lo < 0 || v < (y[lo] as number)) lo = i;
      if (hi < 0 || v > (y[hi] as number)) hi = i;
    }
    // Up to three points in index order (min, max, first non-finite as a break); no allocation.
    let a = lo;
    let c = hi === lo ? -1 : hi;
    let d = bad;
    let t: number;
    if (a > c) {
      t = a;
      a = c;
      c = t;
    }
    if (c > d) {
      t = c;
      c = d;
      d = t;
    }
    if (a > c) {
      t = a;
      a = c;
      c = t;
    }
    if (a >= 0) push(a);
    if (c >= 0) push(c);
    if (d >= 0) push(d);
  }
  res.n = m;
  return res;
}
