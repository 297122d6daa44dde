import { describe, expect, it } from 'vitest';
import { divergedText, saferLr } from '../../src/shell/divergedText';
import { findLesson, lessonConfig } from '../../src/store/lessons';
import type { DivergedMessage } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';

/** Trains a lesson until it diverges and returns the message the session would post. */
function divergeLesson(id: string): DivergedMessage {
  const t = createTrainer(lessonConfig(findLesson(id)!));
  for (let k = 1; k < 3000; k++) {
    const r = t.step();
    if (!r.ok)
      return {
        v: 1,
        type: 'diverged',
        runId: 0,
        iteration: k,
        quantity: r.nonFinite!.quantity,
        step: r.nonFinite!.step,
        ...(r.diagnosis ? { diagnosis: r.diagnosis } : {}),
      };
  }
  throw new Error(`${id} did not diverge`);
}

describe('divergence banner', () => {
  it('blow-up lesson: names readout.weight and the learning rate, not exploding gradients', () => {
    const d = divergeLesson('exploding-max');
    expect(d.diagnosis).toMatchObject({ param: 'readout.weight', throughTime: null });
    // Every unit saturated (|h| = 1): ZᵀZ has the eigenvalue 33 (32 units and the bias) for every
    // row, so 2/λ_max of the readout's Hessian is 2/(2·33).
    expect(d.diagnosis!.readoutLrLimit).toBeCloseTo(2 / 66, 6);
    const t = divergedText(d, 1);
    expect(t.text).not.toMatch(/exploded/);
    expect(t.text).toContain('This is not an exploding gradient');
    expect(t.text).toContain('‖∂L/∂h₁‖ = 0');
    expect(t.text).toContain('readout.weight');
    expect(t.fix.patch).toEqual({ lr: 0.01 });
    expect(t.text).not.toMatch(/NaN|Infinity/);
  });

  it('an exploding gradient through time is called one, with clipping as the fix', () => {
    const d: DivergedMessage = {
      v: 1,
      type: 'diverged',
      runId: 0,
      iteration: 3,
      quantity: 'hidden',
      step: 12,
      diagnosis: {
        param: 'weight_hh_l0',
        from: 8,
        to: Infinity,
        iterations: 2,
        throughTime: 5.2,
        readoutLrLimit: 0.5,
      },
    };
    const t = divergedText(d, 0.1);
    expect(t.text).toContain('Gradients exploded through time');
    expect(t.text).toContain('10⁵·²');
    expect(t.text).toContain('beyond 10³⁰⁸');
    expect(t.fix.patch).toEqual({ clip: 1 });
  });

  it('saferLr picks a round value under half the stable limit, or a tenth', () => {
    expect(saferLr(1, 2 / 66)).toBe(0.01);
    expect(saferLr(1, 0.5)).toBe(0.2);
    expect(saferLr(0.3, null)).toBe(0.02);
    expect(saferLr(0.01, 0.5)).toBe(0.001); // the limit is not the problem: a tenth
  });
});
