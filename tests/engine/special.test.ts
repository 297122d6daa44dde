import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { expm1, log1p, sigmoid, softplus, softplusInverse } from '../../src/engine/special';
import { cos, sin } from '../../src/engine/trig';

function ulps(a: number, b: number): number {
  const v = new Float64Array([a, b]);
  const i = new BigInt64Array(v.buffer);
  const d = i[0]! - i[1]!;
  return Number(d < 0n ? -d : d);
}

/** e^x − 1 by its series, for |x| ≤ 1e−3 (truncation below 1e−22 relative). */
function expm1Series(x: number): number {
  let term = x;
  let sum = x;
  for (let k = 2; k <= 8; k++) {
    term *= x / k;
    sum += term;
  }
  return sum;
}

describe('expm1, log1p, softplus (own exp and log, same bits in every engine)', () => {
  it('expm1 and log1p stay within 4 ulps of Math over 24 decades', () => {
    const rng = createRng(3);
    let we = 0;
    let wl = 0;
    for (let k = 0; k < 100000; k++) {
      const x = (rng.next() - 0.5) * 2 * 10 ** (22 * rng.next() - 20);
      we = Math.max(we, ulps(expm1(x), Math.expm1(x)));
      if (x > -1) wl = Math.max(wl, ulps(log1p(x), Math.log1p(x)));
    }
    expect(we).toBeLessThanOrEqual(4);
    expect(wl).toBeLessThanOrEqual(4);
    expect([expm1(0), expm1(-800), expm1(800), log1p(0), log1p(Infinity)]).toEqual([
      0,
      -1,
      Infinity,
      0,
      Infinity,
    ]);
  });

  it('√(1 − a²) as √(−expm1(2 log a)) keeps every digit near a = 1, where 1 − a·a loses them', () => {
    for (const la of [-1e-2, -1e-4, -1.00005e-4, -1e-8, -1e-12]) {
      const exact = -expm1Series(2 * la);
      expect(Math.abs(-expm1(2 * la) / exact - 1)).toBeLessThan(1e-15);
      const a = Math.exp(la);
      if (la <= -1e-8) continue;
      // The naive form is off by far more than rounding once a is this close to 1.
      expect(Math.abs((1 - a * a) / exact - 1)).toBeGreaterThan(1e-10);
    }
  });

  it('softplus and its inverse, without overflow or cancellation', () => {
    for (const x of [-800, -30, -1, -1e-9, 0, 1e-9, 1, 20, 30, 800]) {
      const ref = x > 30 ? x : Math.log1p(Math.exp(x));
      expect(Math.abs(softplus(x) - ref)).toBeLessThanOrEqual(
        4e-16 * Math.max(ref, 1e-300) + 1e-320,
      );
      expect(sigmoid(x)).toBeCloseTo(1 / (1 + Math.exp(-x)), 15);
    }
    for (const y of [1e-4, 1e-3, 0.05, 0.1, 1, 5])
      expect(Math.abs(softplus(softplusInverse(y)) / y - 1)).toBeLessThan(1e-14);
  });
});

describe('sin and cos (fdlibm in TypeScript)', () => {
  it('agree with Math.sin and Math.cos to ≤ 1 ulp (bit for bit in Node) up to 1.6e6', () => {
    const rng = createRng(4);
    let worst = 0;
    const check = (x: number) => {
      worst = Math.max(worst, ulps(sin(x), Math.sin(x)), ulps(cos(x), Math.cos(x)));
    };
    for (let k = 0; k < 200000; k++) check((rng.next() - 0.5) * 2 * 10 ** (9 * rng.next() - 3));
    // Multiples of π/2 exercise the second and third reduction stages.
    for (let n = 1; n < 200; n++) for (const x of [(n * Math.PI) / 2, (-n * Math.PI) / 2]) check(x);
    expect(worst).toBeLessThanOrEqual(1);
    expect([sin(0), cos(0), sin(-0)]).toEqual([0, 1, -0]);
    expect(sin(NaN)).toBeNaN();
    expect(cos(Infinity)).toBeNaN();
  });
});
