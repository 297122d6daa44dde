/**
 * The backward walk against the engine's own BPTT: its vectors are the CLI's dL_dh (to 1e-12), its
 * per-step terms sum as matrices to ∂L/∂W_hh (to 1e-12), and what each step carries back is J_tᵀu_t
 * of the cell's Jacobian (checked against the engine's dL/dh_{t−1} minus the loss's own term).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../../src/engine/bptt';
import { CELLS } from '../../../src/engine/cells/catalog';
import { backwardWalk } from '../../../src/engine/backward/walk';
import { relativeGap } from '../../../src/engine/backward/terms';
import { stepJacobian, stepJacobianNorms } from '../../../src/engine/jacobian';
import { lossAndGrad } from '../../../src/engine/loss';
import { createModel } from '../../../src/engine/model';
import type { Model } from '../../../src/engine/model';
import type { Batch } from '../../../src/engine/types';
import { createTrainer } from '../../../src/worker/trainer';
import type { TrainConfig } from '../../../src/worker/config';
import { small } from '../../worker/helpers';

const ROOT = join(__dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'walk-'));

type Nested = number | Nested[];
const nest = (a: Float64Array, dims: number[], off = 0): Nested[] => {
  const [n, ...rest] = dims;
  const stride = rest.reduce((x, y) => x * y, 1);
  return Array.from({ length: n! }, (_, i) =>
    rest.length === 0 ? a[off + i]! : nest(a, rest, off + i * stride),
  );
};

/** A trained-a-little model and its current batch. */
function setup(patch: Partial<TrainConfig>, steps = 3) {
  const t = createTrainer(small(patch));
  for (let k = 0; k < steps; k++) t.step();
  t.recompute();
  return { model: t.model, batch: t.batch, config: t.config };
}

