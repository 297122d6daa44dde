/**
 * The lessons before and after one, for the [ and ] keys: the course's order (lessons/course.ts),
 * the same walk as the header's Previous and Next buttons. Opening a lesson is course.ts's
 * openLesson, shared by the lesson picker, the keys and the course buttons.
 */
import { courseNeighbour } from './lessons/course';
import type { Lesson } from './lessons';

export { openLesson } from './lessons/course';

/**
 * The lesson `step` places after (1) or before (−1) the one open in the course; from no lesson,
 * Next opens the first. Undefined past either end (the course does not wrap around: the class
 * would be lost).
 */
export function adjacentLesson(current: string | null, step: 1 | -1): Lesson | undefined {
  return courseNeighbour(current, step) ?? undefined;
}
