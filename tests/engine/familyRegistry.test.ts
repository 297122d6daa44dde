/**
 * The newer families through the registry: the engine's common API (createModel, createWorkspace,
 * forwardBackward, initModel) runs every family fixture and gives, as an ordinary Trace, what the
 * family driver gives (bit for bit: the same driver underneath; tests/engine/families/ hold that
 * driver to PyTorch), with the states and gates laid out as the Trace says, checked against
 * PyTorch's to 1e−9.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFamilyGrad } from '../../src/cli/familyGrad';
import { parseFamilySpec } from '../../src/cli/familySpec';
import { createWorkspace, forwardBackward, runForward } from '../../src/engine/bptt';
import { cellInfo, FAMILY_CELL_IDS, initFor } from '../../src/engine/cells/catalog';
import { initModel } from '../../src/engine/init';
import { createModel } from '../../src/engine/model';
import { createRng } from '../../src/engine/rng';

const DIR = join(__dirname, '..', 'fixtures');
const FILES = readdirSync(DIR).filter((f) => /^(lru|rglru|s6|attention)-.*\.json$/.test(f));

type Json = number | Json[] | { [k: string]: Json };
const flat = (x: Json, out: number[] = []): number[] => {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) x.forEach((e) => flat(e, out));
  else
    Object.keys(x)
      .sort()
      .forEach((k) => flat(x[k]!, out));
  return out;
};
const worst = (a: readonly number[], b: readonly number[]) =>
  a.reduce(
    (w, x, i) => Math.max(w, Math.abs(x - b[i]!) / Math.max(Math.abs(x), Math.abs(b[i]!), 1e-12)),
    a.length === b.length ? 0 : Infinity,
  );

it('finds the family fixtures', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(40);
  for (const id of FAMILY_CELL_IDS) expect(FILES.some((f) => f.startsWith(`${id}-`))).toBe(true);
});

describe.each(FILES)('%s through createModel / createWorkspace / forwardBackward', (file) => {
  const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, Json>;
  const spec = parseFamilySpec(raw);
  const { seqLen: T, batch: B } = spec;
  const model = createModel({ cell: spec.cell, ...spec.dims });
  for (const p of model.params) p.w.set(spec.weights[p.name]!);
  const ws = createWorkspace(model.spec, T, B);
  const batch = { T, B, loss: spec.loss, inputs: spec.inputs, targets: spec.targets };
  const opts = { h0: spec.h0, truncate: spec.truncate };
  const tr = forwardBackward(model, batch, ws, opts);
  const direct = runFamilyGrad(spec) as Record<string, Json>;

  it('gives the family driver’s numbers bit for bit; states and gates in Trace layout match PyTorch’s', () => {
    const S = tr.S;
    expect(S).toBe(cellInfo(spec.cell).state.width(spec.dims));
    expect(tr.loss).toBe(direct.lossValue);
    const hidden = Array.from(tr.h.subarray(B * S));
    expect(hidden).toEqual(flat(direct.hidden!));
    expect(Array.from(tr.dh)).toEqual(flat(direct.dL_dh!));
    expect(Array.from(tr.dhNorm)).toEqual(flat(direct.dL_dh_norm!));
    for (const p of model.params)
      expect(Array.from(p.dw), p.name).toEqual(
        flat((direct.grads as Record<string, Json>)[p.name]!),
      );
    expect(worst(hidden, flat(raw.hidden!))).toBeLessThan(1e-9);
    // Gates as blocks of H per step, in the descriptor's order.
    const names = cellInfo(spec.cell).gates;
    const H = tr.H;
    names.forEach((name, g) => {
      const want = flat((raw.gates as Record<string, Json>)[name]!);
      const got: number[] = [];
      for (let r = 0; r < T * B; r++)
        for (let k = 0; k < H; k++) got.push(tr.gates![(r * names.length + g) * H + k]!);
      expect(worst(got, want), name).toBeLessThan(1e-9);
    });
    expect(runForward(model, batch, ws, opts)).toBe(tr.loss);
  });
});

it('initModel draws each family with its own default initialization', () => {
  for (const id of FAMILY_CELL_IDS) {
    const model = createModel({ cell: id, inputSize: 2, hiddenSize: 4, outputSize: 1 });
    initModel(model, createRng(3), { init: initFor(id, ''), rho: null, forgetBias: 0 });
    for (const p of model.params)
      expect(p.w.some((x) => x !== 0) || p.name.endsWith('bias')).toBe(true);
  }
});