/** `npm run -s grad` on the same weights and batch, as a user would run it. */
function cliGrad(model: Model, batch: Batch, truncate = 0): { dL_dh: number[][][] } {
  const { T, B } = batch;
  const { inputSize: I, outputSize: O } = model.spec;
  const targets =
    batch.loss === 'mse_last'
      ? nest(batch.targets, [B, O])
      : batch.loss === 'mse_all'
        ? nest(batch.targets, [T, B, O])
        : nest(batch.targets, [T, B]);
  const spec = {
    cell: model.spec.cell,
    inputSize: I,
    hiddenSize: model.spec.hiddenSize,
    outputSize: O,
    seqLen: T,
    batch: B,
    loss: batch.loss,
    weights: Object.fromEntries(model.params.map((p) => [p.name, nest(p.w, [...p.shape])])),
    inputs: nest(batch.inputs, [T, B, I]),
    targets,
    ...(truncate > 0 ? { truncate } : {}),
  };
  const file = join(tmp, `${model.spec.cell}-${batch.loss}-${truncate}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/grad.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { dL_dh: number[][][] };
}

describe('backward walk: exactly the engine’s BPTT', () => {
  const cases: [string, Partial<TrainConfig>, number][] = [
    ['rnn, adding (mse_last)', { cell: 'rnn', task: 'adding', T: 20 }, 0],
    ['linear, sine (mse_all)', { cell: 'linear', task: 'sine', rho: 0.9 }, 0],
    ['lstm, copy (xent_all)', { cell: 'lstm', task: 'copy', T: 6 }, 0],
    ['gru, adding, truncated K = 7', { cell: 'gru', task: 'adding' }, 7],
    ['relu, adding (IRNN init)', { cell: 'relu', task: 'adding', init: 'identity' }, 0],
  ];
  it.each(cases)('%s: stepped vectors equal the CLI’s dL_dh to 1e-12', (_, patch, K) => {
    const { model, batch } = setup({ ...patch, tbptt: K });
    const want = cliGrad(model, batch, K);
    let worst = 0;
    for (let seq = 0; seq < batch.B; seq++) {
      const { walk: w } = backwardWalk(model, batch, seq, K > 0 ? { truncate: K } : {});
      for (let t = 1; t <= batch.T; t++) {
        const row = want.dL_dh[t - 1]![seq]!;
        let scale = 0;
        for (const x of row) scale = Math.max(scale, Math.abs(x));
        for (let k = 0; k < w.S; k++) {
          const d = Math.abs(w.dh[(t - 1) * w.S + k]! - row[k]!);
          worst = Math.max(worst, scale > 0 ? d / scale : d);
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it.each(cases)('%s: per-step terms sum to ∂L/∂W_hh of the pass to 1e-12', (_, patch, K) => {
    const { model, batch } = setup({ ...patch, tbptt: K });
    const opts = K > 0 ? { truncate: K } : {};
    // The gradient of an ordinary pass (the trainer's workspace, default chunking).
    const ref = createModel(model.spec);
    ref.params.forEach((p, k) => p.w.set(model.params[k]!.w));
    forwardBackward(ref, batch, createWorkspace(ref.spec, batch.T, batch.B), opts);
    const { walk: w } = backwardWalk(model, batch, 0, opts);
    const term = w.terms[0]!;
    expect(term.name).toBe('weight_hh_l0');
    expect(relativeGap(term.sum, ref.param('weight_hh_l0').dw)).toBeLessThan(1e-12);
    expect(w.sumGap[0]).toBeLessThan(1e-12);
    // Each term is a real part of the sum: none is zero at every step, and the norms are ≥ 0.
    expect(term.norms.every((x) => x >= 0)).toBe(true);
    expect(term.norms.some((x) => x > 0)).toBe(true);
  });

  it.each(cases)(
    '%s: dL/dh_{t−1} = (J_tᵀu_t)_h + W_outᵀ∂L/∂ŷ_{t−1}, and the walk’s factor is ‖J_tᵀu_t‖/‖u_t‖',
    (_, patch, K) => {
      const { model, batch } = setup({ ...patch, tbptt: K });
      const seq = 1;
      const opts = K > 0 ? { truncate: K } : {};
      const { walk: w } = backwardWalk(model, batch, seq, opts);
      const { H, T, B } = w;
      const tr = forwardBackward(model, batch, createWorkspace(model.spec, T, B), opts);
      const Wout = model.param('readout.weight').w;
      const O = model.spec.outputSize;
      // ∂L/∂ŷ from the loss alone, independently of the walk.
      const dY = new Float64Array(T * B * O);
      const last = batch.loss === 'mse_last';
      lossAndGrad(
        batch.loss,
        last ? B : T * B,
        O,
        tr.outputs,
        last ? (T - 1) * B * O : 0,
        batch.targets,
        dY,
      );
      const n = model.spec.cell === 'lstm' ? 2 * H : H;
      const J = new Float64Array(n * n);
      let worst = 0;
      let worstGain = 0;
      for (let t = 2; t <= T; t++) {
        stepJacobian(model, tr, seq, t, J);
        const u = new Float64Array(n);
        u.set(w.dh.subarray((t - 1) * H, t * H));
        if (n === 2 * H && t < T)
          for (let k = 0; k < H; k++) u[H + k] = w.dc![t * H + k]! * w.forget![t * H + k]!;
        const carried = new Float64Array(n);
        for (let j = 0; j < n; j++)
          for (let i = 0; i < n; i++) carried[j] = carried[j]! + J[i * n + j]! * u[i]!;
        const cutHere = w.cut[t - 1] === 1;
        const prev = w.dh.subarray((t - 2) * H, (t - 1) * H);
        let scale = 0;
        for (let k = 0; k < H; k++) scale = Math.max(scale, Math.abs(prev[k]!));
        const y = ((t - 2) * B + seq) * O;
        for (let k = 0; k < H; k++) {
          let loc = 0;
          for (let o = 0; o < O; o++) loc += Wout[o * H + k]! * dY[y + o]!;
          const want = (cutHere ? 0 : carried[k]!) + loc;
          worst = Math.max(worst, Math.abs(prev[k]! - want) / (scale || 1));
        }
        let c2 = 0;
        let u2 = 0;
        for (const x of carried) c2 += x * x;
        for (const x of u) u2 += x * x;
        if (u2 === 0) {
          // Nothing arrived at t (after a cut, with a last-step loss): no direction, no factor.
          expect(w.gain[t - 1]).toBeNaN();
          continue;
        }
        const gain = cutHere ? 0 : Math.sqrt(c2 / u2);
        worstGain = Math.max(worstGain, Math.abs(gain - w.gain[t - 1]!) / Math.max(gain, 1e-300));
        if (cutHere) expect(w.carried[t - 1]).toBe(0);
      }
      expect(worst).toBeLessThan(1e-12);
      expect(worstGain).toBeLessThan(1e-12);
      if (K > 0) expect(w.cut.some((c) => c === 1)).toBe(true);
    },
  );
});

describe('‖J_t‖₂ a few steps at a time', () => {
  // Every registered cell on the classic driver (the ones whose walk has ‖J_t‖₂ from W_hh).
  it.each(CELLS.filter((c) => c.family === 'classic').map((c) => c.id))(
    '%s: equals the exact per-step SVD norms, whatever the chunk sizes',
    (cell) => {
      const { model, batch } = setup({ cell, task: 'adding', T: 9, H: 6 });
      const trace = forwardBackward(model, batch, createWorkspace(model.spec, batch.T, batch.B));
      const exact = stepJacobianNorms(model, trace, 2);
      const cur = backwardWalk(model, batch, 2).norms!;
      const got = new Float64Array(batch.T).fill(NaN);
      for (const k of [1, 3, 2, 100]) {
        const r = cur.take(k);
        if (r === null) break;
        r.values.forEach((v, i) => (got[r.from - i - 1] = v));
      }
      expect(cur.next).toBe(1);
      expect(cur.take(5)).toBeNull();
      for (let t = 0; t < batch.T; t++)
        expect(Math.abs(got[t]! - exact[t]!)).toBeLessThan(1e-10 * exact[t]!);
    },
  );
});
