/**
 * Opening a lesson, and the lessons before and after one in LESSONS order (the course's order):
 * the lesson picker, the [ and ] keys and the presenter's lesson buttons all go through here.
 */
import type { Bridge } from './bridge';
import { LESSONS, lessonConfig, lessonRuns, type Lesson } from './lessons';

/** Every run replaced by the lesson's, in the mode it opens in (the backward pass, or training). */
export function openLesson(bridge: Bridge, lesson: Lesson): void {
  bridge.replaceConfig(lessonConfig(lesson), lesson.id, lessonRuns(lesson));
  bridge.setBackward(lesson.view?.mode === 'backward');
}

/**
 * The lesson `step` places after (1) or before (−1) the one open; from no lesson, Next opens the
 * first. Undefined past either end (the course does not wrap around: the class would be lost).
 */
export function adjacentLesson(current: string | null, step: 1 | -1): Lesson | undefined {
  const k = current === null ? -1 : LESSONS.findIndex((l) => l.id === current);
  if (k === -1) return step === 1 ? LESSONS[0] : undefined;
  return LESSONS[k + step];
}
