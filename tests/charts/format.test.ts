import { describe, expect, it } from 'vitest';
import {
  formatDecade,
  formatLog10,
  formatNum,
  formatPow10,
  formatSci,
  superscript,
} from '../../src/charts/format';

const M = '\u2212';
const BAD = /NaN|Infinity|e[+-]?\d/;

describe('formatSci', () => {
  it('uses powers of ten with Unicode superscripts for tiny and huge values', () => {
    expect(formatSci(1.2e-6)).toBe('1.2 × 10⁻⁶');
    expect(formatSci(-1.2e-6)).toBe(`${M}1.2 × 10⁻⁶`);
    expect(formatSci(3.456e7)).toBe('3.5 × 10⁷');
    expect(formatSci(1e-300)).toBe('1 × 10⁻³⁰⁰');
    expect(formatSci(1e300)).toBe('1 × 10³⁰⁰');
    expect(formatSci(5e-324)).toBe('4.9 × 10⁻³²⁴');
    expect(formatSci(1.7976931348623157e308)).toBe('1.8 × 10³⁰⁸');
  });
  it('uses plain decimals between 1e-3 and 1e4', () => {
    expect(formatSci(0.00123)).toBe('0.0012');
    expect(formatSci(0.5)).toBe('0.5');
    expect(formatSci(-0.5)).toBe(`${M}0.5`);
    expect(formatSci(12.34)).toBe('12');
    expect(formatSci(12.34, 3)).toBe('12.3');
    expect(formatSci(1234.5)).toBe('1235');
    expect(formatSci(9999.7)).toBe('1 × 10⁴');
    expect(formatSci(0.001)).toBe('0.001');
    expect(formatSci(0.000999)).toBe('1 × 10⁻³');
  });
  it('names zero and non-finite values instead of printing them', () => {
    expect(formatSci(0)).toBe('0');
    expect(formatSci(-0)).toBe('0');
    expect(formatSci(NaN)).toBe('—');
    expect(formatSci(Infinity)).toBe('overflow');
    expect(formatSci(-Infinity)).toBe(`${M}overflow`);
  });
  it('never prints NaN, Infinity or e-notation', () => {
    for (const x of [
      0,
      -0,
      1e-300,
      -1e-300,
      1e300,
      NaN,
      Infinity,
      -Infinity,
      1e-3,
      9.99e3,
      1e21,
      123456789,
    ]) {
      expect(formatSci(x)).not.toMatch(BAD);
      expect(formatNum(x)).not.toMatch(BAD);
      expect(formatPow10(x)).not.toMatch(BAD);
    }
  });
});

describe('formatPow10', () => {
  it('writes a ratio as 10 to a one-decimal exponent', () => {
    expect(formatPow10(5e-7)).toBe('10⁻⁶·³');
    expect(formatPow10(5e-7, true)).toBe(`10^${M}6.3`);
    expect(formatPow10(1e-6)).toBe('10⁻⁶');
    expect(formatPow10(1e12)).toBe('10¹²');
    expect(formatPow10(1)).toBe('10⁰');
    expect(formatPow10(0.99)).toBe('10⁰');
    expect(formatPow10(-1e-3)).toBe(`${M}10⁻³`);
  });
  it('handles zero, tiny, huge and non-finite values', () => {
    expect(formatPow10(0)).toBe('0');
    expect(formatPow10(1e-300)).toBe('10⁻³⁰⁰');
    expect(formatPow10(1e300)).toBe('10³⁰⁰');
    expect(formatPow10(NaN)).toBe('—');
    expect(formatPow10(Infinity)).toBe('overflow');
    expect(formatPow10(-Infinity)).toBe(`${M}overflow`);
  });
  it('formatLog10 prints exponents whose power does not fit a double', () => {
    expect(formatLog10(-400.04)).toBe('10⁻⁴⁰⁰');
    expect(formatLog10(-0.04)).toBe('10⁰');
    expect(formatLog10(-Infinity)).toBe('0');
    expect(formatLog10(Infinity)).toBe('overflow');
    expect(formatLog10(NaN)).toBe('—');
  });
});

describe('formatNum', () => {
  it('keeps a fixed number of decimals for readouts', () => {
    expect(formatNum(0.5)).toBe('0.500');
    expect(formatNum(-2.25, 2)).toBe(`${M}2.25`);
    expect(formatNum(0)).toBe('0.000');
    expect(formatNum(-0.0004)).toBe('4.000 × 10⁻⁴'.replace(/^/, M));
    expect(formatNum(-0.0004 + 0.0003)).toBe(`${M}1.000 × 10⁻⁴`);
    expect(formatNum(1e-300, 1)).toBe('1.0 × 10⁻³⁰⁰');
    expect(formatNum(1e300, 2)).toBe('1.00 × 10³⁰⁰');
    expect(formatNum(NaN)).toBe('—');
    expect(formatNum(Infinity)).toBe('overflow');
  });
  it('does not print a signed zero after rounding', () => {
    expect(formatNum(-0.0012, 2)).toBe('0.00');
  });
});

describe('superscript and formatDecade', () => {
  it('maps digits and signs', () => {
    expect(superscript('-12.5')).toBe('⁻¹²·⁵');
    expect(superscript(`${M}3`)).toBe('⁻³');
  });
  it('labels exact decades', () => {
    expect(formatDecade(1e-6)).toBe('10⁻⁶');
    expect(formatDecade(1)).toBe('1');
    expect(formatDecade(10)).toBe('10');
    expect(formatDecade(1e-300)).toBe('10⁻³⁰⁰');
    expect(formatDecade(3e-6)).toBe('3 × 10⁻⁶');
    expect(formatDecade(0)).toBe('0');
    expect(formatDecade(NaN)).toBe('—');
  });
});
