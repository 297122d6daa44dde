import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { exp } from '../../src/engine/exp';

function ulps(a: number, b: number): number {
  const v = new Float64Array([a, b]);
  const i = new BigInt64Array(v.buffer);
  const d = i[0]! - i[1]!;
  return Number(d < 0n ? -d : d);
}

describe('exp (fdlibm in TypeScript)', () => {
  it('is bit-identical to Math.exp away from 0 across the whole finite range', () => {
    const rng = createRng(5);
    let differ = 0;
    const check = (x: number) => {
      if (!Object.is(exp(x), Math.exp(x))) differ++;
    };
    for (let x = -30; x <= 30; x += 1 / 512 + 1e-10) if (Math.abs(x) > 1e-4) check(x);
    for (let n = 0; n < 50000; n++) check(-745 + 1455 * rng.next());
    expect(differ).toBe(0);
  });

  it('is within one unit in the last place of Math.exp near 0', () => {
    const rng = createRng(6);
    let worst = 0;
    for (let n = 0; n < 50000; n++) {
      const x = (rng.next() - 0.5) * 10 ** (-20 + 20 * rng.next());
      worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(exp(0)).toBe(1);
  });

  it('handles the edges: overflow, underflow to subnormals and zero, NaN', () => {
    for (const x of [708.9, 709, 709.78, 710, Infinity, -707.9, -708, -740, -746, -Infinity])
      expect(exp(x)).toBe(Math.exp(x));
    expect(exp(NaN)).toBeNaN();
  });
});
