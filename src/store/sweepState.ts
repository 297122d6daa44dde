/**
 * The sequence-length sweep as the page keeps it: which sweep is current, and its points per run as
 * they arrive (worker/sweep.ts computes them). Replaced, never mutated.
 */
import type { TrainConfig } from '../worker/config';
import type { SweepPointMessage } from '../worker/protocol';

export interface SweepState {
  /** Id of the current sweep (0 = none yet); answers of older sweeps are dropped. */
  readonly id: number;
  readonly status: 'idle' | 'running' | 'done' | 'cancelled';
  readonly from: 'init' | 'current';
  /** Iterations trained per T for the trained loss (0 = ratio only). */
  readonly budget: number;
  readonly grid: readonly number[];
  /** The runs' configs when the sweep started (the panel labels the curves with them). */
  readonly configs: readonly TrainConfig[];
  /** Points per run, in the order they arrived (grid order). */
  readonly points: readonly (readonly SweepPointMessage[])[];
  /** Runs whose sweep has not finished. */
  readonly left: number;
}

export const EMPTY_SWEEP: SweepState = {
  id: 0,
  status: 'idle',
  from: 'init',
  budget: 0,
  grid: [],
  configs: [],
  points: [],
  left: 0,
};

export function addSweepPoint(s: SweepState, p: SweepPointMessage): SweepState {
  if (p.id !== s.id || s.status !== 'running') return s;
  const points = s.points.map((pts, r) => (r === p.runId ? [...pts, p] : pts));
  return { ...s, points };
}

export function sweepRunDone(s: SweepState, id: number, cancelled: boolean): SweepState {
  if (id !== s.id || s.status !== 'running') return s;
  if (cancelled) return { ...s, status: 'cancelled', left: 0 };
  const left = s.left - 1;
  return { ...s, left, status: left <= 0 ? 'done' : 'running' };
}
