import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../src/engine/optim';
import type { OptimizerOptions } from '../../src/engine/optim';
import type { OptimizerKind, Param, ParamName } from '../../src/engine/types';

/** Relative agreement demanded against PyTorch and against worked values. */
const REL = 1e-12;

function param(name: ParamName, values: readonly number[], rows = values.length, cols = 1): Param {
  return {
    name,
    shape: [rows, cols],
    rows,
    cols,
    w: Float64Array.from(values),
    dw: new Float64Array(values.length),
  };
}

function maxRelErr(got: ArrayLike<number>, want: readonly number[]): number {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let k = 0; k < want.length; k++) {
    const w = want[k]!;
    const e = Math.abs(got[k]! - w) / Math.abs(w);
    worst = Math.max(worst, Number.isNaN(e) ? Infinity : e);
  }
  return worst;
}

interface OptimCase {
  name: string;
  kind: OptimizerKind;
  opts: OptimizerOptions;
  shapes: number[][];
  params0: number[][];
  grads: number[][][];
  lrSchedule: number[] | null;
  resetAt: number | null;
  expected: number[][][];
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/optim.json', import.meta.url), 'utf8'),
) as { torch: string; optimizers: OptimCase[] };

describe(`optimizers match torch.optim (${fixture.torch}, float64) step by step`, () => {
  for (const c of fixture.optimizers) {
    it(c.name, () => {
      const names: ParamName[] = ['weight_ih_l0', 'bias_ih_l0'];
      const params = c.params0.map((v, i) => {
        const s = c.shapes[i]!;
        return param(names[i]!, v, s[0]!, s[1] ?? 1);
      });
      const opt = createOptimizer(c.kind, params, c.opts);
      expect(opt.kind).toBe(c.kind);
      let worst = 0;
      c.grads.forEach((stepGrads, s) => {
        if (c.resetAt === s) opt.reset();
        if (c.lrSchedule) opt.lr = c.lrSchedule[s]!;
        params.forEach((p, i) => p.dw.set(stepGrads[i]!));
        opt.step();
        params.forEach((p, i) => {
          worst = Math.max(worst, maxRelErr(p.w, c.expected[s]![i]!));
        });
      });
      expect(worst).toBeLessThan(REL);
    });
  }
});

