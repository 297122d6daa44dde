/**
 * Seeded pseudo-random numbers: sfc32 seeded through splitmix32. Only 32-bit integer arithmetic
 * (`Math.imul`, shifts), `Math.sqrt` (exact in every engine) and our own log (log.ts) are used, so
 * one seed gives the same sequence in Node and in every browser. Normals use Marsaglia's polar
 * method to avoid `sin`/`cos`, whose last bits differ between JavaScript engines.
 */
import { log } from './log';

export interface Rng {
  /** Uniform on [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform on [a, b). */
  uniform(a: number, b: number): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in 0..n−1. */
  int(n: number): number;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** splitmix32 step, used only to spread a small seed over sfc32's 128-bit state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function createRng(seed: number): Rng {
  const sm = { s: seed >>> 0 };
  let a = splitmix32(sm);
  let b = splitmix32(sm);
  let c = splitmix32(sm);
  let d = splitmix32(sm);
  let spare = 0;
  let hasSpare = false;

  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32's state mixes in after a few rounds.
  for (let k = 0; k < 12; k++) u32();

  const next = (): number => ((u32() >>> 5) * TWO_POW_26 + (u32() >>> 6)) / TWO_POW_53;

  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * log(s)) / s);
      spare = v * m;
      hasSpare = true;
      return u * m;
    },
    int: (n) => Math.floor(next() * n),
  };
}
