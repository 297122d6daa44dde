import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatStateDict, parseStateDict, type Shapes } from '../../src/store/weightsFile';

const shapes: Shapes = {
  weight_ih_l0: [8, 2],
  weight_hh_l0: [8, 2],
  bias_ih_l0: [8],
  bias_hh_l0: [8],
  'readout.weight': [1, 2],
  'readout.bias': [1],
};
const flat = Object.fromEntries(
  Object.entries(shapes).map(([n, s]) => [
    n,
    Array.from({ length: s.reduce((a, b) => a * b, 1) }, (_, k) => k / 7 - 1),
  ]),
);

describe('weights files in state_dict layout', () => {
  it('round-trips through the PyTorch nesting', () => {
    const text = formatStateDict(flat, shapes);
    const json = JSON.parse(text);
    expect(json.weight_ih_l0).toHaveLength(8);
    expect(json.weight_ih_l0[0]).toHaveLength(2);
    expect(json.bias_ih_l0).toHaveLength(8);
    const back = parseStateDict(text, shapes);
    expect(back).toEqual({ ok: true, weights: flat });
  });

  it('names what is wrong: transposed matrix, missing and unknown names, non-numbers', () => {
    const json = JSON.parse(formatStateDict(flat, shapes));
    const transposed = { ...json, weight_hh_l0: [[...Array(8).keys()], [...Array(8).keys()]] };
    const r1 = parseStateDict(JSON.stringify(transposed), shapes);
    expect(r1.ok).toBe(false);
    expect(!r1.ok && r1.message).toMatch(/weight_hh_l0: expected 8 rows of 2/);
    const { bias_hh_l0: _drop, ...rest } = json;
    expect(parseStateDict(JSON.stringify(rest), shapes)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Missing.*bias_hh_l0/),
    });
    expect(
      parseStateDict(JSON.stringify({ ...json, 'rnn.weight_ih_l0': [1] }), shapes),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/Unknown/) });
    expect(parseStateDict(JSON.stringify({ ...json, bias_ih_l0: ['a'] }), shapes)).toMatchObject({
      ok: false,
    });
    expect(parseStateDict('{"weight_ih_l0": [1e999]}', shapes)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/finite/),
    });
    expect(parseStateDict('not json', shapes)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Not JSON/),
    });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((x) => JSON.stringify(x)),
        ),
        (text) => {
          const r = parseStateDict(text, shapes);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    expect(parseStateDict(deep, shapes).ok).toBe(false);
  });
});
