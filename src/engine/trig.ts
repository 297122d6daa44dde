/**
 * sin and cos by fdlibm (k_sin.c, k_cos.c and the first two stages of e_rem_pio2.c), in
 * TypeScript for the same reason as exp.ts and log.ts: Math.sin and Math.cos are not specified to
 * the last place, JavaScript engines differ there, and the LRU's eigenvalue phases and attention's
 * positional encoding would then make a shared link's run part ways. Arguments beyond
 * 2^19·π ≈ 1.6e6 (fdlibm's Payne–Hanek range, not ported) go to Math; the engine never produces
 * them (the LRU's phase is ≤ 2π at init, positions stay ≤ 1000). tests/engine/trig.test.ts checks
 * both against Math to ≤ 1 ulp.
 */

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;

/** High words of n·π/2, n = 1..32: where x is not this close to n·π/2 one stage suffices. */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

const view = new DataView(new ArrayBuffer(8));
function high(x: number): number {
  view.setFloat64(0, x);
  return view.getInt32(0);
}
function withHigh(hi: number): number {
  view.setInt32(0, hi);
  view.setInt32(4, 0);
  return view.getFloat64(0);
}

function kSin(x: number, y: number, iy: boolean): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!iy) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

function kCos(x: number, y: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : withHigh(ix - 0x00200000);
  const hz = 0.5 * z - qx;
  return 1 - qx - (hz - (z * r - x * y));
}

/** Reduction result: x = n·π/2 + (y0 + y1). */
const red = { y0: 0, y1: 0 };

/** fdlibm's __ieee754_rem_pio2 for π/4 < |x| ≤ 2^19·π; returns n. */
function remPio2(x: number, hx: number): number {
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1, with a second stage when x is this close to π/2.
    const s = hx > 0 ? 1 : -1;
    let z = x - s * PIO2_1;
    if (ix !== 0x3ff921fb) {
      red.y0 = z - s * PIO2_1T;
      red.y1 = z - red.y0 - s * PIO2_1T;
    } else {
      z -= s * PIO2_2;
      red.y0 = z - s * PIO2_2T;
      red.y1 = z - red.y0 - s * PIO2_2T;
    }
    return s;
  }
  const t = Math.abs(x);
  const n = Math.trunc(t * INV_PIO2 + 0.5);
  const fn = n;
  let r = t - fn * PIO2_1;
  let w = fn * PIO2_1T;
  let y0 = r - w;
  if (!(n < 32 && ix !== NPIO2_HW[n - 1])) {
    const j = ix >> 20;
    let i = j - ((high(y0) >> 20) & 0x7ff);
    if (i > 16) {
      let u = r;
      w = fn * PIO2_2;
      r = u - w;
      w = fn * PIO2_2T - (u - r - w);
      y0 = r - w;
      i = j - ((high(y0) >> 20) & 0x7ff);
      if (i > 49) {
        u = r;
        w = fn * PIO2_3;
        r = u - w;
        w = fn * PIO2_3T - (u - r - w);
        y0 = r - w;
      }
    }
  }
  const y1 = r - y0 - w;
  if (hx < 0) {
    red.y0 = -y0;
    red.y1 = -y1;
    return -n;
  }
  red.y0 = y0;
  red.y1 = y1;
  return n;
}

const MEDIUM = 0x413921fb;

export function sin(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return ix < 0x3e400000 ? x : kSin(x, 0, false);
  if (ix > MEDIUM) return Math.sin(x);
  const n = remPio2(x, hx) & 3;
  const { y0, y1 } = red;
  if (n === 0) return kSin(y0, y1, true);
  if (n === 1) return kCos(y0, y1);
  if (n === 2) return -kSin(y0, y1, true);
  return -kCos(y0, y1);
}

export function cos(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kCos(x, 0);
  if (ix > MEDIUM) return Math.cos(x);
  const n = remPio2(x, hx) & 3;
  const { y0, y1 } = red;
  if (n === 0) return kCos(y0, y1);
  if (n === 1) return -kSin(y0, y1, true);
  if (n === 2) return -kCos(y0, y1);
  return kSin(y0, y1, true);
}
