import { describe, expect, it } from 'vitest';
import { CELLS, cellSizes, modelParamShapes } from '../../src/engine/cells/catalog';
import { matchCells } from '../../src/engine/cells/fromShapes';

const shapesOf = (cell: string, s: { inputSize: number; hiddenSize: number; outputSize: number }) =>
  Object.fromEntries(modelParamShapes(cell, s).map((p) => [p.name, p.shape]));

describe('matchCells: the cell and sizes a state_dict has, read off the registry', () => {
  it('finds every registered cell at every size it was made with (I = 1 and H = 1 included)', () => {
    for (const info of CELLS) {
      for (const sizes of [
        { inputSize: 2, hiddenSize: 8, outputSize: 1 },
        { inputSize: 1, hiddenSize: 3, outputSize: 1 },
        { inputSize: 23, hiddenSize: 1, outputSize: 23 },
        { inputSize: 10, hiddenSize: 128, outputSize: 9 },
      ]) {
        const { matches } = matchCells(shapesOf(info.id, sizes));
        // With its defaults filled in (s6's N = 16 when none is given).
        const full = cellSizes(info.id, sizes);
        expect(matches).toContainEqual({ cell: info.id, label: info.label, sizes: full });
        for (const m of matches) expect(m.sizes).toEqual(full);
      }
    }
  });

  it('tells the gated cells apart and finds the tanh RNN, the ReLU RNN and the linear cell alike', () => {
    const s = { inputSize: 2, hiddenSize: 8, outputSize: 1 };
    expect(matchCells(shapesOf('gru', s)).matches.map((m) => m.cell)).toEqual(['gru']);
    expect(matchCells(shapesOf('lstm', s)).matches.map((m) => m.cell)).toEqual(['lstm']);
    expect(matchCells(shapesOf('rnn', s)).matches.map((m) => m.cell)).toEqual([
      'linear',
      'rnn',
      'relu',
    ]);
  });

  it('reads a one-column matrix written flat as [rows][1]', () => {
    const file = shapesOf('gru', { inputSize: 1, hiddenSize: 4, outputSize: 1 });
    const flat = { ...file, weight_ih_l0: [12], 'readout.weight': [1, 4] };
    expect(matchCells(flat).matches.map((m) => m.sizes.inputSize)).toEqual([1]);
  });

  it('says why when nothing fits', () => {
    const gru = shapesOf('gru', { inputSize: 2, hiddenSize: 8, outputSize: 1 });
    const bad = matchCells({ ...gru, weight_hh_l0: [24, 7] });
    expect(bad.matches).toEqual([]);
    expect(bad.reasons.join('; ')).toMatch(/not a GRU: .*H = 7.*H = 8|not a GRU: .*H = 8.*H = 7/);
    const odd = matchCells({ ...gru, weight_ih_l0: [25, 2] });
    expect(odd.reasons.join('; ')).toMatch(/weight_ih_l0 has 25 where a multiple of H belongs/);
    const extra = matchCells({ ...gru, 'rnn.extra': [3] });
    expect(extra.reasons.join('; ')).toMatch(/has rnn\.extra besides/);
    expect(matchCells({ foo: [3], bar: [2, 2] }).reasons).toEqual([
      'no cell here has parameters named foo, bar',
    ]);
  });
});
