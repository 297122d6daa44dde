/**
 * The lessons as a course, in the order of the story: the tanh RNN's gradient problem and its
 * first repairs, the gated cells, then the families after the GRU. Every lesson is in it once
 * (tests/store/course.test.ts); Previous and Next walk this order.
 */
import type { TrainConfig } from '../../worker/config';
import { findLesson, lessonConfig, lessonRuns, LESSONS } from './index';
import type { Lesson } from './lesson';

export interface Chapter {
  readonly title: string;
  readonly lessons: readonly string[];
}

export const COURSE: readonly Chapter[] = [
  {
    title: 'The RNN',
    lessons: [
      'vanishing',
      'one-step-back',
      'sgd-vs-adam',
      'exploding',
      'clipping',
      'clipping-on-off',
      'exploding-max',
      'rho-not-whole-story',
      'linear-rho1',
      'irnn',
    ],
  },
  {
    title: 'Gates',
    lessons: ['lstm-belt', 'rnn-vs-lstm', 'hold-forget', 'gru', 'temporal-order', 'truncation'],
  },
  {
    title: 'After the GRU',
    lessons: [
      'attention-one-hop',
      'lru-ring',
      'rglru-gate',
      's6-clock',
      's6-gru-bridge',
      'parallel-scan',
    ],
  },
];

/** The course's lessons in order (a lesson missing from COURSE follows at the end). */
export const COURSE_ORDER: readonly Lesson[] = (() => {
  const listed = COURSE.flatMap((c) => c.lessons)
    .map((id) => findLesson(id))
    .filter((l): l is Lesson => l !== undefined);
  return [...listed, ...LESSONS.filter((l) => !listed.includes(l))];
})();

/** Where a lesson stands in the course: its index (0-based) and chapter, or null. */
export function coursePlace(id: string | null): { index: number; chapter: string } | null {
  const index = COURSE_ORDER.findIndex((l) => l.id === id);
  if (index < 0) return null;
  const chapter = COURSE.find((c) => c.lessons.includes(id as string))?.title ?? 'More';
  return { index, chapter };
}

/**
 * The lesson `offset` steps from `current` in the course (null past either end). With no lesson
 * open, Next starts the course and Previous does nothing.
 */
export function courseNeighbour(current: string | null, offset: number): Lesson | null {
  const place = coursePlace(current);
  const at = place === null ? (offset > 0 ? offset - 1 : -1) : place.index + offset;
  return COURSE_ORDER[at] ?? null;
}

/** The part of the bridge that opens a lesson (store/bridge.ts). */
export interface LessonOpener {
  replaceConfig(config: TrainConfig, lesson: string | null, compare?: readonly TrainConfig[]): void;
  setBackward(on: boolean): void;
  setScan(on: boolean): void;
}

/** Opens a lesson: its config and runs, in the mode it opens in (training, backward or scan). */
export function openLesson(bridge: LessonOpener, l: Lesson): void {
  bridge.replaceConfig(lessonConfig(l), l.id, lessonRuns(l));
  const mode = l.view?.mode;
  if (mode === 'scan') bridge.setScan(true);
  else bridge.setBackward(mode === 'backward');
}

/**
 * Moves `offset` lessons along the course (+1 next, −1 previous); false when there is none there.
 * For keyboard shortcuts: `goToLesson(bridge, store.getState().lesson, 1)`.
 */
export function goToLesson(bridge: LessonOpener, current: string | null, offset: number): boolean {
  const l = courseNeighbour(current, offset);
  if (l === null) return false;
  openLesson(bridge, l);
  return true;
}
