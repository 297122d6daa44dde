/**
 * The parallel-scan lesson: its expectations hold at its seed and at two more, they stay undecided
 * for an LSTM (its cause removed), and they can fail —
 * with λ off by 10⁻⁶ the pairs read back off the states are no longer a function of the input alone.
 */
import { describe, expect, it } from 'vitest';
import { findLesson } from '../../src/store/lessons';
import { inputResidual, pairsFromStates, scanAgainstStates } from '../../src/worker/scanCheck';
import { lessonHoldsItsClaims, lessonNeedsItsCause } from './expectations';
import { runLesson } from './harness';

describe('why the newer recurrences train in parallel', () => {
  lessonHoldsItsClaims('parallel-scan', 300_000);
  lessonNeedsItsCause('parallel-scan', 300_000);

  it('fails when the pairs are not the recurrence’s: λ off by 1e-6', () => {
    const { last } = runLesson(findLesson('parallel-scan')!, { iterations: 0 });
    const l = last.family!.lambda!;
    const good = pairsFromStates(last.hidden, last.T, l.re, l.im);
    const I = last.inputs.length / last.T;
    expect(inputResidual(good, last.inputs, I)).toBeLessThan(1e-10);
    const bad = pairsFromStates(
      last.hidden,
      last.T,
      l.re.map((x) => x * (1 + 1e-6)),
      l.im,
    );
    expect(inputResidual(bad, last.inputs, I)).toBeGreaterThan(1e-8);
    expect(scanAgainstStates(good, last.hidden).levels).toBe(6);
  });
});
