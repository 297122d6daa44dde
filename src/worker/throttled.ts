/**
 * A costly value derived from the trainer (a spectrum, step-Jacobian norms), recomputed only when
 * its inputs changed (its key) and on a time budget: at most once per `minGapMs`, and, scaled by how
 * long it took last time, never more than 1/BUDGET_FACTOR of the wall time between two runs, so an
 * eigen-decomposition at H = 128 cannot eat the training time.
 */

/** A forced update still skips a value whose last computation took longer than this (see `slow`). */
const FORCE_CAP_MS = 100;
/** A recomputation may take at most 1/BUDGET_FACTOR of the wall time between two of them. */
const BUDGET_FACTOR = 5;

export interface Urgency {
  /** Recompute now regardless of the time budget (paused, single step)... */
  force: boolean;
  /** ...even when the last computation took longer than FORCE_CAP_MS. */
  forceSlow?: boolean;
}

export interface Throttled<T> {
  /** The latest value, or null before the first computation (or after `invalidate`). */
  readonly value: T | null;
  /** The key `value` belongs to ('' = none). */
  readonly key: string;
  /** The trainer's iteration when `value` was computed. */
  readonly iteration: number;
  /**
   * Brings the value up to `key` with `compute` when the budget (or `urgency`) allows; returns true
   * when the value stays out of date (skipped for time). The first computation is never skipped.
   */
  update(key: string, iteration: number, compute: () => T, urgency: Urgency): boolean;
  /** Takes a value derived cheaply from the previous one (not timed, not throttled). */
  set(key: string, iteration: number, value: T): void;
  /** Forgets the value and its cost (after a rebuild). */
  invalidate(): void;
}

export function createThrottled<T>(now: () => number, minGapMs: number): Throttled<T> {
  let value: T | null = null;
  let key = '';
  let iteration = 0;
  let at = -Infinity;
  let cost = 0;
  return {
    get value() {
      return value;
    },
    get key() {
      return key;
    },
    get iteration() {
      return iteration;
    },
    update(k, it, compute, urgency) {
      if (k === key) return false;
      const t0 = now();
      const forced = urgency.force && (urgency.forceSlow === true || cost <= FORCE_CAP_MS);
      const due = t0 - at >= Math.max(minGapMs, BUDGET_FACTOR * cost);
      if (!forced && key !== '' && !due) return true;
      value = compute();
      key = k;
      iteration = it;
      at = now();
      cost = at - t0;
      return false;
    },
    set(k, it, v) {
      value = v;
      key = k;
      iteration = it;
    },
    invalidate() {
      value = null;
      key = '';
      cost = 0;
    },
  };
}
