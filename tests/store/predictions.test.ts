/** Every lesson asks one question, the run decides it once, and the course holds every lesson. */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/store/lessons';
import type { RunState } from '../../src/store/lessons';
import { bandFromTop, decidePrediction, reachLog } from '../../src/store/lessons/predict';
import type { Prediction } from '../../src/store/lessons/predict';
import { PREDICTIONS, predictionFor } from '../../src/store/lessons/predictions';
import { COURSE, COURSE_ORDER, courseNeighbour, goToLesson } from '../../src/store/lessons/course';
import { EMPTY_LOSS } from '../../src/store/history';
import type { Snapshot } from '../../src/worker/protocol';

/** A snapshot with only what the measures below read. */
const snap = (over: Partial<Snapshot>): Snapshot =>
  ({
    run: 1,
    iteration: 0,
    chanceLoss: 1 / 6,
    dhNorm: new Float64Array([1, 1]),
    ...over,
  }) as Snapshot;
const one = (s: Snapshot): RunState[] => [{ s, h: EMPTY_LOSS, diverged: null }];

describe('the lessons’ questions', () => {
  it('every lesson has one: a prompt, 3–4 distinct options, an explanation of 1–2 sentences', () => {
    for (const l of LESSONS) {
      const p = predictionFor(l.id);
      expect(p, l.id).toBeDefined();
      expect(p!.prompt.length, l.id).toBeGreaterThan(20);
      expect(p!.options.length, l.id).toBeGreaterThanOrEqual(3);
      expect(p!.options.length, l.id).toBeLessThanOrEqual(4);
      expect(new Set(p!.options).size, l.id).toBe(p!.options.length);
      const sentences = p!.explain.split(/(?<=[.!?])\s+(?=[A-ZΠσρ‖])/).length;
      expect(sentences, `${l.id}: ${p!.explain}`).toBeLessThanOrEqual(2);
    }
    // …and no question for a lesson that does not exist.
    expect(Object.keys(PREDICTIONS).sort()).toEqual(LESSONS.map((l) => l.id).sort());
    expect(predictionFor('constructor')).toBeUndefined();
  });

  it('the answer follows the run: the vanishing question reads the snapshot’s own gradient', () => {
    const p = PREDICTIONS.vanishing!;
    const at = (ratio: number, iteration = 300) =>
      p.measure(snap({ iteration, dhNorm: new Float64Array([ratio, 0.5, 1]) }), EMPTY_LOSS, []);
    expect(at(0.3, 299)).toBeNull(); // not decided before iteration 300
    expect(at(0.3)?.option).toBe(0);
    expect(at(2e-3)?.option).toBe(1);
    expect(at(1e-6)?.option).toBe(2);
    expect(at(1e-13)?.option).toBe(3);
    expect(at(0)?.option).toBe(3); // exactly zero at step 1: nothing arrives
    expect(at(1e-6)?.detail).toBe('10^−6.0 at t = 1');
  });

  it('decidePrediction keeps a run’s first answer, asks a new run again, survives a throwing measure', () => {
    let value = 0;
    const p: Prediction = {
      prompt: 'a test question',
      options: ['a', 'b', 'c'],
      measure: (s) => (s.iteration < 5 ? null : { option: value, detail: `${value}` }),
      explain: 'Because.',
    };
    expect(decidePrediction(null, 'x', p, one(snap({ iteration: 4 })))).toBeNull();
    const d = decidePrediction(null, 'x', p, one(snap({ iteration: 5 })));
    expect(d).toMatchObject({ lesson: 'x', run: 1, iteration: 5, measured: { option: 0 } });
    value = 2;
    expect(decidePrediction(d, 'x', p, one(snap({ iteration: 9 })))).toBe(d);
    // A reset (a new run counter) or another lesson measures afresh.
    expect(decidePrediction(d, 'x', p, one(snap({ run: 2, iteration: 9 })))?.measured.option).toBe(
      2,
    );
    expect(decidePrediction(d, 'y', p, one(snap({ iteration: 9 })))?.measured.option).toBe(2);
    value = 7; // out of range: not an answer
    expect(decidePrediction(null, 'x', p, one(snap({ iteration: 9 })))).toBeNull();
    const bad: Prediction = {
      ...p,
      measure: () => {
        throw new Error('boom');
      },
    };
    expect(decidePrediction(null, 'x', bad, one(snap({ iteration: 9 })))).toBeNull();
    expect(decidePrediction(null, 'x', p, [])).toBeNull();
  });

  it('bands and reach', () => {
    expect([5, 2, 0.75, 0.5, NaN].map((x) => bandFromTop(x, [2, 0.75]))).toEqual([
      0,
      0,
      1,
      2,
      null,
    ]);
    expect(reachLog(new Float64Array([0, 1]))).toBe(-Infinity);
    expect(reachLog(new Float64Array([0, 0]))).toBeNaN();
    expect(reachLog(new Float64Array([1e-3, 1]))).toBeCloseTo(-3, 12);
  });
});

describe('the course', () => {
  it('holds every lesson exactly once, in the story’s order', () => {
    const ids = COURSE.flatMap((c) => c.lessons);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(LESSONS.map((l) => l.id).sort());
    expect(COURSE_ORDER.map((l) => l.id)).toEqual(ids);
    // The story the issue names, in order (other lessons sit between them).
    const story = [
      'vanishing',
      'exploding',
      'clipping',
      'rho-not-whole-story',
      'irnn',
      'lstm-belt',
      'hold-forget',
      'gru',
      'temporal-order',
      'truncation',
      'attention-one-hop',
      'lru-ring',
      'rglru-gate',
      's6-clock',
      'parallel-scan',
    ];
    const pos = story.map((id) => ids.indexOf(id));
    expect(pos).toEqual([...pos].sort((a, b) => a - b));
  });

  it('Previous and Next walk it, stopping at either end', () => {
    expect(courseNeighbour('vanishing', 1)?.id).toBe('one-step-back');
    expect(courseNeighbour('vanishing', -1)).toBeNull();
    expect(courseNeighbour('irnn', 1)?.id).toBe('lstm-belt');
    expect(courseNeighbour('s6-gru-bridge', 1)?.id).toBe('parallel-scan');
    expect(courseNeighbour('parallel-scan', 1)).toBeNull();
    expect(courseNeighbour(null, 1)?.id).toBe('vanishing');
    expect(courseNeighbour(null, -1)).toBeNull();
    const calls: string[] = [];
    const bridge = {
      replaceConfig: (_c: unknown, id: string | null, compare?: readonly unknown[]) =>
        calls.push(`${id} ${compare?.length ?? 0}`),
      setBackward: (on: boolean) => calls.push(`backward ${on}`),
      setScan: (on: boolean) => calls.push(`scan ${on}`),
    };
    expect(goToLesson(bridge, 'vanishing', 1)).toBe(true);
    expect(goToLesson(bridge, 'one-step-back', 1)).toBe(true);
    expect(goToLesson(bridge, 's6-gru-bridge', 1)).toBe(true);
    expect(goToLesson(bridge, 'parallel-scan', 1)).toBe(false);
    expect(calls).toEqual([
      'one-step-back 0',
      'backward true',
      'sgd-vs-adam 1',
      'backward false',
      'parallel-scan 0',
      'scan true',
    ]);
  });
});
