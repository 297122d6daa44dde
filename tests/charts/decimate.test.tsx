import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { decimateMinMax } from '../../src/charts/decimate';
import { useStickyDomain } from '../../src/charts/useStickyDomain';

describe('decimateMinMax', () => {
  it('copies short series through', () => {
    const d = decimateMinMax(null, Float64Array.from([3, 1, 2]), 3, 10, 1);
    expect(Array.from(d.x.subarray(0, d.n))).toEqual([1, 2, 3]);
    expect(Array.from(d.y.subarray(0, d.n))).toEqual([3, 1, 2]);
  });
  it('keeps each bucket’s min and max in index order, so spikes survive', () => {
    const n = 10000;
    const y = Float64Array.from({ length: n }, (_, i) => 1 + 0.001 * Math.sin(i));
    y[4321] = 50; // a spike
    y[7000] = -3; // a dip
    const d = decimateMinMax(null, y, n, 100);
    expect(d.n).toBeLessThanOrEqual(300);
    const ys = Array.from(d.y.subarray(0, d.n));
    const xs = Array.from(d.x.subarray(0, d.n));
    expect(Math.max(...ys)).toBe(50);
    expect(Math.min(...ys)).toBe(-3);
    expect(xs[ys.indexOf(50)]).toBe(4321);
    for (let k = 1; k < xs.length; k++) expect(xs[k]).toBeGreaterThan(xs[k - 1] as number);
  });
  it('keeps a non-finite value as a break', () => {
    const y = Float64Array.from({ length: 1000 }, () => 1);
    y[500] = NaN;
    const d = decimateMinMax(null, y, 1000, 10);
    expect(Array.from(d.y.subarray(0, d.n)).some((v) => Number.isNaN(v))).toBe(true);
  });
  it('reuses the given buffers and honours count and x', () => {
    const out = { x: new Float64Array(64), y: new Float64Array(64), n: 0 };
    const x = Float64Array.from({ length: 500 }, (_, i) => 10 * i);
    const y = Float64Array.from({ length: 500 }, (_, i) => i);
    const d = decimateMinMax(x, y, 400, 20, 0, out);
    expect(d).toBe(out);
    expect(d.n).toBeLessThanOrEqual(60);
    expect(d.x[d.n - 1]).toBe(3990);
    expect(d.y[0]).toBe(0);
  });
});

describe('useStickyDomain', () => {
  it('computes a decade-rounded domain during render', () => {
    let seen: readonly [number, number] | null = null;
    function Probe() {
      seen = useStickyDomain(Float64Array.from([3e-5, 0.2]), 'log', 1);
      return null;
    }
    renderToStaticMarkup(<Probe />);
    expect(seen).toEqual([1e-5, 1]);
  });
});
