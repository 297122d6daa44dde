/**
 * The prediction half of a lesson-run test: watches the run as the page's tracker does (every
 * evaluation, the first decided answer kept) and checks that the question is decided by the
 * lesson's iterations and that the option the page marks correct is the one the run measured.
 */
import { expect } from 'vitest';
import type { Lesson } from '../../src/store/lessons';
import { decidePrediction, predictionFor } from '../../src/store/lessons/predictions';
import type { Measured, PredictionState } from '../../src/store/lessons/predictions';
import type { Observer } from './harness';

/**
 * The option each lesson's run measures at its seed, as printed by this check: its explanation is
 * written for that answer, so a change to the lesson that moves it must revisit the text. (The page
 * never reads this table: it marks whatever the run measures.)
 */
const AT_SEED: Readonly<Record<string, number>> = {
  vanishing: 2,
  'one-step-back': 2,
  'sgd-vs-adam': 2,
  exploding: 2,
  clipping: 1,
  'clipping-on-off': 0,
  'exploding-max': 2,
  'rho-not-whole-story': 2,
  'linear-rho1': 1,
  irnn: 2,
  'lstm-belt': 0,
  'rnn-vs-lstm': 1,
  'hold-forget': 2,
  gru: 1,
  'temporal-order': 1,
  truncation: 0,
  'attention-one-hop': 0,
  'lru-ring': 1,
  'rglru-gate': 2,
  's6-clock': 2,
  's6-gru-bridge': 1,
  'parallel-scan': 0,
};

export function watchPrediction(lesson: Lesson): {
  observe: Observer;
  check: () => void;
} {
  const p = predictionFor(lesson.id);
  let state: PredictionState | null = null;
  /** What measure() said at the evaluation that decided it (checked against the sticky state). */
  let atDecision: Measured | null = null;
  const observe: Observer = (runs) => {
    if (p === undefined) return;
    const next = decidePrediction(state, lesson.id, p, runs);
    if (next !== null && state === null) atDecision = p.measure(runs[0]!.s, runs[0]!.h, runs);
    state = next;
  };
  const check = () => {
    expect(p, `${lesson.id} has no question`).toBeDefined();
    expect(state, `${lesson.id}: undecided after ${lesson.iterations} iterations`).not.toBeNull();
    const s = state!;
    expect(s.iteration).toBeLessThanOrEqual(lesson.iterations);
    // The option the page marks correct is the one measured on the run when it was decided.
    expect(s.measured).toEqual(atDecision);
    expect(s.measured.option, `${lesson.id}: ${s.measured.detail}`).toBe(AT_SEED[lesson.id]);
    console.log(
      `${lesson.id}: measured option ${s.measured.option} "${p!.options[s.measured.option]}" ` +
        `(${s.measured.detail}; decided at iteration ${s.iteration})`,
    );
  };
  return { observe, check };
}
