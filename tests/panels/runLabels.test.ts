/** Run names: what tells runs apart, and nothing a run's cell does not have. */
import { describe, expect, it } from 'vitest';
import { runNames } from '../../src/panels/compare/runLabels';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import type { TrainConfig } from '../../src/worker/config';

const run = (over: Partial<TrainConfig>): TrainConfig => ({ ...DEFAULT_CONFIG, ...over });

describe('runNames', () => {
  it('names the settings that differ', () => {
    expect(runNames([run({ opt: 'sgd', lr: 0.1 }), run({ opt: 'adam', lr: 0.01 })])).toEqual([
      'A · SGD, lr 0.1',
      'B · Adam, lr 0.01',
    ]);
  });

  it('leaves out a control the run’s cell does not have', () => {
    const names = runNames([
      run({ cell: 'rnn', forgetBias: 0 }),
      run({ cell: 'lstm', forgetBias: 2 }),
    ]);
    expect(names).toEqual(['A · tanh RNN', 'B · LSTM, forget bias 2']);
  });

  it('a difference no cell can feel is no difference; identical runs are named by their cell', () => {
    expect(
      runNames([run({ cell: 'rnn', forgetBias: 0 }), run({ cell: 'rnn', forgetBias: 3 })]),
    ).toEqual(['A · tanh RNN', 'B · tanh RNN']);
  });
});
