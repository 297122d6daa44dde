import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/store/lessons';
import { LESSON_FOCUS, lessonFocus, splitGuidance } from '../../src/store/lessons/focus';
import { PANEL_IDS } from '../../src/store/urlFields';

describe('every lesson names the panels that carry its point', () => {
  it('has an entry for every lesson, and none for a lesson that does not exist', () => {
    const ids = LESSONS.map((l) => l.id).sort();
    expect(Object.keys(LESSON_FOCUS).sort()).toEqual(ids);
  });

  for (const lesson of LESSONS)
    it(`${lesson.id}: one or two distinct panels its page shows`, () => {
      const focus = lessonFocus(lesson.id);
      expect(focus.length).toBeGreaterThanOrEqual(1);
      expect(focus.length).toBeLessThanOrEqual(2);
      expect(new Set(focus).size).toBe(focus.length);
      for (const p of focus) {
        expect(PANEL_IDS).toContain(p);
        expect(p).not.toBe('controls');
        // The backward panel is on the page only in backward mode, and there it is the point.
        expect(p === 'backward').toBe(lesson.view?.mode === 'backward');
      }
    });
});

describe('splitGuidance', () => {
  it('cuts after the first sentence, not inside a number', () => {
    expect(splitGuidance('f near σ(2) ≈ 0.88, and so on. Training drives f to 1.')).toEqual({
      first: 'f near σ(2) ≈ 0.88, and so on.',
      rest: 'Training drives f to 1.',
    });
    expect(splitGuidance('One sentence only.')).toEqual({ first: 'One sentence only.', rest: '' });
  });

  for (const lesson of LESSONS)
    it(`${lesson.id}: a first sentence, and the rest behind More, losing nothing`, () => {
      const { first, rest } = splitGuidance(lesson.guidance);
      expect(first.length).toBeGreaterThan(20);
      expect(rest.length).toBeGreaterThan(20);
      expect(`${first} ${rest}`).toBe(lesson.guidance.trim());
    });
});
