/**
 * Natural logarithm by fdlibm's e_log.c (the algorithm behind V8's Math.log), in TypeScript: plain
 * arithmetic on the double's bits, so every JavaScript engine and every JIT tier gives the same
 * result. Math.log does not: Chromium 156 and Node 20 disagree in the last place for some inputs,
 * and a last-place difference in the loss gradient makes a shared link's run part ways after a few
 * hundred steps. tests/engine/log.test.ts checks it against Math.log.
 */

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const TWO54 = 18014398509481984;
// fdlibm's coefficients, written as the doubles they round to.
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

const view = new DataView(new ArrayBuffer(8));

export function log(x: number): number {
  view.setFloat64(0, x);
  let hx = view.getInt32(0);
  const lx = view.getUint32(4);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^−1022: zero, negative, or subnormal (scaled up by 2^54).
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    view.setFloat64(0, x);
    hx = view.getInt32(0);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  // Normalize x or x/2 into [√2/2, √2).
  view.setInt32(0, hx | (i0 ^ 0x3ff00000));
  x = view.getFloat64(0);
  k += i0 >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^−20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0
      ? f - (hfsq - s * (hfsq + R))
      : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}
