import { describe, expect, it } from 'vitest';
import { copyWeights, createModel, paramShape } from '../../src/engine/model';
import type { CellKind } from '../../src/engine/types';

describe('createModel', () => {
  it.each([
    ['linear', 1],
    ['rnn', 1],
    ['lstm', 4],
    ['gru', 3],
  ] as [CellKind, number][])('%s: PyTorch shapes with G = %i, all zeros', (cell, G) => {
    const m = createModel({ cell, inputSize: 2, hiddenSize: 5, outputSize: 3 });
    expect(m.params.map((p) => p.name)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'readout.weight',
      'readout.bias',
    ]);
    const shapes = Object.fromEntries(m.params.map((p) => [p.name, [p.rows, p.cols]]));
    expect(shapes).toEqual({
      weight_ih_l0: [G * 5, 2],
      weight_hh_l0: [G * 5, 5],
      bias_ih_l0: [G * 5, 1],
      bias_hh_l0: [G * 5, 1],
      'readout.weight': [3, 5],
      'readout.bias': [3, 1],
    });
    for (const p of m.params) {
      expect(p.w.length).toBe(p.rows * p.cols);
      expect(p.dw.length).toBe(p.rows * p.cols);
      expect(p.w.every((x) => x === 0)).toBe(true);
      expect(m.param(p.name)).toBe(p);
      expect(paramShape(m.spec, p.name)).toEqual({ rows: p.rows, cols: p.cols });
    }
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => createModel({ cell: 'rnn', inputSize: 0, hiddenSize: 5, outputSize: 3 })).toThrow(
      RangeError,
    );
    expect(() =>
      createModel({ cell: 'rnn', inputSize: 1, hiddenSize: 2.5, outputSize: 3 }),
    ).toThrow(RangeError);
  });

  it('copyWeights copies values (not gradients) and refuses a different spec', () => {
    const spec = { cell: 'gru' as const, inputSize: 2, hiddenSize: 3, outputSize: 1 };
    const a = createModel(spec);
    const b = createModel(spec);
    a.params.forEach((p, k) => p.w.forEach((_, i) => (p.w[i] = k + i / 10)));
    a.param('bias_hh_l0').dw.fill(7);
    copyWeights(a, b);
    b.params.forEach((p, k) => expect(Array.from(p.w)).toEqual(Array.from(a.params[k]!.w)));
    expect(b.param('bias_hh_l0').dw.every((x) => x === 0)).toBe(true);
    expect(b.param('weight_ih_l0').w).not.toBe(a.param('weight_ih_l0').w);
    expect(() => copyWeights(a, createModel({ ...spec, hiddenSize: 4 }))).toThrow(RangeError);
  });
});
