/**
 * The combine is associative (so any bracketing, hence any scan, gives the same pair), the identity
 * is neutral, and the in-place Hillis–Steele scan equals the plain loop on random pairs, real and
 * complex, forward and reverse, at every length 1..70 (fast-check; float64 to 1e-12 relative).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine, combineComplex, IDENTITY } from '../../../src/engine/scan/combine';
import type { ComplexStep, Step } from '../../../src/engine/scan/combine';
import { hillisSteele, scanDepth, sequentialScan } from '../../../src/engine/scan/prefix';
import type { ScanDirection } from '../../../src/engine/scan/prefix';
import { stateRows } from '../../../src/engine/scan/pairs';
import { createPairs } from '../../../src/engine/scan/types';
import { gap } from './helpers';

const num = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const step = fc.record({ a: num, b: num });
const cstep = fc.record({ ar: num, ai: num, br: num, bi: num });
const close = (x: number, y: number) => Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));

describe('the combine (a, b) ∘ (a′, b′) = (a′a, a′b + b′)', () => {
  it('is associative on real steps', () => {
    fc.assert(
      fc.property(step, step, step, (x: Step, y: Step, z: Step) => {
        const l = combine(combine(x, y), z);
        const r = combine(x, combine(y, z));
        return close(l.a, r.a) && close(l.b, r.b);
      }),
    );
  });
  it('is associative on complex steps', () => {
    fc.assert(
      fc.property(cstep, cstep, cstep, (x: ComplexStep, y: ComplexStep, z: ComplexStep) => {
        const l = combineComplex(combineComplex(x, y), z);
        const r = combineComplex(x, combineComplex(y, z));
        return close(l.ar, r.ar) && close(l.ai, r.ai) && close(l.br, r.br) && close(l.bi, r.bi);
      }),
    );
  });
  it('has (1, 0) as its identity, and is not commutative', () => {
    fc.assert(
      fc.property(step, (x) => {
        const l = combine(IDENTITY, x);
        const r = combine(x, IDENTITY);
        return l.a === x.a && l.b === x.b && r.a === x.a && r.b === x.b;
      }),
    );
    const x = { a: 0.5, b: 1 };
    const y = { a: 2, b: 0 };
    expect(combine(x, y)).not.toEqual(combine(y, x));
  });
  it('applied step by step is the affine map h ↦ a·h + b composed', () => {
    fc.assert(
      fc.property(step, step, num, (x, y, h) => {
        const c = combine(x, y);
        return close(c.a * h + c.b, y.a * (x.a * h + x.b) + y.b);
      }),
    );
  });
});

describe('Hillis–Steele = the sequential loop on random pairs', () => {
  const dirs: ScanDirection[] = ['forward', 'reverse'];
  it.each(dirs)('%s, real and complex, T = 1..70', (dir) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.integer(),
        (T, U, complex, seed) => {
          const p = createPairs(T, U, complex);
          let s = seed >>> 0;
          const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
          for (const arr of [p.a, p.b, p.ai, p.bi])
            if (arr) for (let k = 0; k < arr.length; k++) arr[k] = rnd();
          const want = new Float64Array(complex ? 2 * T * U : T * U);
          sequentialScan(p, dir, want);
          hillisSteele(p, dir);
          return gap(stateRows(p), want) <= 1e-12;
        },
      ),
    );
  });
  it('counts ⌈log₂ T⌉ levels', () => {
    expect([1, 2, 3, 4, 5, 16, 17, 64, 100].map(scanDepth)).toEqual([0, 1, 2, 2, 3, 4, 5, 6, 7]);
  });
});
