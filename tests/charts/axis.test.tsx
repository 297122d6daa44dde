import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { scaleLinear, scaleLog } from 'd3-scale';
import {
  Axis,
  computeTicks,
  isLogScale,
  linearTickFormat,
  type AxisScale,
} from '../../src/charts/Axis';
import { texts, withClass } from './markup';

describe('computeTicks', () => {
  it('puts labelled decade ticks on a log scale, at the right pixels', () => {
    const s = scaleLog().domain([1e-6, 1]).range([300, 0]);
    const major = computeTicks(s as AxisScale).filter((t) => t.label);
    expect(major.map((t) => t.label)).toEqual([
      '10⁻⁶',
      '10⁻⁵',
      '10⁻⁴',
      '10⁻³',
      '10⁻²',
      '10⁻¹',
      '1',
    ]);
    expect(major[0]?.pos).toBeCloseTo(300, 9);
    expect(major[3]?.pos).toBeCloseTo(150, 9);
    expect(major[6]?.pos).toBeCloseTo(0, 9);
  });
  it('adds unlabelled minor ticks only on short log domains', () => {
    const short = computeTicks(scaleLog().domain([1e-2, 1]).range([0, 100]) as AxisScale);
    expect(short.filter((t) => !t.label).length).toBe(16);
    const long = computeTicks(scaleLog().domain([1e-12, 1]).range([0, 100]) as AxisScale);
    expect(long.filter((t) => !t.label).length).toBe(0);
  });
  it('thins a 300-decade log axis and never yields NaN', () => {
    const ticks = computeTicks(scaleLog().domain([1e-300, 1]).range([0, 200]) as AxisScale);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.length).toBeLessThanOrEqual(10);
    for (const t of ticks) {
      expect(Number.isFinite(t.pos)).toBe(true);
      expect(t.label).not.toMatch(/NaN|Infinity|e/);
    }
  });
  it('returns no ticks for an invalid log domain rather than NaN positions', () => {
    expect(computeTicks(scaleLog().domain([0, 1]).range([0, 100]) as AxisScale)).toEqual([]);
  });
  it('formats linear ticks from the step, with the minus sign', () => {
    const s = scaleLinear().domain([-1, 1]).range([0, 100]);
    const labels = computeTicks(s as AxisScale, { count: 4 }).map((t) => t.label);
    expect(labels).toEqual(['\u22121.0', '\u22120.5', '0.0', '0.5', '1.0']);
    expect(linearTickFormat([0, 20000, 40000])(20000)).toBe('2 × 10⁴');
  });
  it('keeps only integer ticks on request', () => {
    const s = scaleLinear().domain([1, 3]).range([0, 100]);
    expect(computeTicks(s as AxisScale, { integer: true }).map((t) => t.value)).toEqual([1, 2, 3]);
  });
  it('detects log scales', () => {
    expect(isLogScale(scaleLog() as AxisScale)).toBe(true);
    expect(isLogScale(scaleLinear() as AxisScale)).toBe(false);
  });
});

describe('<Axis>', () => {
  it('renders labelled ticks and the title as SVG text', () => {
    const s = scaleLog().domain([1e-6, 1]).range([200, 0]);
    const html = renderToStaticMarkup(
      <svg>
        <Axis scale={s as AxisScale} orient="left" title="‖∂L/∂hₜ‖ (log scale)" gridLength={300} />
      </svg>,
    );
    const t = texts(html);
    expect(t).toContain('10⁻⁶');
    expect(t).toContain('10⁻³');
    expect(t).toContain('‖∂L/∂hₜ‖ (log scale)');
    expect(withClass(html, 'line', 'chart-grid').length).toBe(7);
    expect(html).not.toMatch(/NaN/);
  });
  it('bottom axis draws ticks downwards at scale positions', () => {
    const s = scaleLinear().domain([1, 5]).range([0, 400]);
    const html = renderToStaticMarkup(
      <svg>
        <Axis scale={s as AxisScale} orient="bottom" offset={150} title="time step t" integer />
      </svg>,
    );
    expect(html).toContain('transform="translate(0,150)"');
    expect(html).toContain('transform="translate(100,0)"');
    expect(texts(html)).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5', 'time step t']));
  });
});
