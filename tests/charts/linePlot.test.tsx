import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { LinePlot } from '../../src/charts/LinePlot';
import { nearestIndex, plotMargin } from '../../src/charts/plotUtil';
import { attr, texts, withClass } from './markup';

const f64 = (...v: number[]) => Float64Array.from(v);

/** Parses "M1,2L3,4M5,6Z" into subpaths of [x, y] points (d3 closes lone points with Z). */
function subpaths(d: string): [number, number][][] {
  return d
    .replace(/Z/g, '')
    .split('M')
    .filter(Boolean)
    .map((seg) => seg.split('L').map((p) => p.split(',').map(Number) as [number, number]));
}

describe('<LinePlot>', () => {
  it('breaks the line at zeros, 1e-300 below the domain stays finite, NaN and ±Infinity never reach the markup', () => {
    const y = f64(1, 0.1, 0, 1e-3, NaN, 1e-4, Infinity, 1e-300, -Infinity, 1e-5);
    const html = renderToStaticMarkup(
      <LinePlot
        y={y}
        logY
        width={500}
        height={260}
        xStart={1}
        ariaLabel="grad"
        yDomain={[1e-6, 1]}
      />,
    );
    expect(html).not.toMatch(/NaN|Infinity/);
    const d = attr(withClass(html, 'path', 'chart-line')[0] ?? '', 'd') ?? '';
    // Segments: [1, 0.1] | [1e-3] | [1e-4] | [1e-300] | [1e-5]
    const segs = subpaths(d);
    expect(segs.length).toBe(5);
    expect(segs[0]?.length).toBe(2);
    for (const seg of segs)
      for (const [px, py] of seg) expect(Number.isFinite(px) && Number.isFinite(py)).toBe(true);
  });

  it('places points at the scale positions', () => {
    const m = plotMargin(1, true, true);
    const html = renderToStaticMarkup(
      <LinePlot
        y={f64(0, 2, 4)}
        xStart={1}
        width={400}
        height={200}
        xDomain={[1, 3]}
        yDomain={[0, 4]}
        xLabel="time step t"
        yLabel="y"
        ariaLabel="p"
      />,
    );
    const iw = 400 - m.left - m.right;
    const ih = 200 - m.top - m.bottom;
    const d = attr(withClass(html, 'path', 'chart-line')[0] ?? '', 'd') ?? '';
    const pts = subpaths(d)[0] ?? [];
    expect(pts.length).toBe(3);
    expect(pts[0]?.[0]).toBeCloseTo(0, 2);
    expect(pts[0]?.[1]).toBeCloseTo(ih, 2);
    expect(pts[1]?.[0]).toBeCloseTo(iw / 2, 2);
    expect(pts[1]?.[1]).toBeCloseTo(ih / 2, 2);
    expect(pts[2]?.[0]).toBeCloseTo(iw, 2);
    expect(pts[2]?.[1]).toBeCloseTo(0, 2);
    expect(html).toContain(`translate(${m.left},${m.top})`);
  });

  it('draws the reference dashed, the trail with an opacity ramp, markers and hlines', () => {
    const y = f64(1, 0.5, 0.25, 0.125);
    const trail = [f64(1, 0.9, 0.8, 0.7), f64(1, 0.7, 0.5, 0.3), f64(1, 0.6, 0.4, 0.2)];
    const html = renderToStaticMarkup(
      <LinePlot
        y={y}
        trail={trail}
        reference={f64(1, 0.4, 0.16, 0.064)}
        logY
        width={600}
        xStart={1}
        markers={[
          { x: 3, label: 'cut k = 2' },
          { x: 2, kind: 'tick', label: 'clipped' },
        ]}
        hlines={[{ y: 0.3, label: 'chance' }]}
        seriesLabel="‖∂L/∂hₜ‖"
        referenceLabel="ρ^(T−t)·‖∂L/∂h_T‖"
        ariaLabel="Gradient through time"
      />,
    );
    const ref = withClass(html, 'path', 'chart-reference');
    expect(ref.length).toBe(1);
    expect(attr(ref[0] as string, 'stroke-dasharray')).toBe('6 4');
    const op = withClass(html, 'path', 'chart-trail').map((t) => Number(attr(t, 'stroke-opacity')));
    expect(op.length).toBe(3);
    expect(op[0]).toBeLessThan(op[1] as number);
    expect(op[1]).toBeLessThan(op[2] as number);
    expect(texts(html)).toEqual(expect.arrayContaining(['cut k = 2', 'chance']));
    expect(withClass(html, 'path', 'chart-marker-tick').length).toBe(1);
    expect(html).toContain('aria-label="Gradient through time"');
    expect(html).toContain('earlier iterations');
  });

  it('computes a default log domain that ignores zeros and non-finite values', () => {
    const html = renderToStaticMarkup(
      <LinePlot y={f64(0, NaN, 3e-4, 0.02)} logY width={400} ariaLabel="p" />,
    );
    const labels = texts(html);
    expect(labels).toContain('10⁻⁴');
    expect(labels).toContain('10⁻¹');
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('renders an empty series without a path', () => {
    const html = renderToStaticMarkup(
      <LinePlot y={new Float64Array(0)} width={300} ariaLabel="p" />,
    );
    expect(html).not.toMatch(/NaN/);
    expect(attr(withClass(html, 'path', 'chart-line')[0] ?? '', 'd')).toBe('');
  });

  it('draws extra named series with legend entries and includes them in the default domain', () => {
    const html = renderToStaticMarkup(
      <LinePlot
        y={f64(1, 0.5)}
        series={[{ y: f64(1e-5, 1e-4), label: '‖∂L/∂cₜ‖', color: '#0072B2', dashed: true }]}
        logY
        width={400}
        ariaLabel="p"
      />,
    );
    const extra = withClass(html, 'path', 'chart-line-extra');
    expect(extra.length).toBe(1);
    expect(attr(extra[0] as string, 'stroke-dasharray')).toBe('5 3');
    expect(attr(extra[0] as string, 'style')).toContain('#0072B2');
    expect(html).toContain('‖∂L/∂cₜ‖');
    expect(texts(html)).toContain('10⁻⁵');
  });
});

describe('nearestIndex', () => {
  it('rounds on implicit x and bisects an explicit ascending x column', () => {
    expect(nearestIndex(null, 1, 10, 3.4)).toBe(2);
    expect(nearestIndex(null, 1, 10, -5)).toBe(0);
    expect(nearestIndex(null, 1, 10, 99)).toBe(9);
    const x = Float64Array.from([0, 10, 20, 40, 80]);
    expect(nearestIndex(x, 0, 5, 29)).toBe(2);
    expect(nearestIndex(x, 0, 5, 31)).toBe(3);
    expect(nearestIndex(x, 0, 5, 1000)).toBe(4);
    expect(nearestIndex(x, 0, 3, 1000)).toBe(2);
    expect(nearestIndex(x, 0, 0, 5)).toBe(-1);
    expect(nearestIndex(x, 0, 5, NaN)).toBe(-1);
  });
});
