import { describe, expect, it } from 'vitest';
import { modelParamShapes } from '../../src/engine/cells/catalog';
import { planWeights } from '../../src/panels/controls/weightsPlan';
import type { Shapes, Tensor } from '../../src/store/weightsFile';
import { DEFAULT_CONFIG } from '../../src/worker/config';

type Sizes = { inputSize: number; hiddenSize: number; outputSize: number };

function stateDict(cell: string, s: Sizes): Record<string, Tensor> {
  return Object.fromEntries(
    modelParamShapes(cell, s).map((p) => [
      p.name,
      {
        shape: p.shape,
        values: Array.from({ length: p.shape.reduce((a, b) => a * b, 1) }, (_, k) => k / 10),
      },
    ]),
  );
}

const shapes = (cell: string, s: Sizes): Shapes =>
  Object.fromEntries(modelParamShapes(cell, s).map((p) => [p.name, p.shape]));

// The default page: tanh RNN, H = 32, adding (2 → 1).
const here = shapes('rnn', { inputSize: 2, hiddenSize: 32, outputSize: 1 });

describe('a weights file chooses its model', () => {
  it('a file that fits the current model loads as it is', () => {
    const plan = planWeights(
      stateDict('rnn', { inputSize: 2, hiddenSize: 32, outputSize: 1 }),
      DEFAULT_CONFIG,
      here,
    );
    expect(plan.kind).toBe('load');
  });

  it('a GRU with H = 8 on the default page: switch to GRU, 8 units, the adding task, then load', () => {
    const file = stateDict('gru', { inputSize: 2, hiddenSize: 8, outputSize: 1 });
    const plan = planWeights(file, DEFAULT_CONFIG, here);
    expect(plan).toMatchObject({ kind: 'switch', patch: { cell: 'gru', H: 8, task: 'adding' } });
    if (plan.kind !== 'switch') return;
    expect(plan.text).toMatch(
      /It is a GRU \(H = 8, I = 2, O = 1\): switched to GRU, 8 hidden units/,
    );
    expect(Object.keys(plan.weights)).toEqual(Object.keys(file));
    expect(plan.weights.weight_hh_l0).toEqual(file.weight_hh_l0!.values);
  });

  it('picks the task whose sizes fit, keeping the current one when it fits', () => {
    const parity = planWeights(
      stateDict('lstm', { inputSize: 1, hiddenSize: 4, outputSize: 2 }),
      DEFAULT_CONFIG,
      here,
    );
    expect(parity).toMatchObject({ kind: 'switch', patch: { cell: 'lstm', task: 'parity' } });
    expect(parity.kind === 'switch' && parity.text).toMatch(/task Parity \(1 → 2\)/);
    const sine = planWeights(
      stateDict('gru', { inputSize: 2, hiddenSize: 5, outputSize: 1 }),
      { ...DEFAULT_CONFIG, task: 'sine' },
      here,
    );
    expect(sine).toMatchObject({ kind: 'switch', patch: { task: 'sine' } });
  });

  it('asks whether an nn.RNN-shaped file is the linear cell, the tanh RNN or the ReLU RNN', () => {
    const plan = planWeights(
      stateDict('rnn', { inputSize: 10, hiddenSize: 6, outputSize: 9 }),
      DEFAULT_CONFIG,
      here,
    );
    expect(plan.kind).toBe('ask');
    if (plan.kind !== 'ask') return;
    expect(plan.options.map((o) => o.label)).toEqual(['linear', 'tanh RNN', 'ReLU RNN']);
    expect(plan.text).toMatch(/^It fits a linear, a tanh RNN and a ReLU RNN alike/);
    expect(plan.options.map((o) => o.plan)).toMatchObject([
      { kind: 'switch', patch: { cell: 'linear', H: 6, task: 'copy' } },
      { kind: 'switch', patch: { cell: 'rnn', H: 6, task: 'copy' } },
      { kind: 'switch', patch: { cell: 'relu', H: 6, task: 'copy' } },
    ]);
  });

  it('changes nothing, and says why, when no task fits, H is too large, or no cell fits', () => {
    const noTask = planWeights(
      stateDict('gru', { inputSize: 3, hiddenSize: 4, outputSize: 3 }),
      DEFAULT_CONFIG,
      here,
    );
    expect(noTask).toMatchObject({ kind: 'refuse' });
    expect(noTask.kind === 'refuse' && noTask.text).toMatch(
      /It is a GRU \(H = 4, I = 3, O = 3\), but no task takes 3 inputs and gives 3 outputs \(adding 2 → 1, copy 10 → 9/,
    );
    const big = planWeights(
      stateDict('lstm', { inputSize: 2, hiddenSize: 256, outputSize: 1 }),
      DEFAULT_CONFIG,
      here,
    );
    expect(big.kind === 'refuse' && big.text).toMatch(/H = 256.*1–128 hidden units/);
    const junk = planWeights({ foo: { shape: [2], values: [1, 2] } }, DEFAULT_CONFIG, here);
    expect(junk.kind === 'refuse' && junk.text).toMatch(
      /does not fit the current model \(Unknown parameter name\(s\): foo.*nor any cell: no cell here has parameters named foo/,
    );
  });
});
