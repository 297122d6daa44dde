/**
 * Trains a comparison lesson's runs side by side at the lesson's seed in Node, one step each per
 * iteration as the page's session does (a run that goes non-finite stops, the others go on), and
 * evaluates its expectations after every iteration with every run's snapshot and history.
 */
import { appendLoss, EMPTY_LOSS } from '../../src/store/history';
import type { LossHistory } from '../../src/store/history';
import { evaluateExpectations, lessonConfig, lessonRuns } from '../../src/store/lessons';
import type { ExpectState, Lesson, RunState } from '../../src/store/lessons';
import type { TrainConfig } from '../../src/worker/config';
import type { Snapshot } from '../../src/worker/protocol';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import type { LessonRun, Observer } from './harness';

export function runCompareLesson(
  lesson: Lesson,
  n = lesson.iterations,
  change: Partial<TrainConfig> = {},
  until?: (state: ExpectState) => boolean,
  observe?: Observer,
): LessonRun {
  const base = { ...lessonConfig(lesson), ...change };
  const configs = [base, ...lessonRuns(lesson, base)];
  const runs = configs.map((c, runId) => ({
    trainer: createTrainer(c),
    // A clock that never advances, as in harness.ts: throttled analyses keep their first values.
    snap: createSnapshotter(() => 0),
    runId,
    history: EMPTY_LOSS as LossHistory,
    last: null as Snapshot | null,
    diverged: null as number | null,
  }));
  let state: ExpectState | null = null;
  const failures: LessonRun['failures'] = [];
  const look = () => {
    for (const r of runs) {
      r.last = r.snap.build(
        r.trainer,
        { seq: 0, gate: 0, detail: r.runId === 0 ? 'full' : 'light' },
        { running: true, stepsPerSecond: 0, force: false, acked: 0, runId: r.runId },
      ).msg;
      r.history = appendLoss(r.history, r.last);
    }
    const states: RunState[] = runs.map((r) => ({
      s: r.last!,
      h: r.history,
      diverged: r.diverged,
    }));
    state = evaluateExpectations(state, lesson, runs[0]!.last!, runs[0]!.history, states);
    observe?.(states);
    for (const [id, v] of Object.entries(state.verdicts))
      if (v.status === 'fails')
        failures.push({ iteration: runs[0]!.last!.iteration, id, verdict: v });
  };
  look();
  for (let k = 1; k <= n && until?.(state!) !== true; k++) {
    for (const r of runs) if (r.diverged === null && !r.trainer.step().ok) r.diverged = k;
    look();
  }
  const a = runs[0]!;
  return { final: state!, failures, diverged: a.diverged, last: a.last!, history: a.history };
}
