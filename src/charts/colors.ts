import { rgb } from 'd3-color';
import { interpolatePuOr, interpolateViridis } from './ramps';
import type { Domain } from './scales';

/**
 * Colour for the charts. Magnitudes on a log axis use viridis (perceptually uniform, colour-blind
 * safe, readable in both themes); signed values use purple–white–orange (PuOr) centred on 0; gates
 * keep one Okabe–Ito colour everywhere. Colour lookups per pixel go through a precomputed RGBA table
 * (a LUT), never through a string parse per value.
 */

/** Okabe–Ito gate colours: LSTM f, i, g, o; GRU r, z, n (n shares g's colour, both are candidates). */
export const GATE_COLORS = {
  f: '#0072B2',
  i: '#009E73',
  g: '#CC79A7',
  o: '#E69F00',
  r: '#D55E00',
  z: '#56B4E9',
  n: '#CC79A7',
} as const;

/** A gate name with a fixed colour. */
export type GateName = keyof typeof GATE_COLORS;

/**
 * A gradient below this fraction of its value at t = T (where backpropagation starts) is
 * "vanished" and drawn grey: one threshold for every chart and readout (the lessons' checks use
 * the same, store/lessons/checks.ts VANISHED; a test keeps them equal).
 */
export const VANISHED_RATIO = 1e-3;
/** Neutral grey for vanished values: mid-lightness so it reads on light and dark panels. */
export const VANISHED_GREY = '#8c8c8c';
const VANISHED_RGBA = [0x8c, 0x8c, 0x8c, 255] as const;

/** Number of entries in a lookup table. */
export const LUT_SIZE = 256;

/** RGBA lookup table: LUT_SIZE × 4 bytes, entry k = colour at t = k / (LUT_SIZE − 1). */
export type Lut = Uint8ClampedArray;

/** Samples an interpolator (t ∈ [0, 1] → CSS colour) into a LUT. */
export function makeLut(interpolate: (t: number) => string): Lut {
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let k = 0; k < LUT_SIZE; k++) {
    const c = rgb(interpolate(k / (LUT_SIZE - 1)));
    lut[4 * k] = c.r;
    lut[4 * k + 1] = c.g;
    lut[4 * k + 2] = c.b;
    lut[4 * k + 3] = 255;
  }
  return lut;
}

/** Sequential LUT for log magnitudes (viridis: dark purple = small, yellow = large). */
export const SEQUENTIAL_LUT: Lut = makeLut(interpolateViridis);
/** Diverging LUT for signed values (PuOr: purple = negative, near-white = 0, orange = positive). */
export const DIVERGING_LUT: Lut = makeLut(interpolatePuOr);

const cssCache = new WeakMap<Lut, readonly string[]>();

/** The LUT as CSS "rgb(r, g, b)" strings, computed once per LUT (for SVG fills). */
export function lutCss(lut: Lut): readonly string[] {
  let css = cssCache.get(lut);
  if (!css) {
    const out: string[] = [];
    for (let k = 0; k < LUT_SIZE; k++)
      out.push(`rgb(${lut[4 * k]}, ${lut[4 * k + 1]}, ${lut[4 * k + 2]})`);
    css = out;
    cssCache.set(lut, css);
  }
  return css;
}

/** LUT index for t ∈ [0, 1] (clamped; NaN → 0). */
export function lutIndex(t: number): number {
  if (!(t > 0)) return 0;
  if (t >= 1) return LUT_SIZE - 1;
  return Math.round(t * (LUT_SIZE - 1));
}

/** Position t ∈ [0, 1] of v on a log domain, or -1 when v is ≤ 0 or NaN. */
export function logPosition(v: number, domain: Domain): number {
  if (!(v > 0)) return -1;
  const l0 = Math.log10(domain[0]);
  const span = Math.log10(domain[1]) - l0;
  return span > 0 ? (Math.log10(v) - l0) / span : 1;
}

/** Position t ∈ [0, 1] of a signed v on a symmetric domain [−m, m] (m = maxAbs); NaN → 0.5. */
export function divergingPosition(v: number, maxAbs: number): number {
  if (Number.isNaN(v)) return 0.5;
  return maxAbs > 0 ? 0.5 + v / (2 * maxAbs) : 0.5;
}

/**
 * CSS colour of a magnitude on the sequential log scale: grey when v is at or below
 * VANISHED_RATIO × `max` (default the domain's top) or ≤ 0 or NaN; the top colour for +Infinity.
 */
export function magnitudeColor(
  v: number,
  domain: Domain,
  /** The value `v` is measured against (grey below VANISHED_RATIO of it): ‖·‖ at t = T for gradients. */
  max = domain[1],
  lut: Lut = SEQUENTIAL_LUT,
): string {
  if (!(v > max * VANISHED_RATIO)) return VANISHED_GREY;
  return lutCss(lut)[lutIndex(logPosition(v, domain))] as string;
}

/** CSS colour of a signed value on the diverging scale centred on 0 with half-width `maxAbs`. */
export function signedColor(v: number, maxAbs: number, lut: Lut = DIVERGING_LUT): string {
  return lutCss(lut)[lutIndex(divergingPosition(v, maxAbs))] as string;
}

/** Writes the vanished grey into an RGBA buffer at byte offset `p`. */
export function writeVanished(out: Uint8ClampedArray, p: number): void {
  out[p] = VANISHED_RGBA[0];
  out[p + 1] = VANISHED_RGBA[1];
  out[p + 2] = VANISHED_RGBA[2];
  out[p + 3] = VANISHED_RGBA[3];
}
