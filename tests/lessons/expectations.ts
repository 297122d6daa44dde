/**
 * Shared bodies of the lesson-run tests: train each lesson at its seed (and at two more), every
 * expectation must hold; train it with its cause removed (Lesson.cause), every causal expectation
 * must turn ✘ or stay undecided.
 */
import { expect, it } from 'vitest';
import { findLesson, lessonConfig } from '../../src/store/lessons';
import type { Lesson } from '../../src/store/lessons';
import { runLesson } from './harness';
import { watchPrediction } from './predictionCheck';

function lessonById(id: string): Lesson {
  const lesson = findLesson(id);
  if (lesson === undefined) throw new Error(`no lesson ${id}`);
  return lesson;
}

/**
 * Every expectation holds at every iteration the lesson names, at its seed and at `extraSeeds`
 * further seeds (seed + 1, seed + 2, …): a claim that holds at one seed only is luck.
 */
export function lessonHoldsItsClaims(id: string, timeout = 120_000, extraSeeds = 2): void {
  const own = lessonConfig(lessonById(id)).seed;
  for (let k = 0; k <= extraSeeds; k++) {
    const seed = own + k;
    it(
      `${id}: every expectation holds at ${k === 0 ? "the lesson's seed" : 'seed'} ${seed}, at every iteration it names`,
      () => {
        const lesson = lessonById(id);
        // At the lesson's own seed its question is watched on the same run (trained once).
        const prediction = k === 0 ? watchPrediction(lesson) : null;
        const run = runLesson(
          lesson,
          k === 0 ? { observe: prediction!.observe } : { config: { seed } },
        );
        // Not one iteration may show ✘ …
        expect(run.failures.slice(0, 3), JSON.stringify(run.failures.slice(0, 3))).toEqual([]);
        // … and by the last one every expectation is decided and holds.
        for (const e of lesson.expect) {
          const v = run.final.verdicts[e.id];
          expect(v?.status, `${id}@${seed}/${e.id}: ${v?.detail ?? ''}`).toBe('holds');
        }
        expect(lesson.expect.length).toBeGreaterThanOrEqual(1);
        expect(lesson.expect.length).toBeLessThanOrEqual(3);
        prediction?.check();
      },
      timeout,
    );
  }
}

/**
 * With the lesson's cause removed (cause.change over its config), each causal expectation shows ✘
 * at some iteration or ends undecided; never does it hold throughout. Training stops as soon as
 * every causal expectation has shown ✘. Prints what it removed and what each check measured.
 */
export function lessonNeedsItsCause(id: string, timeout = 120_000): void {
  it(
    `${id}: with its cause removed, its causal expectations turn ✘ or stay undecided`,
    () => {
      const lesson = lessonById(id);
      const { change, says, expectations } = lesson.cause;
      expect(expectations.length).toBeGreaterThanOrEqual(1);
      for (const e of expectations) expect(lesson.expect.map((x) => x.id)).toContain(e);
      const failed = new Map<string, string>();
      const run = runLesson(lesson, {
        config: change,
        until: (state) => {
          for (const e of expectations) {
            const v = state.verdicts[e];
            if (v?.status === 'fails' && !failed.has(e))
              failed.set(e, `✘ at iteration ${state.iteration}: ${v.detail ?? ''}`);
          }
          return failed.size === expectations.length;
        },
      });
      const lines = expectations.map((e) => {
        const v = run.final.verdicts[e];
        return `  ${e}: ${failed.get(e) ?? `${v?.status ?? '—'} at iteration ${run.final.iteration}: ${v?.detail ?? ''}`}`;
      });
      console.log(`${id}: removed ${JSON.stringify(change)} (${says})\n${lines.join('\n')}`);
      for (const e of expectations)
        expect(
          failed.has(e) || run.final.verdicts[e]?.status !== 'holds',
          `${id}/${e} still holds with ${JSON.stringify(change)}: ${run.final.verdicts[e]?.detail ?? ''}`,
        ).toBe(true);
    },
    timeout,
  );
}
