/**
 * Weights files of the newer families as PyTorch writes them (tools/family_weights.py: the
 * modules' state_dict, sized for the adding problem): the page's reader and planner recognize each
 * family and its sizes, the trainer loads the file, the engine's loss on PyTorch's batch equals
 * PyTorch's, and Download weights writes the same names and shapes back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorkspace, runForward } from '../../src/engine/bptt';
import { APP_CELL_IDS, cellInfo, modelParamShapes } from '../../src/engine/cells/catalog';
import { planWeights } from '../../src/panels/controls/weightsPlan';
import { formatStateDict, readStateDict } from '../../src/store/weightsFile';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import { createTrainer } from '../../src/worker/trainer';

interface WeightsFixture {
  cell: string;
  hiddenSize: number;
  stateSize: number | null;
  stateDict: Record<string, unknown>;
  T: number;
  B: number;
  inputs: number[][][];
  targets: number[][];
  loss: number;
}

const current = Object.fromEntries(
  modelParamShapes('rnn', { inputSize: 2, hiddenSize: 32, outputSize: 1 }).map((p) => [
    p.name,
    [...p.shape],
  ]),
);

describe('PyTorch weights files of the newer families', () => {
  // Every cell the page trains with its own passes (the registry's list).
  for (const cell of APP_CELL_IDS.filter((c) => cellInfo(c).family !== 'classic')) {
    it(`${cell}: recognized, loaded, same loss as PyTorch on its batch, written back with the same names and shapes`, () => {
      const fx = JSON.parse(
        readFileSync(`tests/fixtures/weights-${cell}.json`, 'utf8'),
      ) as WeightsFixture;
      const read = readStateDict(JSON.stringify(fx.stateDict));
      if (!read.ok) throw new Error(read.message);
      const plan = planWeights(read.tensors, DEFAULT_CONFIG, current);
      if (plan.kind !== 'switch')
        throw new Error(`${plan.kind}: ${'text' in plan ? plan.text : ''}`);
      expect(plan.patch).toMatchObject({
        cell,
        H: fx.hiddenSize,
        task: 'adding',
        ...(fx.stateSize === null ? {} : { N: fx.stateSize }),
      });
      const t = createTrainer({ ...DEFAULT_CONFIG, ...plan.patch });
      t.loadWeights(plan.weights);
      const { T, B } = fx;
      const batch = {
        T,
        B,
        loss: 'mse_last' as const,
        inputs: Float64Array.from(fx.inputs.flat(2)),
        targets: Float64Array.from(fx.targets.flat()),
      };
      const loss = runForward(t.model, batch, createWorkspace(t.model.spec, T, B), {});
      expect(Math.abs(loss - fx.loss) / fx.loss).toBeLessThan(1e-12);
      const { weights, shapes } = t.getWeights();
      const back = readStateDict(formatStateDict(weights, shapes));
      if (!back.ok) throw new Error(back.message);
      expect(Object.keys(back.tensors).sort()).toEqual(Object.keys(fx.stateDict).sort());
      for (const [name, tensor] of Object.entries(read.tensors))
        expect(back.tensors[name]!.shape, name).toEqual(tensor.shape);
    });
  }
});
