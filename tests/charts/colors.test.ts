import { describe, expect, it } from 'vitest';
import {
  DIVERGING_LUT,
  GATE_COLORS,
  LUT_SIZE,
  SEQUENTIAL_LUT,
  VANISHED_GREY,
  lutCss,
  lutIndex,
  magnitudeColor,
  signedColor,
} from '../../src/charts/colors';

const entry = (lut: Uint8ClampedArray, k: number) => Array.from(lut.subarray(4 * k, 4 * k + 4));

describe('LUTs', () => {
  it('has 256 RGBA entries', () => {
    expect(SEQUENTIAL_LUT.length).toBe(LUT_SIZE * 4);
    expect(DIVERGING_LUT.length).toBe(LUT_SIZE * 4);
  });
  it('viridis endpoints: #440154 and #fde725', () => {
    expect(entry(SEQUENTIAL_LUT, 0)).toEqual([0x44, 0x01, 0x54, 255]);
    expect(entry(SEQUENTIAL_LUT, 255)).toEqual([0xfd, 0xe7, 0x25, 255]);
  });
  it('diverging: purple for negative, near-white at 0, orange-brown for positive', () => {
    const [r0, g0, b0] = entry(DIVERGING_LUT, 0);
    expect(b0).toBeGreaterThan(r0 as number); // purple end
    const [r1, , b1] = entry(DIVERGING_LUT, 255);
    expect(r1).toBeGreaterThan(b1 as number); // orange end
    const mid = entry(DIVERGING_LUT, 128);
    expect(Math.min(...mid.slice(0, 3))).toBeGreaterThan(220);
    expect(g0).toBeLessThan(60);
  });
  it('viridis lightness rises monotonically (a magnitude scale reads one way)', () => {
    let prev = -1;
    for (let k = 0; k < LUT_SIZE; k += 15) {
      const [r, g, b] = entry(SEQUENTIAL_LUT, k) as [number, number, number];
      const L = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      expect(L).toBeGreaterThan(prev);
      prev = L;
    }
  });
  it('css strings match LUT entries', () => {
    expect(lutCss(SEQUENTIAL_LUT)[0]).toBe('rgb(68, 1, 84)');
    expect(lutCss(SEQUENTIAL_LUT)).toBe(lutCss(SEQUENTIAL_LUT));
  });
});

describe('colour lookups', () => {
  it('clamps LUT indices and maps NaN to 0', () => {
    expect(lutIndex(-1)).toBe(0);
    expect(lutIndex(2)).toBe(255);
    expect(lutIndex(NaN)).toBe(0);
    expect(lutIndex(0.5)).toBe(128);
  });
  it('greys out vanished magnitudes (≤ 10⁻³ of the reference), zeros and NaN', () => {
    const d = [1e-12, 1] as const;
    expect(magnitudeColor(1e-9, d)).toBe(VANISHED_GREY);
    expect(magnitudeColor(0, d)).toBe(VANISHED_GREY);
    expect(magnitudeColor(NaN, d)).toBe(VANISHED_GREY);
    expect(magnitudeColor(1, d)).toBe('rgb(253, 231, 37)');
    expect(magnitudeColor(Infinity, d)).toBe('rgb(253, 231, 37)');
    expect(magnitudeColor(1e-3, d)).toBe(VANISHED_GREY);
    expect(magnitudeColor(2e-3, d)).not.toBe(VANISHED_GREY);
    expect(magnitudeColor(1e-3, d, 1e6)).toBe(VANISHED_GREY);
  });
  it('centres signed colours on 0', () => {
    expect(signedColor(0, 2)).toBe(lutCss(DIVERGING_LUT)[128]);
    expect(signedColor(-2, 2)).toBe(lutCss(DIVERGING_LUT)[0]);
    expect(signedColor(5, 2)).toBe(lutCss(DIVERGING_LUT)[255]);
  });
});

describe('gate colours (Okabe–Ito)', () => {
  it('are exactly the palette values', () => {
    expect(GATE_COLORS).toEqual({
      f: '#0072B2',
      i: '#009E73',
      g: '#CC79A7',
      o: '#E69F00',
      r: '#D55E00',
      z: '#56B4E9',
      n: '#CC79A7',
    });
  });
});

describe('ramps', () => {
  it('are d3-scale-chromatic’s viridis and PuOr, point for point', async () => {
    const ours = await import('../../src/charts/ramps');
    const d3 = await import('d3-scale-chromatic');
    for (let k = -2; k <= 1002; k++) {
      const t = k / 1000;
      expect(ours.interpolateViridis(t)).toBe(d3.interpolateViridis(t));
      expect(ours.interpolatePuOr(t)).toBe(d3.interpolatePuOr(t));
    }
  });
});
