/**
 * Every cell the page trains (the registry's, not a list here): Download weights, then Load
 * weights on a page showing another cell, gives back the same cell and the same numbers; and every
 * such cell with its own passes has a PyTorch weights file among the fixtures
 * (tools/family_weights.py), which familyWeights.test.ts checks against PyTorch's loss.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CELL_IDS, cellInfo, modelParamShapes } from '../../src/engine/cells/catalog';
import { planWeights, type WeightsPlan } from '../../src/panels/controls/weightsPlan';
import { formatStateDict, readStateDict } from '../../src/store/weightsFile';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import { createTrainer } from '../../src/worker/trainer';

/** The plan for `cell` (picking it when several cells fit the file alike). */
function pick(plan: WeightsPlan, label: string): WeightsPlan {
  if (plan.kind !== 'ask') return plan;
  const o = plan.options.find((x) => x.label === label);
  if (o === undefined) throw new Error(`${label} not offered: ${plan.text}`);
  return o.plan;
}

describe('weights round-trip of every cell the page trains', () => {
  it.each(APP_CELL_IDS)('%s: downloaded, then loaded on another cell’s page', (cell) => {
    const config = { ...DEFAULT_CONFIG, cell, init: cellInfo(cell).inits[0]!.id, H: 5, seed: 3 };
    const t = createTrainer(config as typeof DEFAULT_CONFIG);
    const { weights, shapes } = t.getWeights();
    const read = readStateDict(formatStateDict(weights, shapes));
    if (!read.ok) throw new Error(read.message);
    // The page shows a model of another size, so the file must be recognized by its own shapes.
    const current = Object.fromEntries(
      modelParamShapes(DEFAULT_CONFIG.cell, { inputSize: 2, hiddenSize: 7, outputSize: 1 }).map(
        (p) => [p.name, [...p.shape]],
      ),
    );
    const plan = pick(planWeights(read.tensors, DEFAULT_CONFIG, current), cellInfo(cell).label);
    if (plan.kind !== 'switch') throw new Error(`${plan.kind}: ${'text' in plan ? plan.text : ''}`);
    expect(plan.patch).toMatchObject({ cell, H: 5 });
    const back = createTrainer({ ...DEFAULT_CONFIG, ...plan.patch });
    back.loadWeights(plan.weights);
    const again = back.getWeights();
    expect(Object.keys(again.weights).sort()).toEqual(Object.keys(weights).sort());
    for (const [name, w] of Object.entries(weights)) expect(again.weights[name], name).toEqual(w);
  });

  it.each(APP_CELL_IDS.filter((c) => cellInfo(c).family !== 'classic'))(
    '%s: has a PyTorch weights file (tests/fixtures/weights-<cell>.json)',
    (cell) => {
      expect(existsSync(`tests/fixtures/weights-${cell}.json`)).toBe(true);
    },
  );
});
