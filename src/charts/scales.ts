/**
 * Sticky axis domains: charts must not jump their scales every frame. A domain grows by whole
 * decades (log) or to nice round steps (linear) when data leave it, and shrinks only on reset
 * (pass `prev = null`). When nothing changes the same array is returned, so memoized children
 * keyed on the domain do not re-render.
 */

/** A closed numeric interval [lo, hi]. */
export type Domain = readonly [number, number];

/** Smallest positive value a log domain may reach; below it doubles are subnormal. */
export const LOG_FLOOR = 1e-300;
/** Largest value a log domain may reach. */
export const LOG_CEIL = 1e300;

/** Data for a domain: one column or several (e.g. the latest series plus its trail). */
export type Columns = ArrayLike<number> | readonly ArrayLike<number>[];

function eachColumn(data: Columns, fn: (col: ArrayLike<number>) => void): void {
  // A list of columns is an array whose entries are array-likes; a column holds numbers.
  if (Array.isArray(data) && data.length > 0 && typeof data[0] !== 'number') {
    for (const col of data as readonly ArrayLike<number>[]) fn(col);
  } else {
    fn(data as ArrayLike<number>);
  }
}

/** [min, max] of the positive finite values in `data`, or null when there are none. */
export function positiveExtent(data: Columns): Domain | null {
  let lo = Infinity;
  let hi = -Infinity;
  eachColumn(data, (col) => {
    for (let k = 0; k < col.length; k++) {
      const v = col[k] as number;
      if (v > 0 && v < Infinity) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  });
  return lo <= hi ? [lo, hi] : null;
}

/** [min, max] of the finite values in `data`, or null when there are none. */
export function finiteExtent(data: Columns): Domain | null {
  let lo = Infinity;
  let hi = -Infinity;
  eachColumn(data, (col) => {
    for (let k = 0; k < col.length; k++) {
      const v = col[k] as number;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  });
  return lo <= hi ? [lo, hi] : null;
}

/** Options for {@link stickyLogDomain}. */
export interface LogDomainOptions {
  /** Lowest allowed bound (default 1e-300); smaller data are ignored for the domain. */
  floor?: number;
  /** Highest allowed bound (default 1e300). */
  ceil?: number;
  /** Minimum span in decades (default 1). */
  minDecades?: number;
  /** Domain returned when there is neither data nor a previous domain (default [1e-6, 1]). */
  fallback?: Domain;
  /**
   * Widest span in decades (default: no limit). A fresh domain cut to it keeps `anchor` (else the
   * largest value) and as much of the data beyond it as fits; a domain that reached it stops
   * growing, so one value that runs off by 250 decades cannot squash everything else.
   */
  maxDecades?: number;
  /** The value a fresh domain cut to maxDecades keeps inside (e.g. ‖∂L/∂h_T‖, where backprop starts). */
  anchor?: number;
}

/**
 * A log domain [10^a, 10^b] covering `prev` and the positive finite values of `data`, widened by
 * whole decades, at most `maxDecades` wide. Zeros, negatives and non-finite values are ignored. It
 * never shrinks unless `prev` is null, and returns `prev` itself (same identity) when the data
 * already fit or it cannot grow further.
 */
export function stickyLogDomain(
  prev: Domain | null,
  data: Columns,
  opts: LogDomainOptions = {},
): Domain {
  const floor = opts.floor ?? LOG_FLOOR;
  const ceil = opts.ceil ?? LOG_CEIL;
  const minDecades = Math.max(1, Math.round(opts.minDecades ?? 1));
  const ext = positiveExtent(data);
  if (ext === null) return prev ?? opts.fallback ?? [1e-6, 1];
  const dataLo = Math.max(ext[0], floor);
  const dataHi = Math.min(Math.max(ext[1], floor), ceil);
  if (prev !== null && prev[0] <= dataLo && prev[1] >= dataHi) return prev;
  // Exponent rounding keeps bounds exact powers of ten (10 ** -6, not 1e-6 ± ulp noise from pow).
  let a = Math.floor(Math.log10(dataLo) + 1e-12);
  let b = Math.ceil(Math.log10(dataHi) - 1e-12);
  const cap = Math.max(minDecades, Math.round(opts.maxDecades ?? Infinity));
  if (prev !== null) {
    const pa = Math.round(Math.log10(prev[0]));
    const pb = Math.round(Math.log10(prev[1]));
    a = Math.min(a, pa);
    b = Math.max(b, pb);
    if (b - a > cap) {
      // Grow towards the data only until the span reaches the cap (upwards first), then stay.
      const hi = Math.min(b, Math.max(pb, pa + cap));
      [a, b] = [Math.max(a, Math.min(pa, hi - cap)), hi];
    }
  } else if (b - a > cap) {
    const anchor = opts.anchor;
    const e =
      anchor !== undefined && anchor > 0 && anchor < Infinity
        ? Math.floor(Math.log10(Math.min(Math.max(anchor, floor), ceil)) + 1e-12)
        : b;
    a = Math.max(a, Math.min(e, b - cap));
    b = a + cap;
  }
  if (b - a < minDecades) b = a + minDecades;
  const lo = Math.max(pow10(a), floor);
  const hi = Math.min(pow10(b), ceil);
  if (prev !== null && prev[0] === lo && prev[1] === hi) return prev;
  return [lo, hi];
}

/** Exact-as-possible 10^e: parsing "1e-6" gives the nearest double, unlike 10 ** -6 in some engines. */
export function pow10(e: number): number {
  return Number(`1e${e}`);
}

/** Options for {@link stickyLinearDomain}. */
export interface LinearDomainOptions {
  /** Always include 0 (default false), e.g. for a loss axis. */
  includeZero?: boolean;
  /** Domain returned when there is neither data nor a previous domain (default [0, 1]). */
  fallback?: Domain;
}

/**
 * A linear domain covering `prev` and the finite values of `data`, rounded out to a "nice" step
 * (1, 2 or 5 × 10ᵏ) so it changes rarely. Never shrinks unless `prev` is null; returns `prev` itself
 * when the data already fit.
 */
export function stickyLinearDomain(
  prev: Domain | null,
  data: Columns,
  opts: LinearDomainOptions = {},
): Domain {
  const ext = finiteExtent(data);
  if (ext === null) return prev ?? opts.fallback ?? [0, 1];
  let lo = opts.includeZero ? Math.min(0, ext[0]) : ext[0];
  let hi = opts.includeZero ? Math.max(0, ext[1]) : ext[1];
  if (prev !== null && prev[0] <= lo && prev[1] >= hi) return prev;
  if (prev !== null) {
    lo = Math.min(lo, prev[0]);
    hi = Math.max(hi, prev[1]);
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep((hi - lo) / 5);
  const nlo = Math.floor(lo / step) * step;
  const nhi = Math.ceil(hi / step) * step;
  if (prev !== null && prev[0] === nlo && prev[1] === nhi) return prev;
  return [nlo, nhi];
}

/** The 1, 2, 5 × 10ᵏ step at or above `raw`. */
function niceStep(raw: number): number {
  const k = Math.floor(Math.log10(raw));
  const base = pow10(k);
  const m = raw / base;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * base;
}

/**
 * Integer decade exponents a..b inside a log domain, thinned to at most `maxTicks` labels by a step
 * of 1, 2 or 5 × 10ᵏ decades (10⁻²⁰, 10⁻⁴⁰, … rather than 10⁻²², 10⁻⁴⁴, …).
 */
export function decadeExponents(domain: Domain, maxTicks = 8): number[] {
  const a = Math.ceil(Math.log10(domain[0]) - 1e-9);
  const b = Math.floor(Math.log10(domain[1]) + 1e-9);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return [];
  const step = niceStep(Math.max(1, Math.ceil((b - a + 1) / Math.max(1, maxTicks))));
  const out: number[] = [];
  // Anchor on multiples of the step so labels do not shift by one decade as the domain grows.
  for (let e = Math.ceil(a / step) * step; e <= b; e += step) out.push(e);
  return out;
}
