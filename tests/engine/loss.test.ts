import { describe, expect, it } from 'vitest';
import { lastStepOnly, lossAndGrad, targetLength } from '../../src/engine/loss';
import { fdDerivative } from '../../src/engine/gradcheck';
import type { AnyLossKind } from '../../src/engine/types';

describe('losses', () => {
  it('mse: mean of squared errors, gradient 2(ŷ − y)/n', () => {
    const y = Float64Array.of(1, 2, 3, 5);
    const t = Float64Array.of(0, 2, 1, 1);
    const dY = new Float64Array(4);
    expect(lossAndGrad('mse_all', 2, 2, y, 0, t, dY)).toBe((1 + 0 + 4 + 16) / 4);
    expect(Array.from(dY)).toEqual([0.5, 0, 1, 2]);
  });

  it('cross-entropy: −log softmax at the class, mean over rows; stable for huge logits', () => {
    const y = Float64Array.of(1, 2, 3, 1000, 0, -1000);
    const t = Float64Array.of(2, 1);
    const dY = new Float64Array(6);
    const L = lossAndGrad('xent_all', 2, 3, y, 0, t, dY);
    const lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    expect(L).toBeCloseTo((lse - 3 + 1000) / 2, 12);
    const p = [1, 2, 3].map((v) => Math.exp(v - lse));
    [p[0]! / 2, p[1]! / 2, (p[2]! - 1) / 2, 0.5, -0.5, 0].forEach((v, i) =>
      expect(dY[i]).toBeCloseTo(v, 15),
    );
  });

  it.each(['mse_last', 'mse_all', 'xent_all', 'xent_last'] as AnyLossKind[])(
    '%s: dL/dŷ equals finite differences',
    (kind) => {
      const O = 3;
      const rows = 4;
      const y = Float64Array.from({ length: rows * O }, (_, i) => Math.sin(3 * i + 1));
      const t = kind.startsWith('xent')
        ? Float64Array.of(0, 2, 1, 2)
        : Float64Array.from({ length: rows * O }, (_, i) => Math.cos(i));
      const dY = new Float64Array(rows * O);
      lossAndGrad(kind, rows, O, y, 0, t, dY);
      const scratch = new Float64Array(rows * O);
      for (let i = 0; i < rows * O; i++) {
        const x = y[i]!;
        const num = fdDerivative((d) => {
          y[i] = x + d;
          const v = lossAndGrad(kind, rows, O, y, 0, t, scratch);
          y[i] = x;
          return v;
        }, 1e-3);
        expect(Math.abs(num - dY[i]!)).toBeLessThan(1e-10);
      }
    },
  );

  it('target layouts and which steps are scored', () => {
    expect([
      targetLength('mse_last', 5, 2, 3),
      targetLength('mse_all', 5, 2, 3),
      targetLength('xent_all', 5, 2, 3),
      targetLength('xent_last', 5, 2, 3),
    ]).toEqual([6, 30, 10, 2]);
    expect(lastStepOnly('mse_last') && lastStepOnly('xent_last')).toBe(true);
    expect(lastStepOnly('mse_all') || lastStepOnly('xent_all')).toBe(false);
  });

  it('a bad class id gives NaN, not an exception', () => {
    const dY = new Float64Array(2);
    for (const id of [2, -1, 0.5, NaN])
      expect(
        lossAndGrad('xent_last', 1, 2, Float64Array.of(0, 1), 0, Float64Array.of(id), dY),
      ).toBeNaN();
  });
});
