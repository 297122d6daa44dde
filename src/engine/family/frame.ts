/**
 * What the snapshot carries for the newer families (each cell's frame.ts builds its own) (lru, rglru, s6, attention) beyond the arrays
 * every cell has: each one's answer to the vanishing gradient, in numbers the panels draw.
 * - `carried`: ∂L/∂state_T carried back to step t by the diagonal step Jacobians alone (|λ| per
 *   LRU mode, a_t per RG-LRU unit, exp(Δ_t·A) per S6 entry), its norm over batch and state. The
 *   Jacobians are exactly diagonal, so when only step T is scored this is ‖∂L/∂state_t‖ itself.
 * - `lambda`: the LRU's eigenvalues now and as set (they are parameters).
 * - `decays`: a histogram of the per-step decays a of the shown sequence over units and time
 *   (RG-LRU a_t, S6 exp(Δ_t·A[d, n])), or over units for the LRU's time-invariant |λ| now, binned
 *   by log₁₀(−ln a).
 * - `A`: S6's A = −exp(A_log) as the trace's pass used it, [H][N] (the belt's clock of one channel).
 * - `alpha`: attention's α of the shown sequence (query × key), pooled when T is long, and the
 *   last query's row unpooled (the belt's arcs).
 */
import { isCut } from '../bptt/options';
import { cellInfo } from '../cells/catalog';
import type { Model } from '../model';
import type { Trace } from '../types';

/** log₁₀ of the per-step decay rate u = −ln a: the histogram's range and bin width. */
export const DECAY_LOG_MIN = -7;
export const DECAY_LOG_MAX = 1;
export const DECAY_BIN = 0.1;
/** Largest side of the α matrix sent; longer sequences are pooled in blocks. */
export const ALPHA_MAX = 200;

export interface DecayHistogram {
  /** Counts per bin of log₁₀ u, u = −ln a, from DECAY_LOG_MIN in steps of DECAY_BIN (ends clamped). */
  counts: Float64Array;
  lo: number;
  step: number;
  total: number;
  /** Share of decays with a ≥ 0.99. */
  above99: number;
  /** Share with a^T ≥ 10⁻³: held at that decay, a value would outlast the whole sequence. */
  holdsT: number;
  /** Median a over units and time. */
  median: number;
}

export interface FamilyFrame {
  carried: Float64Array | null;
  lambda: { re: Float64Array; im: Float64Array; re0: Float64Array; im0: Float64Array } | null;
  decays: DecayHistogram | null;
  A: Float64Array | null;
  /** α of the shown sequence, n × n after pooling `pool` steps per block; `last` = α_{T,t}, [T]. */
  alpha: { n: number; pool: number; values: Float64Array; last: Float64Array } | null;
}

/** Eigenvalues λ = exp(−exp(ν_log) + i·exp(θ_log)) of the LRU, from its parameters. */
export function lruLambda(nu: Float64Array, theta: Float64Array) {
  const H = nu.length;
  const re = new Float64Array(H);
  const im = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const r = Math.exp(-Math.exp(nu[k]!));
    const phi = Math.exp(theta[k]!);
    re[k] = r * Math.cos(phi);
    im[k] = r * Math.sin(phi);
  }
  return { re, im };
}

/**
 * Norm over (b, j) of dL/dstate_T carried back step by step: c_t = decay_{t+1} ⊙ c_{t+1}, cut
 * where TBPTT cuts. `decay(t, b, out)` writes the S factors of step t (state_{t−1} → state_t).
 */
export function carriedNorms(
  tr: Trace,
  truncate: number,
  decay: (t: number, b: number, out: Float64Array) => void,
): Float64Array {
  const { T, B, S } = tr;
  const c = tr.dh.slice((T - 1) * B * S, T * B * S);
  const f = new Float64Array(S);
  const out = new Float64Array(T);
  const norm = () => {
    let s = 0;
    for (const v of c) s += v * v;
    return Math.sqrt(s);
  };
  out[T - 1] = norm();
  for (let t = T - 1; t >= 1; t--) {
    if (isCut(T, truncate, t + 1)) {
      c.fill(0);
    } else {
      for (let b = 0; b < B; b++) {
        decay(t + 1, b, f);
        for (let j = 0; j < S; j++) c[b * S + j] = (c[b * S + j] as number) * (f[j] as number);
      }
    }
    out[t - 1] = norm();
  }
  return out;
}

/** Gate block `name` of trace.gates at (t, b): H values from offset. */
export function gateOffset(tr: Trace, name: string, t: number, b: number): number {
  const names = cellInfo(tr.cell).gates as readonly string[];
  const G = names.length;
  return (((t - 1) * tr.B + b) * G + names.indexOf(name)) * tr.H;
}

export function histogram(
  n: number,
  logU: (emit: (x: number) => void) => void,
  T: number,
): DecayHistogram {
  const bins = Math.round((DECAY_LOG_MAX - DECAY_LOG_MIN) / DECAY_BIN);
  const counts = new Float64Array(bins);
  const all = new Float64Array(n);
  let total = 0;
  let above99 = 0;
  let holds = 0;
  const u99 = Math.log10(-Math.log(0.99));
  const uT = Math.log10(Math.log(1000) / T);
  logU((x) => {
    if (Number.isNaN(x)) return;
    all[total++] = x;
    if (x <= u99) above99++;
    if (x <= uT) holds++;
    const k = Math.min(bins - 1, Math.max(0, Math.floor((x - DECAY_LOG_MIN) / DECAY_BIN)));
    counts[k] = (counts[k] as number) + 1;
  });
  const sorted = all.subarray(0, total).sort();
  const mid = total === 0 ? NaN : (sorted[Math.floor((total - 1) / 2)] as number);
  return {
    counts,
    lo: DECAY_LOG_MIN,
    step: DECAY_BIN,
    total,
    above99: total === 0 ? NaN : above99 / total,
    holdsT: total === 0 ? NaN : holds / total,
    median: Math.exp(-(10 ** mid)),
  };
}

export function attentionFrame(tr: Trace, seq: number): FamilyFrame['alpha'] {
  const a = tr.attention;
  if (a === null || a === undefined) return null;
  const T = tr.T;
  const base = seq * T * T;
  const pool = Math.ceil(T / ALPHA_MAX);
  const n = Math.ceil(T / pool);
  const values = new Float64Array(n * n);
  // Each pooled cell: mean over its queries of the weight they give its keys (rows still sum to 1).
  for (let q = 0; q < T; q++)
    for (let k = 0; k <= q; k++) {
      const cell = Math.floor(q / pool) * n + Math.floor(k / pool);
      const rows = Math.min(pool, T - Math.floor(q / pool) * pool);
      values[cell] = (values[cell] as number) + (a[base + q * T + k] as number) / rows;
    }
  const last = a.slice(base + (T - 1) * T, base + T * T);
  return { n, pool, values, last };
}

/** λ as set: the recurrence's parameters copied when the run (or a weights file) set them. */
export interface FrameStart {
  readonly recurrent: Readonly<Record<string, Float64Array>>;
}

/** The frame with nothing in it; a cell's frame fills what it has. */
export const NO_FRAME: FamilyFrame = {
  carried: null,
  lambda: null,
  decays: null,
  A: null,
  alpha: null,
};

/**
 * A family's frame for sequence `seq` of the latest trace (its folder's frame.ts), listed in
 * cells/frames.ts.
 */
export type CellFrame = (
  model: Model,
  tr: Trace,
  seq: number,
  truncate: number,
  start: FrameStart,
) => FamilyFrame;
