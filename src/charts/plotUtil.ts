/**
 * Small helpers shared by the SVG charts: margins that grow with large type, index columns for
 * d3 generators (so a line is built from indices, not from one object per point), id sanitizing.
 */

/** Space around a plot area in px. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Default margins for an x-bottom/y-left plot, scaled by the large-type factor. */
export function plotMargin(fontScale = 1, hasYTitle = true, hasXTitle = true): Margin {
  const s = Math.max(1, fontScale);
  return {
    top: Math.round(12 * s),
    right: Math.round(16 * s),
    bottom: Math.round((hasXTitle ? 46 : 26) * s),
    left: Math.round((hasYTitle ? 70 : 50) * s),
  };
}

let indexBuffer = new Uint32Array(0);

/** The indices 0…n−1 as a typed array view (shared, grow-only buffer; do not write into it). */
export function indices(n: number): Uint32Array {
  const m = Math.max(0, Math.floor(n));
  if (indexBuffer.length < m) {
    const next = new Uint32Array(Math.max(m, indexBuffer.length * 2, 64));
    for (let k = 0; k < next.length; k++) next[k] = k;
    indexBuffer = next;
  }
  return indexBuffer.subarray(0, m);
}

/** Keeps a pixel coordinate within a range SVG renderers handle, so 1e300 never reaches a path. */
export function clampPx(v: number): number {
  return v < -1e5 ? -1e5 : v > 1e5 ? 1e5 : v;
}

/** A React useId value made safe for `url(#id)` references. */
export function safeId(id: string): string {
  return 'c' + id.replace(/[^a-zA-Z0-9_-]/g, '');
}

/**
 * Index of the point nearest to data x `xv` among the first n points: x = xStart + i when `x` is
 * null, otherwise a binary search on the (ascending) x column. −1 when n = 0.
 */
export function nearestIndex(
  x: ArrayLike<number> | null,
  xStart: number,
  n: number,
  xv: number,
): number {
  if (n <= 0 || !Number.isFinite(xv)) return -1;
  if (!x) return Math.min(n - 1, Math.max(0, Math.round(xv - xStart)));
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((x[mid] as number) < xv) lo = mid;
    else hi = mid;
  }
  return Math.abs((x[hi] as number) - xv) < Math.abs((x[lo] as number) - xv) ? hi : lo;
}
