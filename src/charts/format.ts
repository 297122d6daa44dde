/**
 * Number formatting for the UI. Tiny and huge values read as "1.2 × 10⁻⁶", never "1.2e-6", and no
 * function here ever returns "NaN" or "Infinity": the cases are named ("—", "overflow", "0").
 */

/** U+2212, the typographic minus: the same width as "+" and the digits, unlike the hyphen. */
export const MINUS = '\u2212';
/** Shown for NaN and for missing values. */
export const MISSING = '—';
/** Shown for +Infinity (prefixed with the minus sign for −Infinity). */
export const OVERFLOW = 'overflow';

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '\u2212': '⁻',
  '+': '⁺',
  // There is no superscript full stop; the middle dot sits at superscript height and reads as one.
  '.': '·',
};

/** Rewrites digits, signs and the decimal point of `s` as Unicode superscripts. */
export function superscript(s: string): string {
  let out = '';
  for (const ch of s) out += SUPERSCRIPT[ch] ?? ch;
  return out;
}

/** Replaces ASCII hyphen-minus signs with U+2212. */
function typographicMinus(s: string): string {
  return s.replace(/-/g, MINUS);
}

/** Plain decimals are used for |x| in [PLAIN_MIN, PLAIN_MAX); powers of ten outside. */
export const PLAIN_MIN = 1e-3;
export const PLAIN_MAX = 1e4;

function nonFinite(x: number): string | null {
  // typeof guards an out-of-range typed-array read (undefined) slipping past the type system.
  if (typeof x !== 'number' || Number.isNaN(x)) return MISSING;
  if (x === Infinity) return OVERFLOW;
  if (x === -Infinity) return MINUS + OVERFLOW;
  return null;
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** "a × 10ᵇ" from a number known to be finite and non-zero, `digits` significant digits. */
function scientific(x: number, digits: number, keepZeros: boolean): string {
  const [mant = '0', exp = '0'] = x.toExponential(Math.max(0, digits - 1)).split('e');
  const m = keepZeros ? mant : stripZeros(mant);
  return `${typographicMinus(m)} × 10${superscript(String(Number(exp)))}`;
}

/** Fixed decimals that keep `digits` significant digits for |x| < 10^digits. */
function plain(x: number, digits: number): string {
  const mag = Math.floor(Math.log10(Math.abs(x)));
  const decimals = Math.min(20, Math.max(0, digits - 1 - mag));
  return x.toFixed(decimals);
}

/**
 * A value for labels and tooltips: "1.2 × 10⁻⁶" when |x| < 1e-3 or ≥ 1e4, plain decimals between
 * ("0.0012", "12.5"), "0" for ±0, "—" for NaN, "overflow"/"−overflow" for ±Infinity.
 * @param digits significant digits (default 2); trailing zeros are dropped.
 */
export function formatSci(x: number, digits = 2): string {
  const bad = nonFinite(x);
  if (bad !== null) return bad;
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= PLAIN_MIN && a < PLAIN_MAX) {
    const s = stripZeros(plain(x, digits));
    // Rounding can push a value across the boundary (9999.7 → "10000"); fall back to powers of ten.
    if (Math.abs(Number(s)) < PLAIN_MAX) return typographicMinus(s);
  }
  return scientific(x, digits, false);
}

/**
 * Power-of-ten form of a positive ratio, for readouts like ‖dL/dh₁‖/‖dL/dh_T‖:
 * 5e-7 → "10⁻⁶·³" (superscript, default) or "10^−6.3" (`ascii`). One decimal of the exponent;
 * whole decades drop it ("10⁻⁶"). 0 → "0", negative values get a leading "−", NaN → "—",
 * ±Infinity → "overflow". Use {@link formatLog10} when the ratio itself under- or overflows.
 */
export function formatPow10(x: number, ascii = false): string {
  const bad = nonFinite(x);
  if (bad !== null) return bad;
  if (x === 0) return '0';
  const body = formatLog10(Math.log10(Math.abs(x)), ascii);
  return x < 0 ? MINUS + body : body;
}

/**
 * "10ᵉ" from the exponent e = log₁₀(value) directly, so ratios like 10⁻⁴⁰⁰ that a double cannot
 * hold still print: formatLog10(-400.04) → "10⁻⁴⁰⁰". NaN → "—"; e = ±Infinity → "overflow" / "0".
 */
export function formatLog10(e: number, ascii = false): string {
  if (Number.isNaN(e)) return MISSING;
  if (e === Infinity) return OVERFLOW;
  if (e === -Infinity) return '0';
  const rounded = Math.round(e * 10) / 10;
  const text = stripZeros(rounded.toFixed(1));
  const exp = text === '-0' ? '0' : text;
  return ascii ? `10^${typographicMinus(exp)}` : `10${superscript(exp)}`;
}

/**
 * A readout with a fixed number of decimals so tabular digits do not jitter while training
 * (use with the `.num` class, `font-variant-numeric: tabular-nums`). Outside [1e-3, 1e4) it switches
 * to "1.234 × 10⁻⁶" with the same number of decimals in the mantissa. Exact 0 stays "0.000".
 * @param decimals digits after the point (default 3).
 */
export function formatNum(x: number, decimals = 3): string {
  const bad = nonFinite(x);
  if (bad !== null) return bad;
  const a = Math.abs(x);
  if (a === 0) return (0).toFixed(decimals);
  if (a >= PLAIN_MIN && a < PLAIN_MAX) {
    const s = x.toFixed(decimals);
    // -0.0004 rounds to "-0.000"; a signed zero would read as a bug.
    if (Number(s) === 0) return (0).toFixed(decimals);
    if (Math.abs(Number(s)) < PLAIN_MAX) return typographicMinus(s);
  }
  return scientific(x, decimals + 1, true);
}

/** Decade tick label: 1e-6 → "10⁻⁶", 1 → "1", 10 → "10", other values via {@link formatSci}. */
export function formatDecade(x: number): string {
  if (!(x > 0) || !Number.isFinite(x)) return formatSci(x);
  const e = Math.round(Math.log10(x));
  if (Math.abs(x / 10 ** e - 1) > 1e-9) return formatSci(x);
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${superscript(String(e))}`;
}
