/**
 * Lesson presets: one click (or `?lesson=<id>`) sets everything, starting from DEFAULT_CONFIG.
 * Guidance is exactly two sentences: what is going on, and what to try. What you should see is
 * stated as expectations (expect.ts), checked live on the page and, at the lesson's seed for the
 * iterations it names, by tests/lessons/*.test.ts. Facts follow the papers the text names.
 */
import { DEFAULT_CONFIG } from '../../worker/config';
import type { TrainConfig } from '../../worker/config';
import { ONE_STEP_BACK } from './backward';
import { ATTENTION_HOP, LRU_RING, RGLRU_GATE, S6_BRIDGE, S6_CLOCK } from './families';
import { GRU, HOLD_FORGET, LSTM_BELT, TEMPORAL_ORDER } from './gated';
import type { Lesson } from './lesson';
import { IRNN, LINEAR_RHO1, TRUNCATION } from './memory';
import { BLOW_UP, CLIPPING, EXPLODING, RHO_NOT_WHOLE_STORY, VANISHING } from './rnn';
import { CLIPPING_ON_OFF, RNN_VS_LSTM, SGD_VS_ADAM } from './compare';
import { PARALLEL_SCAN } from './scan';

export type { Lesson } from './lesson';
export type { ExpectState, ExpectStatus, Expectation, RunState, Verdict } from './expect';
export { evaluateExpectations } from './expect';

/**
 * In the order of a course: the problem, its causes, the gated cures, the newer families' answers
 * (attention, LRU, RG-LRU, S6, the bridge back to the GRU), then the edge cases.
 */
export const LESSONS: readonly Lesson[] = [
  VANISHING,
  ONE_STEP_BACK,
  SGD_VS_ADAM,
  EXPLODING,
  CLIPPING,
  CLIPPING_ON_OFF,
  LINEAR_RHO1,
  RHO_NOT_WHOLE_STORY,
  LSTM_BELT,
  RNN_VS_LSTM,
  HOLD_FORGET,
  GRU,
  TEMPORAL_ORDER,
  IRNN,
  ATTENTION_HOP,
  LRU_RING,
  RGLRU_GATE,
  S6_CLOCK,
  S6_BRIDGE,
  PARALLEL_SCAN,
  TRUNCATION,
  BLOW_UP,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The full config a lesson sets: DEFAULT_CONFIG with the lesson's values over it. */
export function lessonConfig(lesson: Lesson): TrainConfig {
  return { ...DEFAULT_CONFIG, ...lesson.config };
}

/**
 * The runs a comparison lesson sets beside run A (`base`, by default the lesson's own config): each
 * is run A with the lesson's changes over it; [] for a lesson of one run.
 */
export function lessonRuns(
  lesson: Lesson,
  base: TrainConfig = lessonConfig(lesson),
): TrainConfig[] {
  return (lesson.compare ?? []).map((p) => ({
    ...base,
    ...p,
    task: base.task,
    T: base.T,
    batch: base.batch,
    seed: base.seed,
  }));
}
