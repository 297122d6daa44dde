/**
 * Trains a lesson at its own seed in Node, exactly as the page would (the same trainer, snapshots
 * and loss history), and evaluates its expectations after every iteration.
 */
import { appendLoss, EMPTY_LOSS } from '../../src/store/history';
import type { LossHistory } from '../../src/store/history';
import { evaluateExpectations, lessonConfig } from '../../src/store/lessons';
import type { ExpectState, Lesson, RunState, Verdict } from '../../src/store/lessons';
import type { TrainConfig } from '../../src/worker/config';
import type { Snapshot } from '../../src/worker/protocol';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import { runCompareLesson } from './compareHarness';

export interface LessonRun {
  /** Verdicts after the last iteration. */
  final: ExpectState;
  /** Every (iteration, id, verdict) that failed along the way. */
  failures: { iteration: number; id: string; verdict: Verdict }[];
  /** Iteration at which training diverged, or null. */
  diverged: number | null;
  last: Snapshot;
  history: LossHistory;
}

/** Called with every run (run A first) after each evaluation, as the page's bridge sees them. */
export type Observer = (runs: readonly RunState[]) => void;

export function runLesson(
  lesson: Lesson,
  opts: {
    iterations?: number;
    every?: number;
    config?: Partial<TrainConfig>;
    /** Sees every run's snapshot and history each time the expectations are evaluated. */
    observe?: Observer;
    /** Stop early once this holds of the verdicts (a counterfactual decided before its end). */
    until?: (state: ExpectState) => boolean;
  } = {},
): LessonRun {
  const n = opts.iterations ?? lesson.iterations;
  if (lesson.compare !== undefined)
    return runCompareLesson(lesson, n, opts.config, opts.until, opts.observe);
  const every = opts.every ?? 1;
  const trainer = createTrainer({ ...lessonConfig(lesson), ...opts.config });
  // A clock that never advances: the throttled analyses (current spectrum, step Jacobians) keep
  // their first values, since a step-Jacobian pass costs 25× a training step here. No expectation
  // reads them; ρ₀, σ_max,0 and the powers (snapshot.start) are recomputed at every setting.
  const snap = createSnapshotter(() => 0);
  let history = EMPTY_LOSS;
  let state: ExpectState | null = null;
  let last!: Snapshot;
  const failures: LessonRun['failures'] = [];
  let diverged: number | null = null;
  const look = () => {
    last = snap.build(
      trainer,
      { seq: 0, gate: 0 },
      {
        running: true,
        stepsPerSecond: 0,
        force: false,
        acked: 0,
      },
    ).msg;
    history = appendLoss(history, last);
    state = evaluateExpectations(state, lesson, last, history);
    opts.observe?.([{ s: last, h: history, diverged }]);
    for (const [id, v] of Object.entries(state.verdicts))
      if (v.status === 'fails') failures.push({ iteration: last.iteration, id, verdict: v });
  };
  look();
  for (let k = 1; k <= n && opts.until?.(state!) !== true; k++) {
    if (!trainer.step().ok) {
      diverged = k;
      look();
      break;
    }
    if (k % every === 0 || k === n) look();
  }
  return { final: state!, failures, diverged, last, history };
}
