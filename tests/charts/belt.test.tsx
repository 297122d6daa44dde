import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Belt } from '../../src/charts/Belt';
import {
  bandThickness,
  clampWindow,
  glyphNumber,
  stepLabel,
  stepValues,
  suggestedBeltSteps,
} from '../../src/charts/beltModel';
import { attr, decode, texts, withClass } from './markup';

const T = 30;
const col = (fn: (k: number) => number) => Float64Array.from({ length: T }, (_, k) => fn(k));
const lstm = {
  state: col((k) => Math.sin(k / 3)),
  f: col(() => 0.9),
  i: col((k) => 0.5 + k / 100),
  g: col((k) => (k % 2 ? 0.4 : -0.4)),
  o: col(() => 0.75),
  // 0.015 at t = T, where backpropagation starts: relative to it, steps with (T−1−k)·0.9 ≥ 3
  // (k ≤ 25) are vanished (below 10⁻³ of it).
  gradNorm: col((k) => 0.015 * 10 ** (-0.9 * (T - 1 - k))),
};

function stepTags(html: string): string[] {
  return [...html.matchAll(/<g[^>]*class="belt-step[^"]*"[^>]*>/g)].map((m) => m[0]);
}

describe('beltModel', () => {
  it('reads each variant’s valve, inlet and read-off', () => {
    const v = stepValues('cellState', lstm, 3).map((s) => s.name);
    expect(v).toEqual(['c', 'f', 'i', 'g', 'i⊙g', 'o', '‖∂L/∂cₜ‖']);
    const ig = stepValues('cellState', lstm, 3).find((s) => s.name === 'i⊙g');
    expect(ig?.value).toBeCloseTo(0.53 * 0.4, 12);
    const gru = stepValues(
      'update',
      { state: lstm.state, z: col(() => 0.25), n: col(() => 0.8) },
      0,
    );
    expect(gru.map((s) => s.name)).toEqual(['h', 'z', 'n', '(1−z)⊙n']);
    expect(gru[3]?.value).toBeCloseTo(0.6, 12);
    const rnn = stepValues('chain', { state: lstm.state, jacobianNorms: col(() => 0.7) }, 0);
    expect(rnn.map((s) => s.name)).toEqual(['h', '‖J‖']);
  });
  it('labels a step with t = k + 1 and formatted numbers', () => {
    expect(
      stepLabel(
        'chain',
        { state: Float64Array.from([0.5]), jacobianNorms: Float64Array.from([2e-6]) },
        0,
      ),
    ).toBe('t = 1: h = 0.5, ‖J‖ = 2 × 10⁻⁶');
  });
  it('band thickness follows log‖g‖, clamped, and vanishes at or below the threshold', () => {
    const d = [1e-6, 1] as const;
    expect(bandThickness(1, d, 2, 20, 1e-8)).toBe(20);
    expect(bandThickness(1e-3, d, 2, 20, 1e-8)).toBeCloseTo(11, 12);
    expect(bandThickness(1e-7, d, 2, 20, 1e-8)).toBe(2);
    expect(bandThickness(1e10, d, 2, 20, 1e-8)).toBe(20);
    expect(bandThickness(1e-9, d, 2, 20, 1e-8)).toBeNull();
    // Default: 10⁻³ of the domain's top, the one "vanished" threshold.
    expect(bandThickness(1e-3, d, 2, 20)).toBeNull();
    expect(bandThickness(2e-3, d, 2, 20)).not.toBeNull();
    expect(bandThickness(0, d, 2, 20)).toBeNull();
    expect(bandThickness(NaN, d, 2, 20)).toBeNull();
  });
  it('clamps windows inside [0, T)', () => {
    expect(clampWindow(25, 10, 30)).toEqual([20, 30]);
    expect(clampWindow(-3, 10, 30)).toEqual([0, 10]);
    expect(clampWindow(0, 50, 30)).toEqual([0, 30]);
  });
  it('glyph numbers are short and never NaN', () => {
    expect(glyphNumber(0.934)).toBe('0.93');
    expect(glyphNumber(-0.001)).toBe('0.00');
    expect(glyphNumber(-0.5)).toBe('\u22120.50');
    expect(glyphNumber(NaN)).toBe('—');
    expect(glyphNumber(1234)).toBe('1234');
    expect(glyphNumber(-3e7)).toBe('\u22123 × 10⁷');
  });
});

describe('<Belt>', () => {
  it('LSTM: one focusable step per window step, with valve, inlet, read-off and numbers', () => {
    const html = renderToStaticMarkup(
      <Belt
        variant="cellState"
        {...lstm}
        windowStart={10}
        windowEnd={20}
        onWindowChange={() => {}}
        width={800}
        ariaLabel="Conveyor belt"
      />,
    );
    const steps = stepTags(html);
    expect(steps.length).toBe(10);
    for (const s of steps) expect(attr(s, 'tabindex')).toBe('0');
    const first = decode(attr(steps[0] as string, 'aria-label') ?? '');
    expect(first).toMatch(
      /^t = 11: c = −?0\.\d+, f = 0\.9, i = 0\.6, g = −0\.4, i⊙g = −0\.24, o = 0\.75, ‖∂L\/∂cₜ‖ = /,
    );
    expect(withClass(html, 'g', 'belt-valve').length).toBe(10);
    expect(withClass(html, 'g', 'belt-inlet').length).toBe(10);
    expect(withClass(html, 'g', 'belt-out').length).toBe(10);
    const t = texts(html);
    expect(t.filter((s) => s === '0.90').length).toBe(10);
    expect(t).toContain('× f');
    expect(html).toContain('type="range"');
    expect(html).toContain('Steps 11–20 of 30');
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('draws the gradient band and marks vanished steps dashed', () => {
    const html = renderToStaticMarkup(
      <Belt
        variant="cellState"
        {...lstm}
        windowStart={0}
        windowEnd={30}
        width={1200}
        ariaLabel="b"
      />,
    );
    const vanished = withClass(html, 'line', 'belt-band-vanished');
    expect(vanished.length).toBe(26);
    expect(html).toMatch(/<path d="M[^"]+" fill="url\(#[^)]+-band\)"/);
    expect(html).not.toContain('type="range"');
  });

  it('tanh RNN shows the multiplicative chain ‖J_t‖ only', () => {
    const html = renderToStaticMarkup(
      <Belt
        variant="chain"
        state={lstm.state}
        jacobianNorms={col(() => 0.62)}
        gradNorm={lstm.gradNorm}
        windowStart={0}
        windowEnd={8}
        width={700}
        ariaLabel="b"
      />,
    );
    expect(withClass(html, 'g', 'belt-inlet').length).toBe(0);
    expect(withClass(html, 'g', 'belt-out').length).toBe(0);
    expect(texts(html)).toEqual(expect.arrayContaining(['× ‖J‖', '0.62', 'hₜ']));
  });

  it('GRU puts z in the valve role', () => {
    const html = renderToStaticMarkup(
      <Belt
        variant="update"
        state={lstm.state}
        z={col(() => 0.3)}
        n={col(() => 0.5)}
        windowStart={0}
        windowEnd={6}
        width={600}
        ariaLabel="b"
      />,
    );
    expect(texts(html)).toEqual(expect.arrayContaining(['× z', '0.30', '0.35']));
    expect(html).toContain('fill:#56B4E9');
  });

  it('shows a tooltip with the numbers of the focused step', () => {
    const html = renderToStaticMarkup(
      <Belt
        variant="cellState"
        {...lstm}
        windowStart={0}
        windowEnd={10}
        focusedStep={4}
        width={800}
        unitLabel="unit 3"
        ariaLabel="b"
      />,
    );
    expect(html).toContain('role="tooltip"');
    expect(html).toContain('t = 5 · unit 3');
    expect(withClass(html, 'g', 'belt-step-focused').length).toBe(1);
  });

  it('hides glyph numbers when steps are too narrow, keeping them in labels', () => {
    const html = renderToStaticMarkup(
      <Belt
        variant="cellState"
        {...lstm}
        windowStart={0}
        windowEnd={30}
        width={500}
        ariaLabel="b"
      />,
    );
    expect(texts(html).filter((s) => s === '0.90').length).toBe(0);
    expect(stepTags(html).length).toBe(30);
  });

  it('survives NaN and empty data', () => {
    const bad = Float64Array.from([NaN, Infinity, -Infinity]);
    const html = renderToStaticMarkup(
      <Belt
        variant="cellState"
        state={bad}
        f={bad}
        i={bad}
        g={bad}
        o={bad}
        gradNorm={bad}
        windowStart={0}
        windowEnd={3}
        width={600}
        ariaLabel="b"
      />,
    );
    expect(html).not.toMatch(/NaN|Infinity/);
    const empty = renderToStaticMarkup(
      <Belt
        variant="chain"
        state={new Float64Array(0)}
        windowStart={0}
        windowEnd={0}
        width={600}
        ariaLabel="b"
      />,
    );
    expect(empty).not.toMatch(/NaN/);
  });
});

describe('suggestedBeltSteps', () => {
  it('leaves enough room per step for printed values, fewer in large type', () => {
    const n = suggestedBeltSteps(800);
    expect(n).toBeGreaterThanOrEqual(10);
    expect(suggestedBeltSteps(800, 1.4)).toBeLessThan(n);
    expect(suggestedBeltSteps(100)).toBe(4);
    // With the suggested count the belt prints its numbers.
    const html = renderToStaticMarkup(
      <Belt
        variant="cellState"
        {...lstm}
        windowStart={0}
        windowEnd={suggestedBeltSteps(600, 1.4)}
        width={600}
        fontScale={1.4}
        ariaLabel="b"
      />,
    );
    expect(texts(html).filter((s) => s === '0.90').length).toBe(suggestedBeltSteps(600, 1.4));
  });
});
