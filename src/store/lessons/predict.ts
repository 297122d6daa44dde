/**
 * Predict, observe, explain: before Play each lesson asks one question that its own run answers
 * (predictions.ts holds them). The answer is never written down: `measure` reads it off the run —
 * the same snapshots, loss history and runs the lesson's expectations read — and the page marks
 * as correct whatever it measures. Tests train every lesson at its seed and compare.
 */
import type { Snapshot } from '../../worker/protocol';
import type { LossHistory } from '../history';
import type { RunState } from './expect';
import { logRelative, pow10Text } from './measures';

/** What the run measured: the option it picks and the figure behind it, in a few words. */
export interface Measured {
  readonly option: number;
  readonly detail: string;
}

export interface Prediction {
  /** The question, asked before Play. */
  readonly prompt: string;
  /** Three or four answers, in the order shown. */
  readonly options: readonly string[];
  /**
   * The option this run picks, or null while the run has not decided it yet. Read once per
   * snapshot (run A's `s` and `h`; `runs` holds every run of a comparison, run A first); the first
   * decided answer of a run is kept (decidePrediction).
   */
  readonly measure: (s: Snapshot, h: LossHistory, runs: readonly RunState[]) => Measured | null;
  /** One or two sentences, revealed once the run has decided. */
  readonly explain: string;
}

/** A run's decided answer to its lesson's question. */
export interface PredictionState {
  readonly lesson: string;
  /** The snapshot's `run` counter: a reset or rebuild asks the run again. */
  readonly run: number;
  /** The furthest iteration any run had reached when it was decided. */
  readonly iteration: number;
  readonly measured: Measured;
}

/**
 * The decided answer after a snapshot: kept once decided for the same lesson and run, else
 * measured afresh (null while undecided). A measure that throws leaves the question undecided.
 */
export function decidePrediction(
  prev: PredictionState | null,
  lesson: string,
  p: Prediction,
  runs: readonly RunState[],
): PredictionState | null {
  const a = runs[0];
  if (a === undefined) return null;
  if (prev !== null && prev.lesson === lesson && prev.run === a.s.run) return prev;
  let m: Measured | null;
  try {
    m = p.measure(a.s, a.h, runs);
  } catch {
    return null;
  }
  if (m === null || !(m.option >= 0 && m.option < p.options.length)) return null;
  return { lesson, run: a.s.run, iteration: reached(runs), measured: m };
}

/** The furthest iteration any run has reached (a run that went non-finite stops early). */
export function reached(runs: readonly RunState[]): number {
  return runs.reduce((m, r) => Math.max(m, r.s.iteration), 0);
}

/**
 * Which of the bands split at `edges` (descending) holds x: 0 when x ≥ edges[0], 1 when
 * edges[0] > x ≥ edges[1], …, edges.length below the last. NaN: null.
 */
export function bandFromTop(x: number, edges: readonly number[]): number | null {
  if (Number.isNaN(x)) return null;
  let k = 0;
  while (k < edges.length && x < (edges[k] as number)) k++;
  return k;
}

/**
 * log₁₀ of how much of the gradient at T reaches step 1 (‖a₁‖/‖a_T‖), −∞ when none does (exactly
 * 0 at step 1), NaN when undefined (no gradient at T, a non-finite value).
 */
export function reachLog(a: Float64Array | null): number {
  if (a === null || a.length === 0) return NaN;
  const first = a[0] as number;
  const last = a[a.length - 1] as number;
  if (first === 0 && last > 0 && Number.isFinite(last)) return -Infinity;
  return logRelative(a)[0] ?? NaN;
}

/** "10^−5.9 at t = 1" (or "0 at t = 1") for a reachLog value. */
export const reachText = (r: number) =>
  r === -Infinity ? 'exactly 0 at t = 1' : `${pow10Text(r)} at t = 1`;

/** The four decades a student can tell apart on the log axis: 10⁰, 10⁻³, 10⁻⁶, 10⁻¹². */
export const DECADES = ['about 10⁰', 'about 10⁻³', 'about 10⁻⁶', 'about 10⁻¹² or less'] as const;
/** Nearest of DECADES on the log axis (the edges lie halfway between them). */
export const decadeBand = (r: number) => bandFromTop(r, [-1.5, -4.5, -9]);
