import { expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng';
import { log } from '../../src/engine/log';

it('log is bit-identical to (Node’s) Math.log across the range, subnormals and edges included', () => {
  const rng = createRng(9);
  let differ = 0;
  const check = (x: number) => {
    if (!Object.is(log(x), Math.log(x))) differ++;
  };
  for (let k = 0; k < 40000; k++) {
    const u = rng.next();
    check(u);
    check(1 + (u - 0.5) * 1e-7); // |f| < 2^−20 branch
    check(u * 1e300);
    check(u * 1e-310); // subnormal
    check(2 ** (2000 * u - 1000));
  }
  for (const x of [
    1,
    2,
    0.5,
    Math.E,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    1 + 2 ** -52,
    1 - 2 ** -53,
  ])
    check(x);
  expect(differ).toBe(0);
  expect(log(0)).toBe(-Infinity);
  expect(log(-0)).toBe(-Infinity);
  expect(log(Infinity)).toBe(Infinity);
  expect(log(-1)).toBeNaN();
  expect(log(NaN)).toBeNaN();
});
