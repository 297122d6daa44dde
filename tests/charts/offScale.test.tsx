import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { logEdges } from '../../src/charts/edges';
import { LinePlot } from '../../src/charts/LinePlot';
import { stickyLogDomain } from '../../src/charts/scales';
import { attr, texts, withClass } from './markup';

const f64 = (...v: number[]) => Float64Array.from(v);
const decades = (d: readonly [number, number]) => Math.round(Math.log10(d[1] / d[0]));

// The blow-up lesson diverging: ‖∂L/∂hₜ‖ is exactly 0 for t < T and 6.49 × 10³⁰⁵ at T (the
// figures the page showed at iteration 86, its last finite snapshot), after iterations near 1.
const blown = f64(0, 0, 0, 0, 6.49e305);

describe('a log axis at most maxDecades wide', () => {
  it('stops growing at the cap, so a run that blows up keeps the range it had', () => {
    let d = stickyLogDomain(null, f64(1e-8, 0.3, 2), { maxDecades: 40 });
    expect(d).toEqual([1e-8, 10]);
    for (const top of [1e5, 1e20, 1e40, 1e150, 6.49e305]) {
      const next = stickyLogDomain(d, f64(0, 0, top), { maxDecades: 40 });
      expect(decades(next)).toBeLessThanOrEqual(40);
      d = next;
    }
    expect(d).toEqual([1e-8, 1e32]);
    expect(stickyLogDomain(d, blown, { maxDecades: 40 })).toBe(d); // same object: no re-render
    // Without the cap the axis ran to the ceiling, 308 decades for one point.
    expect(stickyLogDomain([1e-8, 10], blown)).toEqual([1e-8, 1e300]);
  });

  it('grows downwards to the cap too', () => {
    const d = stickyLogDomain([1e-5, 10], f64(1e-60, 1), { maxDecades: 40 });
    expect(d).toEqual([1e-39, 10]);
  });

  it('a fresh domain wider than the cap keeps the anchor (‖∂L/∂h_T‖) and what fits beyond it', () => {
    // Vanishing over T = 1000: 0.8^999 ≈ 10⁻⁹⁷ at t = 1, ‖∂L/∂h_T‖ = 0.5 at T.
    const vanishing = f64(1.6e-97, 1e-50, 1e-10, 0.5);
    expect(stickyLogDomain(null, vanishing, { maxDecades: 40, anchor: 0.5 })).toEqual([1e-40, 1]);
    // Exploding: 10⁴¹ at t = 1, ‖∂L/∂h_T‖ = 0.3.
    const exploding = f64(2e41, 1e20, 0.3);
    expect(stickyLogDomain(null, exploding, { maxDecades: 40, anchor: 0.3 })).toEqual([0.1, 1e39]);
    // No anchor: the top is kept.
    expect(stickyLogDomain(null, exploding, { maxDecades: 40 })).toEqual([1e2, 1e42]);
    // Within the cap nothing changes.
    expect(stickyLogDomain(null, f64(1e-20, 1), { maxDecades: 40, anchor: 1 })).toEqual([1e-20, 1]);
  });
});

describe('logEdges', () => {
  it('finds exact zeros and the extreme point on each side of the domain, with counts', () => {
    expect(logEdges(blown, 5, [1e-8, 1e32])).toEqual({
      above: { i: 4, v: 6.49e305, count: 1 },
      below: null,
      zeros: true,
    });
    const y = f64(1e-50, 1e-45, 1e-3, 1, 5e40, 1e33, Infinity, NaN, -1);
    expect(logEdges(y, y.length, [1e-40, 1e32])).toEqual({
      above: { i: 6, v: Infinity, count: 3 },
      below: { i: 0, v: 1e-50, count: 2 },
      zeros: false,
    });
    // Only the first n points count.
    expect(logEdges(y, 4, [1e-40, 1e32]).above).toBeNull();
  });
});

describe('<LinePlot markEdges>', () => {
  const render = (y: Float64Array, domain: readonly [number, number]) =>
    renderToStaticMarkup(
      <LinePlot
        y={y}
        logY
        markEdges
        yDomain={domain}
        xStart={1}
        width={600}
        height={280}
        seriesLabel="‖∂L/∂hₜ‖"
        ariaLabel="grad"
      />,
    );

  it('the blown-up curve: zeros in a lane labelled 0, the value at T marked above with its true value', () => {
    const html = render(blown, [1e-8, 1e32]);
    expect(html).not.toMatch(/NaN|Infinity|e\+/);
    expect(texts(html)).toContain('0');
    const lane = attr(withClass(html, 'path', 'chart-zero-line')[0] ?? '', 'd') ?? '';
    // One run of four zeros: one subpath, four points.
    expect(lane.split('M').filter(Boolean)).toHaveLength(1);
    expect(lane.split('L')).toHaveLength(4);
    expect(texts(html)).toContain('6.5 × 10³⁰⁵ ↑');
    expect(html).toContain('data-offscale="above"');
    expect(html).toContain('‖∂L/∂hₜ‖ = 6.49 × 10³⁰⁵ at t = 5, above the axis');
    // The main line's only point lies above the plot (clipped away): the mark stands for it.
    const main = attr(withClass(html, 'path', 'chart-line')[0] ?? '', 'd') ?? '';
    expect(Number(/^M[\d.]+,(-[\d.]+)Z$/.exec(main)?.[1])).toBeLessThan(0);
  });

  it('a curve inside its domain gets no lane and no marks; one below gets its smallest value', () => {
    const inside = render(f64(1e-3, 0.1, 1), [1e-4, 10]);
    expect(withClass(inside, 'g', 'chart-zero-lane')).toHaveLength(0);
    expect(inside).not.toContain('data-offscale');
    const below = render(f64(1.6e-97, 1e-50, 1e-10, 0.5), [1e-40, 1]);
    expect(texts(below)).toContain('1.6 × 10⁻⁹⁷ ↓');
    expect(below).toContain('(2 points below the axis)');
  });
});
