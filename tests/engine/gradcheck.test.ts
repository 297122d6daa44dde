/** The checker itself: accurate where it should be, and able to fail. */
import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import { createModel } from '../../src/engine/model';
import { initModel } from '../../src/engine/init';
import { makeTask } from '../../src/engine/tasks/index';
import {
  fdDerivative,
  fdDerivativeStable,
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

describe('finite differences over several step sizes', () => {
  it('picks the step from self-consistency only', () => {
    // f(x) = sin(1000 x): ε = 1e-3 is far too coarse; 1e-5 and 1e-6 agree, and give 1000.
    const f = (d: number) => Math.sin(1000 * d);
    expect(fdDerivativeStable(f, [1e-3, 1e-4, 1e-5, 1e-6])).toBeCloseTo(1000, 3);
    // Round-off: a tiny slope on a large value; big steps agree, tiny ones are noise.
    const g = (d: number) => 1e6 + 1e-3 * d + 1e-3 * d * d;
    expect(fdDerivativeStable(g, [1e-1, 1e-2, 1e-8, 1e-10])).toBeCloseTo(1e-3, 6);
  });

  it('a chaotic tanh RNN (rho = 1.5) checks to < 1e-6 with the step ladder, and a 1% error would show', () => {
    const task = makeTask('adding', 50);
    const m = createModel({ cell: 'rnn', inputSize: 2, hiddenSize: 32, outputSize: 1 });
    initModel(m, createRng(1), { init: 'orthogonal', rho: 1.5, forgetBias: 0 });
    const b = task.sample(createRng(5), 16);
    const steps = [1e-3, 1e-4, 1e-5];
    expect(gradCheck(m, b, { samplesPerParam: 4, eps: 1e-3 }).maxRelError).toBeGreaterThan(1e-4);
    expect(gradCheck(m, b, { samplesPerParam: 4, steps }).maxRelError).toBeLessThan(1e-6);
    const p = m.param('weight_hh_l0');
    const loss = makeLossFunction(m, b);
    const x = p.w[5]!;
    const num = fdDerivativeStable((d) => {
      p.w[5] = x + d;
      const v = loss();
      p.w[5] = x;
      return v;
    }, steps);
    const dw = p.dw[5]!;
    expect(relError(dw, num, 1e-12)).toBeLessThan(1e-6);
    expect(relError(1.01 * dw, num, 1e-12)).toBeGreaterThan(5e-3);
  });
});
