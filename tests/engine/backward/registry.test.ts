/**
 * The backward walk of every registered cell (the registry's list, not one here), on its PyTorch
 * fixture `<cell>-mse_all.json` (tools/make_fixtures.py): the vectors it steps through are
 * PyTorch's dL/d(state_t) and each of its per-step term sums is PyTorch's gradient of that
 * parameter, both to 1e-9. A new cell gets this test, or fails it for want of a fixture.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flat, rel, type Nested } from './compare';
import { parseFamilySpec } from '../../../src/cli/familySpec';
import { parseSpec } from '../../../src/cli/spec';
import { backwardWalk } from '../../../src/engine/backward/walk';
import { CELL_IDS, cellInfo } from '../../../src/engine/cells/catalog';
import { createModel } from '../../../src/engine/model';

const FIX = join(__dirname, '..', '..', 'fixtures');

/** The fixture's model and batch, read by the spec reader of the cell's driver. */
function load(cell: string) {
  const file = join(FIX, `${cell}-mse_all.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const classic = cellInfo(cell).family === 'classic';
  const spec = classic ? parseSpec(raw) : parseFamilySpec(raw);
  const dims = 'dims' in spec ? spec.dims : spec;
  const model = createModel({
    cell: spec.cell,
    inputSize: dims.inputSize,
    hiddenSize: dims.hiddenSize,
    outputSize: dims.outputSize,
    ...('dims' in spec && cellInfo(cell).stateSizeDefault !== undefined
      ? { stateSize: spec.dims.stateSize }
      : {}),
  });
  const weights = spec.weights as Readonly<Record<string, Float64Array>>;
  for (const p of model.params) p.w.set(weights[p.name]!);
  const batch = {
    T: spec.seqLen,
    B: spec.batch,
    loss: spec.loss,
    inputs: spec.inputs,
    targets: spec.targets,
  };
  const c0 = 'c0' in spec ? spec.c0 : undefined;
  const opts = {
    ...(spec.h0 !== undefined ? { h0: spec.h0 } : {}),
    ...(c0 !== undefined ? { c0 } : {}),
  };
  return { raw, model, batch, opts };
}

describe('the backward walk of every registered cell, against PyTorch', () => {
  it.each(CELL_IDS)(
    '%s: its vectors are dL/d(state_t) and its terms sum to the gradients',
    (cell) => {
      expect(
        existsSync(join(FIX, `${cell}-mse_all.json`)),
        `tests/fixtures/${cell}-mse_all.json`,
      ).toBe(true);
      const { raw, model, batch, opts } = load(cell);
      const { T, B } = batch;
      const want = flat(raw.dL_dh as Nested);
      const grads = raw.grads as Record<string, Nested>;
      for (let seq = 0; seq < B; seq++) {
        const { walk } = backwardWalk(model, batch, seq, opts);
        const S = walk.S;
        expect(want.length).toBe(T * B * S);
        const rows = new Float64Array(T * S);
        for (let t = 0; t < T; t++)
          for (let k = 0; k < S; k++) rows[t * S + k] = want[(t * B + seq) * S + k]!;
        expect(rel(walk.dh, rows), `${cell} dL/dstate, sequence ${seq}`).toBeLessThan(1e-9);
        expect(walk.terms.length).toBeGreaterThan(0);
        for (const p of walk.terms)
          expect(rel(p.sum, flat(grads[p.name]!)), `${cell} Σ terms of ${p.name}`).toBeLessThan(
            1e-9,
          );
      }
    },
  );
});
