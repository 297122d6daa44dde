/**
 * What the snapshot says about W_hh as it was set (trainer.start): each gate block's ρ₀ and
 * σ_max,0, and for the single-block cells the norms of its powers ‖W₀^k‖₂, the curve that shows a
 * non-normal matrix growing before it decays. Computed once per setting (not per iteration): a
 * frozen or freshly built W_hh is the one the ρ₀^(T−t) reference and the lessons talk about.
 */
import { largestSingularValue } from '../../engine/spectralNorm';
import { spectralRadius } from '../../engine/spectrum';
import type { WhhStart } from '../trainer';

/** Most powers computed: enough to show a transient, cheap at H = 128 (one H³ product each). */
export const MAX_POWERS = 64;

export interface StartInfo {
  /** Iteration at which W_hh was set. */
  iteration: number;
  /** Spectral radius and largest singular value of each gate block, as set. */
  rho: number[];
  sigmaMax: number[];
  /** ‖W₀^k‖₂ for k = 1..K, K = min(T − 1, MAX_POWERS), single-block cells only; else null. */
  powers: Float64Array | null;
}

/**
 * ‖W^k‖₂ for k = 1..K of an H×H matrix. Each power is rescaled by its largest entry as it goes
 * (the scale kept as a logarithm), so ρ = 2 over 64 steps neither overflows nor underflows.
 */
export function powerNorms(W: Float64Array, H: number, K: number): Float64Array {
  const out = new Float64Array(K);
  let P = W.slice();
  let logScale = 0;
  const next = new Float64Array(H * H);
  for (let k = 1; k <= K; k++) {
    out[k - 1] = Math.exp(Math.log(largestSingularValue(P, H, H)) + logScale);
    if (k === K) break;
    next.fill(0);
    for (let i = 0; i < H; i++)
      for (let m = 0; m < H; m++) {
        const p = P[i * H + m] as number;
        if (p === 0) continue;
        for (let j = 0; j < H; j++)
          next[i * H + j] = (next[i * H + j] as number) + p * (W[m * H + j] as number);
      }
    let mx = 0;
    for (let q = 0; q < next.length; q++) mx = Math.max(mx, Math.abs(next[q] as number));
    if (!(mx > 0) || !Number.isFinite(mx)) {
      // W is nilpotent (or non-finite): every later power is the same.
      out.fill(mx === 0 ? 0 : NaN, k);
      break;
    }
    P = next.map((v) => v / mx);
    logScale += Math.log(mx);
  }
  return out;
}

/**
 * Start figures of one setting, from its copy of W_hh ([G·H][H]; G from its length) and the ρ's
 * it already knows. Cells without a W_hh get empty lists.
 */
export function startInfo(s: WhhStart, H: number, T: number): StartInfo {
  const rho: number[] = [];
  const sigmaMax: number[] = [];
  if (s.whh === null) return { iteration: s.iteration, rho, sigmaMax, powers: null };
  const G = Math.floor(s.whh.length / (H * H));
  for (let g = 0; g < G; g++) {
    const block = s.whh.subarray(g * H * H, (g + 1) * H * H);
    rho.push(s.rho?.[g] ?? spectralRadius(block.slice(), H));
    sigmaMax.push(largestSingularValue(block, H, H));
  }
  const K = Math.min(Math.max(T - 1, 1), MAX_POWERS);
  return {
    iteration: s.iteration,
    rho,
    sigmaMax,
    powers: G === 1 ? powerNorms(s.whh.slice(0, H * H), H, K) : null,
  };
}

/** x·f^k without overflowing or underflowing on the way (f^k alone may, where the product does not). */
function timesPower(x: number, f: number, k: number): number {
  if (x === 0 || f === 0) return 0;
  const p = f ** k;
  if (p > 0 && Number.isFinite(p) && Number.isFinite(x * p)) return x * p;
  return Math.sign(x) * Math.exp(Math.log(Math.abs(x)) + k * Math.log(f));
}

/**
 * The figures of a setting that only the ρ slider made from `prev`'s W_hh, each gate block g
 * multiplied by factors[g] ≥ 0: ρ and σ_max scale by the factor and ‖W^k‖ by its k-th power, so a
 * slider move needs none of startInfo's K matrix products and SVDs (at H = 64 these took ~90 ms
 * of a move's CPU, at H = 128 ~600 ms). `st.rho` (exact, from the rescale) is used when known.
 */
export function scaleStart(
  prev: StartInfo,
  factors: readonly number[],
  st: Pick<WhhStart, 'iteration' | 'rho'>,
): StartInfo {
  const f = (g: number) => factors[g] ?? 1;
  return {
    iteration: st.iteration,
    rho: prev.rho.map((r, g) => st.rho?.[g] ?? r * f(g)),
    sigmaMax: prev.sigmaMax.map((s, g) => s * f(g)),
    powers: prev.powers === null ? null : prev.powers.map((p, k) => timesPower(p, f(0), k + 1)),
  };
}
