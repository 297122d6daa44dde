/** The checker itself: accurate where it should be, and able to fail. */
import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import {
  fdDerivative,
  gradCheck,
  makeLossFunction,
  relError,
  stateGradCheck,
} from '../../src/engine/gradcheck';
import { createRng } from '../../src/engine/rng';
import { randomBatch, randomModel, specOf } from './bptt-helpers';

describe('gradcheck', () => {
  it('fdDerivative is accurate to ~1e−12 on smooth functions', () => {
    expect(Math.abs(fdDerivative((d) => Math.sin(0.7 + d), 1e-3) - Math.cos(0.7))).toBeLessThan(
      1e-12,
    );
    expect(
      Math.abs(fdDerivative((d) => Math.exp(2 * (1 + d)), 1e-3) - 2 * Math.exp(2)),
    ).toBeLessThan(1e-10);
  });

  it('relError is symmetric, uses the floor, and never lets NaN pass', () => {
    expect(relError(1, 1.000001)).toBeCloseTo((1.000001 - 1) / 1.000001, 15);
    expect(relError(3, -2)).toBe(relError(-2, 3));
    expect(relError(1e-9, 2e-9, 1e-6)).toBeCloseTo(1e-3, 12);
    expect(relError(NaN, 1)).toBe(Infinity);
    expect(relError(0, Infinity)).toBe(Infinity);
    expect(relError(0, 0)).toBe(0);
  });

  it('fails when the analytic gradient belongs to another graph (truncated vs full)', () => {
    const s = { cell: 'rnn' as const, I: 2, H: 3, O: 2, T: 6, B: 2 };
    const rng = createRng(3);
    const model = randomModel(specOf(s), rng, 1);
    const batch = randomBatch(s, 'mse_all', rng);
    forwardBackward(model, batch, createWorkspace(model.spec, s.T, s.B), { truncate: 2 });
    const truncated = Float64Array.from(model.param('weight_hh_l0').dw);
    const full = makeLossFunction(model, batch);
    const w = model.param('weight_hh_l0').w;
    let worst = 0;
    for (let i = 0; i < w.length; i++) {
      const x = w[i]!;
      const num = fdDerivative((d) => {
        w[i] = x + d;
        const v = full();
        w[i] = x;
        return v;
      }, 1e-3);
      worst = Math.max(worst, relError(truncated[i]!, num));
    }
    expect(worst).toBeGreaterThan(1e-3);
  });

  it('sampling checks the requested number of entries and reports the worst', () => {
    const s = { cell: 'lstm' as const, I: 2, H: 3, O: 2, T: 3, B: 2 };
    const rng = createRng(4);
    const model = randomModel(specOf(s), rng);
    const batch = randomBatch(s, 'xent_all', rng);
    const r = gradCheck(model, batch, { samplesPerParam: 2, rng: createRng(9) });
    expect(r.checked).toBe(12);
    expect(r.worst).not.toBeNull();
    expect(r.maxRelError).toBeLessThan(1e-6);
    const st = stateGradCheck(model, batch);
    expect(st.checked).toBe(2 * (s.T + 1) * s.B * s.H);
  });
});
