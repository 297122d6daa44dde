import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { tanh } from '../../src/engine/tanh';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const v = new Float64Array([a, b]);
  const i = new BigInt64Array(v.buffer);
  const d = i[0]! - i[1]!;
  return Number(d < 0n ? -d : d);
}

describe('tanh (Cephes rational + exp form)', () => {
  it('stays within 3 ulp of Math.tanh on a dense grid across the branch point and tails', () => {
    let worst = 0;
    for (let x = -4; x <= 4; x += 1 / 4096 + 1e-9)
      worst = Math.max(worst, ulps(tanh(x), Math.tanh(x)));
    for (const x of [0.625, -0.625, 0.6249999999999999, -0.6249999999999999, 19.06, -19.06])
      worst = Math.max(worst, ulps(tanh(x), Math.tanh(x)));
    expect(worst).toBeLessThanOrEqual(3);
  });

  it('keeps full relative accuracy for tiny arguments, where 1 − 2/(e^{2x}+1) would cancel', () => {
    const rng = createRng(11);
    let worst = 0;
    for (let n = 0; n < 20000; n++) {
      const x = (rng.next() < 0.5 ? -1 : 1) * 10 ** (-300 + 300 * rng.next());
      worst = Math.max(worst, ulps(tanh(x), Math.tanh(x)));
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(tanh(5e-324)).toBe(5e-324);
  });

  it('saturates exactly and passes NaN through', () => {
    expect(tanh(400)).toBe(1);
    expect(tanh(-400)).toBe(-1);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(0)).toBe(0);
    expect(tanh(NaN)).toBeNaN();
  });
});
