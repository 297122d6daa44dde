import { describe, expect, it } from 'vitest';
import { firstSequences } from '../../src/worker/trainer/familyCheck';
import { gradcheckMessage } from '../../src/worker/trainer/analysis';
import { createTrainer } from '../../src/worker/trainer';
import type { TrainConfig } from '../../src/worker/config';
import { small } from './helpers';

describe('Check gradients on the newer families', () => {
  const cases: [TrainConfig['cell'], TrainConfig['init'], TrainConfig['task']][] = [
    ['lru', 'ring', 'copy'],
    ['rglru', 'griffin-paper', 'adding'],
    ['s6', 'mamba', 'selcopy'],
    ['attention', 'pytorch', 'order'],
  ];
  for (const [cell, init, task] of cases)
    it(`${cell} on ${task}: analytic gradients agree with finite differences, and the trace is restored`, () => {
      const t = createTrainer(
        small({ cell, init, task, T: 12, N: 3, tbptt: cell === 'lru' ? 5 : 0 }),
      );
      t.step();
      // The check runs on the current weights: the trace is recomputed from them, as the page's is.
      t.recompute();
      const loss = t.trace.loss;
      const m = gradcheckMessage(t);
      expect(m.maxRelError).toBeLessThan(1e-6);
      expect(m.checked).toBeGreaterThan(20);
      expect(t.trace.loss).toBe(loss);
    });

  it('takes the first sequences of a batch in every target layout', () => {
    const T = 2;
    const B = 3;
    const inputs = Float64Array.from({ length: T * B * 2 }, (_, k) => k);
    const last = firstSequences(
      { T, B, loss: 'mse_last', inputs, targets: Float64Array.of(1, 2, 3) },
      2,
      2,
      1,
    );
    expect(Array.from(last.inputs)).toEqual([0, 1, 2, 3, 6, 7, 8, 9]);
    expect(Array.from(last.targets)).toEqual([1, 2]);
    const all = firstSequences(
      { T, B, loss: 'xent_all', inputs, targets: Float64Array.of(1, 2, 3, 4, 5, 6) },
      2,
      2,
      4,
    );
    expect(Array.from(all.targets)).toEqual([1, 2, 4, 5]);
    expect(all.B).toBe(2);
  });
});
