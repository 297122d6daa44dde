import { describe, expect, it } from 'vitest';
import { backwardWalk } from '../../src/engine/backward/walk';
import { findLesson, lessonConfig } from '../../src/store/lessons';
import { rnnTermNorms } from '../../src/store/lessons/backward';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import { lessonHoldsItsClaims, lessonNeedsItsCause } from './expectations';

describe('the backward-pass lesson shows what it claims', () => {
  lessonHoldsItsClaims('one-step-back');
  lessonNeedsItsCause('one-step-back');

  it('its checks read the walk’s own numbers: factors and per-step terms agree to 1e-12', () => {
    const t = createTrainer(lessonConfig(findLesson('one-step-back')!));
    const s = createSnapshotter(() => 0).build(
      t,
      { seq: 0, gate: 0 },
      { running: false, stepsPerSecond: 0, force: true, acked: 0 },
    ).msg;
    const { model, batch, opts } = t.traceInputs();
    const { walk } = backwardWalk(model, batch, 0, opts);
    const mine = rnnTermNorms(s);
    const terms = walk.terms[0]!.norms;
    for (let k = 0; k < walk.T; k++)
      expect(Math.abs(mine[k]! - terms[k]!)).toBeLessThanOrEqual(1e-12 * Math.max(...terms));
    // Last-step loss, one sequence: the factor of t → t−1 is the ratio of consecutive norms.
    for (let t = 2; t <= walk.T; t++) {
      const ratio = walk.norm[t - 2]! / walk.norm[t - 1]!;
      expect(Math.abs(ratio - walk.gain[t - 1]!)).toBeLessThan(1e-12 * ratio);
    }
  });
});
