/**
 * The backward walk on the diagonal recurrences (lru, rglru, s6), on the PyTorch fixtures: its
 * vectors are the grad CLI's dL_dh (1e-12) and PyTorch's (1e-9), each step back is J_tᵀ of the
 * cell's own scan plus the loss's own term (1e-12), its per-step terms of ν/θ, a_param and A_log
 * sum to the gradients (1e-12), and ‖J_t‖₂ is the largest decay of the step.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flat, rel, type Nested } from './compare';
import { createWorkspace, forwardBackward, isCut } from '../../../src/engine/bptt';
import { backwardWalk } from '../../../src/engine/backward/walk';
import { cellEngine } from '../../../src/engine/cells/registry';
import { createModel } from '../../../src/engine/model';
import { runFamilyGrad } from '../../../src/cli/familyGrad';
import { parseFamilySpec } from '../../../src/cli/familySpec';

const ROOT = join(__dirname, '..', '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');

function load(name: string) {
  const raw = JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
  const spec = parseFamilySpec(raw);
  const model = createModel({ cell: spec.cell, ...spec.dims });
  for (const p of model.params) p.w.set(spec.weights[p.name]!);
  const batch = {
    T: spec.seqLen,
    B: spec.batch,
    loss: spec.loss,
    inputs: spec.inputs,
    targets: spec.targets,
  };
  const opts = {
    ...(spec.h0 !== undefined ? { h0: spec.h0 } : {}),
    ...(spec.truncate > 0 ? { truncate: spec.truncate } : {}),
  };
  return { raw, spec, model, batch, opts };
}

const CASES = [
  'lru-mse_all',
  'lru-xent_all-t4',
  'lru-mse_last-decay99',
  'rglru-mse_all',
  'rglru-xent_all-t4',
  'rglru-mse_all-a1',
  's6-mse_all',
  's6-xent_all-t4',
  's6-mse_last',
];

describe('backward walk on the diagonal recurrences', () => {
  it.each(CASES)('%s: vectors, steps back, per-step terms and ‖J_t‖₂', (name) => {
    const { raw, spec, model, batch, opts } = load(name);
    const cli = runFamilyGrad(spec) as { dL_dh: Nested; grads: Record<string, Nested> };
    const { T, B } = batch;
    const S = cellEngine(spec.cell).info.state.width(model.spec);
    const want = flat(cli.dL_dh);
    const torch = flat(raw.dL_dh as Nested);
    // A fresh pass to read the cell's own step adjoint and loss term from.
    const ws = createWorkspace(model.spec, T, B);
    forwardBackward(model, batch, ws, opts);
    const cw = cellEngine(spec.cell).walk!;
    if (cw.kind !== 'chain') throw new Error('a chain');
    const u = new Float64Array(S);
    const back = new Float64Array(S);
    const loc = new Float64Array(S);
    for (let seq = 0; seq < B; seq++) {
      const { walk, norms } = backwardWalk(model, batch, seq, opts);
      const mine = new Float64Array(T * S);
      const cliRows = new Float64Array(T * S);
      const torchRows = new Float64Array(T * S);
      for (let t = 1; t <= T; t++)
        for (let k = 0; k < S; k++) {
          const i = ((t - 1) * B + seq) * S + k;
          mine[(t - 1) * S + k] = walk.dh[(t - 1) * S + k]!;
          cliRows[(t - 1) * S + k] = want[i]!;
          torchRows[(t - 1) * S + k] = torch[i]!;
        }
      expect(rel(mine, cliRows)).toBeLessThan(1e-12);
      expect(rel(mine, torchRows)).toBeLessThan(1e-9);
      // dL/dh_{t−1} = J_tᵀ dL/dh_t + ∂ℓ_{t−1}/∂h_{t−1}, cut where truncation cuts.
      for (let t = 2; t <= T; t++) {
        u.set(walk.dh.subarray((t - 1) * S, t * S));
        cw.stepBack(model, ws, seq, t, u, back);
        cw.local(model, ws, seq, t - 1, loc);
        const prev = walk.dh.subarray((t - 2) * S, (t - 1) * S);
        const sum = back.map((x, k) => (isCut(T, spec.truncate, t) ? 0 : x) + loc[k]!);
        expect(rel(sum, prev)).toBeLessThan(1e-12);
        expect(walk.cut[t - 1]).toBe(isCut(T, spec.truncate, t) ? 1 : 0);
      }
      // ‖J_t‖₂ of a diagonal step is its largest decay: never below the factor taken.
      const r = norms!.take(T)!;
      expect(r.from).toBe(T);
      r.values.forEach((j, i) => {
        const t = T - i;
        if (!walk.cut[t - 1] && Number.isFinite(walk.gain[t - 1]))
          expect(walk.gain[t - 1]!).toBeLessThanOrEqual(j * (1 + 1e-12));
      });
      for (const [k, p] of walk.terms.entries()) {
        expect(rel(p.sum, flat(cli.grads[p.name]!))).toBeLessThan(1e-12);
        expect(walk.sumGap[k]).toBeLessThan(1e-12);
        expect(p.norms.length).toBe(T);
      }
    }
    const names = backwardWalk(model, batch, 0, opts).walk.terms.map((p) => p.name);
    expect(names).toEqual(
      { lru: ['nu_log', 'theta_log'], rglru: ['a_param'], s6: ['A_log'] }[spec.cell as string],
    );
  });

  it('the lru’s ‖J_t‖₂ is max |λ|, the rglru’s max a_t (the traced decays)', () => {
    for (const name of ['lru-mse_all', 'rglru-mse_all']) {
      const { model, batch, opts } = load(name);
      const tr = forwardBackward(model, batch, createWorkspace(model.spec, batch.T, batch.B), opts);
      const r = backwardWalk(model, batch, 1, opts).norms!.take(batch.T)!;
      const G = tr.gates!.length / (batch.T * batch.B * tr.H);
      r.values.forEach((j, i) => {
        const t = batch.T - i;
        const off = ((t - 1) * batch.B + 1) * G * tr.H; // block 0: |λ| or a
        let top = 0;
        for (let k = 0; k < tr.H; k++) top = Math.max(top, tr.gates![off + k]!);
        expect(j).toBe(top);
      });
    }
  });

  it.each(['attention-xent_all', 'attention-mse_last'])(
    '%s: no chain; the vectors, the arcs (α) and per-position terms of the input projection',
    (name) => {
      const { raw, spec, model, batch } = load(name);
      const cli = runFamilyGrad(spec) as { dL_dh: Nested; grads: Record<string, Nested> };
      const { T, B } = batch;
      const H = model.spec.hiddenSize;
      const want = flat(cli.dL_dh);
      const alpha = flat(raw.attention as Nested);
      for (let seq = 0; seq < B; seq++) {
        const { walk, norms } = backwardWalk(model, batch, seq, {});
        expect(norms).toBeNull();
        const rows = new Float64Array(T * H);
        for (let t = 1; t <= T; t++)
          for (let k = 0; k < H; k++) rows[(t - 1) * H + k] = want[((t - 1) * B + seq) * H + k]!;
        expect(rel(walk.dh, rows)).toBeLessThan(1e-12);
        expect(rel(walk.arcs!, alpha.slice(seq * T * T, (seq + 1) * T * T))).toBeLessThan(1e-9);
        expect(walk.gain.every(Number.isNaN)).toBe(true);
        const p = walk.terms[0]!;
        expect(p.name).toBe('attn.in_proj_weight');
        expect(rel(p.sum, flat(cli.grads[p.name]!))).toBeLessThan(1e-12);
        expect(walk.sumGap[0]).toBeLessThan(1e-12);
        expect(p.blocks).toEqual(['q', 'k', 'v']);
      }
    },
  );

  it('the CLI, spawned, prints the dL_dh the walk steps through (lru)', () => {
    const { model, batch, opts } = load('lru-xent_all-t4');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/grad.ts', join(FIX, 'lru-xent_all-t4.json')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const out = JSON.parse(r.stdout) as { dL_dh: Nested };
    const all = flat(out.dL_dh);
    const S = 2 * model.spec.hiddenSize;
    const { walk } = backwardWalk(model, batch, 0, opts);
    const rows = new Float64Array(batch.T * S);
    for (let t = 1; t <= batch.T; t++)
      for (let k = 0; k < S; k++) rows[(t - 1) * S + k] = all[(t - 1) * batch.B * S + k]!;
    expect(rel(walk.dh, rows)).toBeLessThan(1e-12);
  });
});
