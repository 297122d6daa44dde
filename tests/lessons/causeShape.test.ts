import { describe, expect, it } from 'vitest';
import { LESSONS, lessonConfig } from '../../src/store/lessons';

describe('every lesson names its cause', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('%s', (_id, lesson) => {
    const { change, says, expectations } = lesson.cause;
    expect(says.length).toBeGreaterThan(10);
    expect(expectations.length).toBeGreaterThanOrEqual(1);
    const ids = lesson.expect.map((e) => e.id);
    for (const e of expectations) expect(ids).toContain(e);
    // The change must change something: a cause equal to the lesson's own setting removes nothing.
    const config = lessonConfig(lesson);
    const changed = Object.entries(change).filter(
      ([k, v]) => config[k as keyof typeof config] !== v,
    );
    expect(changed.length).toBeGreaterThanOrEqual(1);
  });
});
