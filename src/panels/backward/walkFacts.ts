/**
 * What the backward panel says about step t of a walk: the numbers behind its readouts, its
 * screen-reader announcement and its data table, all read from the worker's walk (nothing is
 * computed here but powers for the reference curves and a few ratios).
 */
import { formatSci } from '../../charts/format';
import type { BackwardMessage } from '../../worker/protocol';

export interface StepFacts {
  t: number;
  T: number;
  /** ‖∂L/∂h_t‖ of the sequence. */
  norm: number;
  /** LSTM: ‖∂L/∂c_t‖ of the sequence, else null. */
  cellNorm: number | null;
  /** Whether a step back already brought the gradient here (t < T). */
  arrived: boolean;
  /** Attention: no chain, every later position reaches t in one hop. */
  direct: boolean;
  /** The factor of the step t+1 → t: ‖J_{t+1}ᵀu‖/‖u‖ (0 at a cut), NaN at t = T. */
  factor: number;
  /** ‖J_{t+1}‖₂ (NaN until computed, and at t = T). */
  jNorm: number;
  /** True when truncation cut the step t+1 → t. */
  cut: boolean;
  /** LSTM: ‖f_{t+1} ⊙ ∂L/∂c_{t+1}‖/‖∂L/∂c_{t+1}‖, the belt's own factor of that step. */
  beltFactor: number | null;
  /** ‖the loss's own term at t‖ (0 where the loss does not score step t). */
  local: number;
  /** Π of the factors from T down to t. */
  product: number;
  /** ρ^(T−t) and σ_max^(T−t) of the reference block. */
  rhoPow: number;
  sigmaPow: number;
  /** ‖C_t‖_F, step t's term of ∂L/∂W_hh, and ‖Σ_{s=t..T} C_s‖_F. */
  term: number;
  partial: number;
}

/** x^(n) for n ≥ 0 in log space, so 0.5^900 stays exact instead of underflowing early. */
export function power(x: number, n: number): number {
  if (n === 0) return 1;
  if (!(x >= 0)) return NaN;
  if (x === 0) return 0;
  return Math.exp(n * Math.log(x));
}

export function stepFacts(w: BackwardMessage, jNorm: Float64Array | null, t: number): StepFacts {
  const { T } = w;
  const i = t - 1;
  const up = t; // index of step t+1
  const arrived = t < T;
  const term = w.terms[0];
  return {
    t,
    T,
    norm: w.norm[i] ?? NaN,
    cellNorm: w.dc === null ? null : norm(w.dc, i * w.H, w.H),
    arrived,
    direct: w.arcs !== null,
    factor: arrived ? (w.gain[up] ?? NaN) : NaN,
    jNorm: arrived && jNorm !== null ? (jNorm[up] ?? NaN) : NaN,
    cut: arrived && w.cut[up] === 1,
    beltFactor: w.beltGain === null || !arrived ? null : (w.beltGain[up] ?? NaN),
    local: w.local[i] ?? NaN,
    product: w.product[i] ?? NaN,
    rhoPow: power(w.rho, T - t),
    sigmaPow: power(w.sigmaMax, T - t),
    term: term?.norms[i] ?? NaN,
    partial: term?.partial[i] ?? NaN,
  };
}

function norm(x: Float64Array, off: number, n: number): number {
  let m = 0;
  for (let k = off; k < off + n; k++) m = Math.max(m, Math.abs(x[k]!));
  if (m === 0) return 0;
  let s = 0;
  for (let k = off; k < off + n; k++) s += (x[k]! / m) ** 2;
  return m * Math.sqrt(s);
}

/** What a screen reader hears after each move: the step, the norm and the factor. */
export function announce(f: StepFacts, symbol = 'h'): string {
  const head = `Step ${f.t} of ${f.T}. Norm of dL/d${symbol} ${f.t}: ${spoken(f.norm)}.`;
  if (!f.arrived) return `${head} The loss's gradient enters here.`;
  if (f.direct) return `${head} It comes from every later position in one hop, along the arcs.`;
  if (f.cut) return `${head} Truncation cut the step from ${f.t + 1}: nothing was carried back.`;
  const j = Number.isFinite(f.jNorm) ? `, at most ${spoken(f.jNorm)}` : '';
  const own = f.local > 0 ? ` Plus the loss's own term here, norm ${spoken(f.local)}.` : '';
  return `${head} The step from ${f.t + 1} multiplied it by ${spoken(f.factor)}${j}.${own}`;
}

/** formatSci with the typographic minus and × 10 read out in words. */
export function spoken(x: number): string {
  if (Number.isNaN(x)) return 'not known yet';
  return formatSci(x, 3)
    .replace(/\u2212/g, 'minus ')
    .replace(/ × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/, (_, e: string) => ` times 10 to the ${unsuper(e)}`);
}

const SUPER = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function unsuper(e: string): string {
  return [...e].map((c) => (c === '⁻' ? 'minus ' : String(SUPER.indexOf(c)))).join('');
}

/**
 * The largest per-step term at lag ≥ `lag` over the largest term overall (0 when no long-range step
 * got any gradient; null when T ≤ lag or every term is 0).
 */
export function longRange(norms: Float64Array, lag: number): number | null {
  const T = norms.length;
  if (T <= lag) return null;
  let all = 0;
  let far = 0;
  for (let t = 1; t <= T; t++) {
    const v = norms[t - 1]!;
    if (!Number.isFinite(v)) return null;
    all = Math.max(all, v);
    if (T - t >= lag) far = Math.max(far, v);
  }
  return all > 0 ? far / all : null;
}