describe('optimizers against hand-worked values', () => {
  // w = [1, −2], g1 = [0.5, 0.25], g2 = [−1, 2], η = 0.1.
  const g1 = [0.5, 0.25];
  const g2 = [-1, 2];
  const setup = (kind: OptimizerKind, opts: OptimizerOptions) => {
    const p = param('weight_hh_l0', [1, -2]);
    return { p, opt: createOptimizer(kind, [p], opts) };
  };

  it('SGD: w ← w − η·g', () => {
    const { p, opt } = setup('sgd', { lr: 0.1 });
    p.dw.set(g1);
    opt.step();
    expect(maxRelErr(p.w, [0.95, -2.025])).toBeLessThan(REL);
    p.dw.set(g2);
    opt.step();
    expect(maxRelErr(p.w, [1.05, -2.225])).toBeLessThan(REL);
  });

  it('SGD weight decay adds λ·w to the gradient', () => {
    const { p, opt } = setup('sgd', { lr: 0.1, weightDecay: 0.5 });
    p.dw.set(g1);
    opt.step();
    // g = [0.5 + 0.5, 0.25 − 1] = [1, −0.75]
    expect(maxRelErr(p.w, [0.9, -1.925])).toBeLessThan(REL);
  });

  it('momentum: the first step copies g into the buffer, then b ← μb + g', () => {
    const { p, opt } = setup('momentum', { lr: 0.1, momentum: 0.9 });
    p.dw.set(g1);
    opt.step();
    expect(maxRelErr(p.w, [0.95, -2.025])).toBeLessThan(REL);
    p.dw.set(g2);
    opt.step();
    // b = [0.45 − 1, 0.225 + 2] = [−0.55, 2.225]
    expect(maxRelErr(p.w, [1.005, -2.2475])).toBeLessThan(REL);
    p.dw.set(g2);
    opt.step();
    // b = [−0.495 − 1, 2.0025 + 2] = [−1.495, 4.0025]
    expect(maxRelErr(p.w, [1.1545, -2.64775])).toBeLessThan(REL);
  });

  it('momentum defaults to μ = 0.9', () => {
    const a = setup('momentum', { lr: 0.1 });
    const b = setup('momentum', { lr: 0.1, momentum: 0.9 });
    for (const g of [g1, g2, g1]) {
      a.p.dw.set(g);
      b.p.dw.set(g);
      a.opt.step();
      b.opt.step();
    }
    expect(Array.from(a.p.w)).toEqual(Array.from(b.p.w));
  });

  it('Adam step 1 moves each weight by η·g/(|g| + ε); step 2 follows the textbook bias-corrected form', () => {
    const { p, opt } = setup('adam', { lr: 0.1 });
    const eps = 1e-8;
    p.dw.set(g1);
    opt.step();
    const w1 = [1 - (0.1 * 0.5) / (0.5 + eps), -2 - (0.1 * 0.25) / (0.25 + eps)];
    expect(maxRelErr(p.w, w1)).toBeLessThan(REL);
    p.dw.set(g2);
    opt.step();
    const w2 = w1.map((w, k) => {
      const m = 0.9 * (0.1 * g1[k]!) + 0.1 * g2[k]!;
      const v = 0.999 * (0.001 * g1[k]! ** 2) + 0.001 * g2[k]! ** 2;
      const mHat = m / (1 - 0.9 ** 2);
      const vHat = v / (1 - 0.999 ** 2);
      return w - (0.1 * mHat) / (Math.sqrt(vHat) + eps);
    });
    // Worked by hand for the first weight: m = −0.055, v = 0.00124975, m̂ = −0.2894736…, √v̂ = 0.7906880…
    const byHand =
      1 -
      (0.1 * 0.5) / (0.5 + eps) +
      (0.1 * (0.055 / 0.19)) / (Math.sqrt(0.00124975 / 0.001999) + eps);
    expect(Math.abs(w2[0]! - byHand)).toBeLessThan(1e-14);
    expect(maxRelErr(p.w, w2)).toBeLessThan(REL);
  });

  it('Adam with a zero gradient from the start leaves the weight where it is', () => {
    const { p, opt } = setup('adam', { lr: 0.1 });
    p.dw.set([0, 0]);
    opt.step();
    opt.step();
    expect(Array.from(p.w)).toEqual([1, -2]);
  });

  it('reset() makes the optimizer behave like a new one', () => {
    for (const kind of ['momentum', 'adam'] as const) {
      const a = setup(kind, { lr: 0.05 });
      a.p.dw.set(g1);
      a.opt.step();
      a.opt.step();
      a.opt.reset();
      const start = Array.from(a.p.w);
      const b = { p: param('weight_hh_l0', start), opt: createOptimizer(kind, [], { lr: 0.05 }) };
      b.opt = createOptimizer(kind, [b.p], { lr: 0.05 });
      for (const g of [g2, g1]) {
        a.p.dw.set(g);
        b.p.dw.set(g);
        a.opt.step();
        b.opt.step();
      }
      expect(Array.from(a.p.w)).toEqual(Array.from(b.p.w));
    }
  });

  it('a changed lr applies from the next step', () => {
    const { p, opt } = setup('sgd', { lr: 0.1 });
    p.dw.set(g1);
    opt.lr = 0.2;
    opt.step();
    expect(maxRelErr(p.w, [0.9, -2.05])).toBeLessThan(REL);
  });

  it('rejects invalid hyper-parameters', () => {
    const p = [param('bias_hh_l0', [0])];
    expect(() => createOptimizer('sgd', p, { lr: -1 })).toThrow(RangeError);
    expect(() => createOptimizer('sgd', p, { lr: NaN })).toThrow(RangeError);
    expect(() => createOptimizer('momentum', p, { lr: 0.1, momentum: -0.1 })).toThrow(RangeError);
    expect(() => createOptimizer('adam', p, { lr: 0.1, betas: [1, 0.999] })).toThrow(RangeError);
    expect(() => createOptimizer('adam', p, { lr: 0.1, eps: -1 })).toThrow(RangeError);
  });
});
