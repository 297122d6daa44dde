import { describe, expect, it } from 'vitest';
import {
  decadeExponents,
  finiteExtent,
  positiveExtent,
  stickyLinearDomain,
  stickyLogDomain,
} from '../../src/charts/scales';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('stickyLogDomain', () => {
  it('rounds the positive finite extent out to whole decades', () => {
    expect(stickyLogDomain(null, f64(3e-5, 0.2, 0.07))).toEqual([1e-5, 1]);
    expect(stickyLogDomain(null, f64(1e-6, 1))).toEqual([1e-6, 1]);
  });
  it('ignores zeros, negatives and non-finite values', () => {
    expect(stickyLogDomain(null, f64(0, -5, NaN, Infinity, -Infinity, 2e-3, 40))).toEqual([
      1e-3, 100,
    ]);
  });
  it('keeps at least one decade', () => {
    expect(stickyLogDomain(null, f64(0.5, 0.5))).toEqual([0.1, 1]);
    expect(stickyLogDomain(null, f64(1, 1))).toEqual([1, 10]);
  });
  it('applies the floor and ceiling', () => {
    expect(stickyLogDomain(null, f64(0, 1e-320, 1))).toEqual([1e-300, 1]);
    expect(stickyLogDomain(null, f64(1e-20, 1), { floor: 1e-12 })).toEqual([1e-12, 1]);
    expect(stickyLogDomain(null, f64(1, 1e305))).toEqual([1, 1e300]);
  });
  it('returns the same domain object while the data fit (no jumps, memo-friendly)', () => {
    const d0 = stickyLogDomain(null, f64(1e-4, 0.5));
    const d1 = stickyLogDomain(d0, f64(2e-4, 0.3));
    expect(d1).toBe(d0);
    const d2 = stickyLogDomain(d1, f64(1e-3, 1));
    expect(d2).toBe(d0);
  });
  it('grows by whole decades and never shrinks until reset', () => {
    let d = stickyLogDomain(null, f64(1e-4, 0.5));
    d = stickyLogDomain(d, f64(3e-7, 0.5));
    expect(d).toEqual([1e-7, 1]);
    d = stickyLogDomain(d, f64(0.1, 20));
    expect(d).toEqual([1e-7, 100]);
    d = stickyLogDomain(d, f64(0.5));
    expect(d).toEqual([1e-7, 100]);
    expect(stickyLogDomain(null, f64(0.5))).toEqual([0.1, 1]);
  });
  it('accepts several columns and falls back without data', () => {
    expect(stickyLogDomain(null, [f64(1e-3), f64(50)])).toEqual([1e-3, 100]);
    expect(stickyLogDomain(null, f64(0, NaN))).toEqual([1e-6, 1]);
    const prev = [1e-2, 1] as const;
    expect(stickyLogDomain(prev, f64(0, NaN))).toBe(prev);
  });
});

describe('stickyLinearDomain', () => {
  it('rounds out to nice steps and handles all-negative data', () => {
    expect(stickyLinearDomain(null, f64(0.13, 0.87))).toEqual([0, 1]);
    const neg = stickyLinearDomain(null, f64(-7.3, -2.1));
    expect(neg[0]).toBeLessThanOrEqual(-7.3);
    expect(neg[1]).toBeGreaterThanOrEqual(-2.1);
    expect(neg[1]).toBeLessThan(0);
  });
  it('includes zero on request and is sticky', () => {
    const d = stickyLinearDomain(null, f64(2.3, 2.9), { includeZero: true });
    expect(d[0]).toBe(0);
    expect(d[1]).toBeGreaterThanOrEqual(2.9);
    expect(stickyLinearDomain(d, f64(1, 2))).toBe(d);
  });
  it('widens a single value', () => {
    const d = stickyLinearDomain(null, f64(3, 3));
    expect(d[0]).toBeLessThan(3);
    expect(d[1]).toBeGreaterThan(3);
  });
});

describe('extents and decade ticks', () => {
  it('finds extents of finite and positive values', () => {
    expect(positiveExtent(f64(-1, 0, 2, 5, NaN))).toEqual([2, 5]);
    expect(positiveExtent(f64(-1, 0))).toBeNull();
    expect(finiteExtent(f64(-1, NaN, Infinity, 3))).toEqual([-1, 3]);
  });
  it('lists decades, thinned on long domains', () => {
    expect(decadeExponents([1e-3, 1])).toEqual([-3, -2, -1, 0]);
    const long = decadeExponents([1e-300, 1], 8);
    expect(long.length).toBeLessThanOrEqual(9);
    expect(long).toContain(0);
    expect(long.every((e) => e >= -300 && e <= 0)).toBe(true);
  });
  it('thins decades by a round step', () => {
    // 170 decades in at most 8 labels: every 50th (a step of 22 would read 10⁻²², 10⁻⁴⁴, …).
    expect(decadeExponents([1e-170, 1], 8)).toEqual([-150, -100, -50, 0]);
    expect(decadeExponents([1e-50, 1], 8)).toEqual([-50, -40, -30, -20, -10, 0]);
    expect(decadeExponents([1e-12, 1e3], 8)).toEqual([-12, -10, -8, -6, -4, -2, 0, 2]);
  });
});
