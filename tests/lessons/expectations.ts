/**
 * Shared body of the lesson-run tests: train each lesson at its seed, every expectation must hold,
 * and its question (predictions.ts) must be decided by then.
 */
import { expect, it } from 'vitest';
import { findLesson } from '../../src/store/lessons';
import { runLesson } from './harness';
import { watchPrediction } from './predictionCheck';

export function lessonHoldsItsClaims(id: string, timeout = 120_000): void {
  it(
    `${id}: every expectation holds at the lesson's seed, at every iteration it names`,
    () => {
      const lesson = findLesson(id);
      if (lesson === undefined) throw new Error(`no lesson ${id}`);
      // The lesson's question is watched on the same run (training each lesson once).
      const prediction = watchPrediction(lesson);
      const run = runLesson(lesson, { observe: prediction.observe });
      // Not one iteration may show ✘ …
      expect(run.failures.slice(0, 3), JSON.stringify(run.failures.slice(0, 3))).toEqual([]);
      // … and by the last one every expectation is decided and holds.
      for (const e of lesson.expect) {
        const v = run.final.verdicts[e.id];
        expect(v?.status, `${id}/${e.id}: ${v?.detail ?? ''}`).toBe('holds');
      }
      expect(lesson.expect.length).toBeGreaterThanOrEqual(1);
      expect(lesson.expect.length).toBeLessThanOrEqual(3);
      prediction.check();
    },
    timeout,
  );
}
