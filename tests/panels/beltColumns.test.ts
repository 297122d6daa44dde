import { describe, expect, it } from 'vitest';
import { beltColumns, beltVariant } from '../../src/panels/beltColumns';
import type { Snapshot } from '../../src/worker/protocol';

// T = 2, H = 2: value encodes (t, block, unit) so a wrong stride shows at once.
const enc = (t: number, b: number, u: number) => 100 * t + 10 * b + u;
function snap(cell: Snapshot['cell'], G: number): Snapshot {
  const T = 2,
    H = 2;
  const gates = new Float64Array(T * G * H);
  for (let t = 0; t < T; t++)
    for (let b = 0; b < G; b++)
      for (let u = 0; u < H; u++) gates[t * G * H + b * H + u] = enc(t, b, u);
  const states = Float64Array.from({ length: T * H }, (_, k) => k + 0.5);
  return {
    cell,
    T,
    H,
    gates: G > 1 ? gates : null,
    hidden: states,
    cellState: cell === 'lstm' ? states.map((v) => -v) : null,
    dhNorm: Float64Array.of(1, 2),
    dcNorm: cell === 'lstm' ? Float64Array.of(3, 4) : null,
    stepJacNorms: Float64Array.of(0.5, 0.6),
  } as unknown as Snapshot;
}

describe('belt columns', () => {
  it('reads LSTM gates i,f,g,o of one unit', () => {
    const d = beltColumns(snap('lstm', 4), 1);
    expect(Array.from(d.i!)).toEqual([enc(0, 0, 1), enc(1, 0, 1)]);
    expect(Array.from(d.f!)).toEqual([enc(0, 1, 1), enc(1, 1, 1)]);
    expect(Array.from(d.g!)).toEqual([enc(0, 2, 1), enc(1, 2, 1)]);
    expect(Array.from(d.o!)).toEqual([enc(0, 3, 1), enc(1, 3, 1)]);
    expect(Array.from(d.state)).toEqual([-1.5, -3.5]);
    expect(Array.from(d.gradNorm!)).toEqual([3, 4]);
  });

  it('reads GRU z and n; the RNN gets its step-Jacobian chain', () => {
    const g = beltColumns(snap('gru', 3), 0);
    expect(Array.from(g.z!)).toEqual([enc(0, 1, 0), enc(1, 1, 0)]);
    expect(Array.from(g.n!)).toEqual([enc(0, 2, 0), enc(1, 2, 0)]);
    const r = beltColumns(snap('rnn', 1), 0);
    expect(Array.from(r.jacobianNorms!)).toEqual([0.5, 0.6]);
    expect(beltVariant('linear')).toBe('chain');
  });
});
