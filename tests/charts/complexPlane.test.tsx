import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ComplexPlane, spectralRadius } from '../../src/charts/ComplexPlane';
import { attr, texts, withClass } from './markup';

const f64 = (...v: number[]) => Float64Array.from(v);

describe('<ComplexPlane>', () => {
  it('places a known eigenvalue at the right pixel (equal aspect, domain ±1.1)', () => {
    const html = renderToStaticMarkup(
      <ComplexPlane re={f64(0.5)} im={f64(-0.25)} rho={0.5} size={400} ariaLabel="Spectrum" />,
    );
    // Margins at font scale 1: left 52, top 10, right 12, bottom 44 → side = min(336, 346) = 336.
    expect(html).toContain('transform="translate(52,10)"');
    const dot = withClass(html, 'circle', 'plane-dot')[0] ?? '';
    expect(Number(attr(dot, 'cx'))).toBeCloseTo(((0.5 + 1.1) / 2.2) * 336, 1);
    expect(Number(attr(dot, 'cy'))).toBeCloseTo(((1.1 + 0.25) / 2.2) * 336, 1);
    const unit = withClass(html, 'circle', 'plane-unit')[0] ?? '';
    expect(Number(attr(unit, 'r'))).toBeCloseTo(336 / 2.2, 6);
    expect(Number(attr(unit, 'cx'))).toBeCloseTo(168, 6);
  });

  it('draws the ρ circle dashed and widens the domain to 1.1ρ', () => {
    const html = renderToStaticMarkup(
      <ComplexPlane re={f64(1.5, 0.2)} im={f64(0, 0.3)} size={400} ariaLabel="Spectrum" />,
    );
    const rho = withClass(html, 'circle', 'plane-rho')[0] ?? '';
    expect(attr(rho, 'stroke-dasharray')).toBe('6 4');
    const R = 1.65;
    expect(Number(attr(rho, 'r'))).toBeCloseTo((1.5 / (2 * R)) * 336, 6);
    const dot = withClass(html, 'circle', 'plane-dot')[0] ?? '';
    expect(Number(attr(dot, 'cx'))).toBeCloseTo(((1.5 + R) / (2 * R)) * 336, 1);
    expect(dot).toContain('plane-dot-outside');
    expect(texts(html)).toEqual(expect.arrayContaining(['Re λ', 'Im λ']));
  });

  it('skips non-finite eigenvalues and never prints NaN', () => {
    const html = renderToStaticMarkup(
      <ComplexPlane re={f64(NaN, 0.1, Infinity)} im={f64(0, 0, 0)} size={300} ariaLabel="S" />,
    );
    expect(withClass(html, 'circle', 'plane-dot').length).toBe(1);
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(spectralRadius(f64(NaN, 0.3, Infinity), f64(0, 0.4, 0))).toBeCloseTo(0.5, 12);
  });
});
