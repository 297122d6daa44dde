/**
 * BPTT identities and behaviour: ρ^(T−t) for a linear recurrence with W_hh = ρQ, φ^(T−t) on the
 * LSTM belt with the forget gate held, truncation windows, norms, determinism, workspace reuse,
 * and non-finite values flagged rather than thrown.
 */
import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward, forwardLoss } from '../../src/engine/bptt';
import { createRng } from '../../src/engine/rng';
import type { AnyLossKind, CellKind } from '../../src/engine/types';
import { orthogonal, randomBatch, randomModel, randomState, specOf } from './bptt-helpers';
import type { Sizes } from './bptt-helpers';

function norm(x: Float64Array, off: number, len: number): number {
  let s = 0;
  for (let i = off; i < off + len; i++) s += x[i]! ** 2;
  return Math.sqrt(s);
}

function setup(s: Sizes, loss: AnyLossKind, seed: number, scale = 0.6) {
  const rng = createRng(seed);
  const model = randomModel(specOf(s), rng, scale);
  const batch = randomBatch(s, loss, rng);
  const ws = createWorkspace(model.spec, s.T, s.B);
  return { rng, model, batch, ws };
}

describe('linear recurrence with W_hh = ρQ (Q orthogonal), loss on the last step', () => {
  it.each([0.5, 0.9, 1, 1.1])('‖dL/dh_t‖ / ‖dL/dh_T‖ = ρ^(T−t) to 1e−9 (ρ = %s)', (rho) => {
    const s: Sizes = { cell: 'linear', I: 3, H: 16, O: 2, T: 60, B: 4 };
    const { rng, model, batch, ws } = setup(s, 'mse_last', 7);
    const q = orthogonal(s.H, rng);
    const whh = model.param('weight_hh_l0').w;
    for (let i = 0; i < whh.length; i++) whh[i] = rho * q[i]!;
    const tr = forwardBackward(model, batch, ws, { h0: randomState(s.B * s.H, rng) });
    const last = tr.dhNorm[s.T - 1]!;
    expect(last).toBeGreaterThan(0);
    let worst = 0;
    for (let t = 1; t <= s.T; t++) {
      const want = rho ** (s.T - t);
      worst = Math.max(worst, Math.abs(tr.dhNorm[t - 1]! / last - want) / want);
    }
    worst = Math.max(worst, Math.abs(norm(tr.dh0, 0, s.B * s.H) / last - rho ** s.T) / rho ** s.T);
    expect(worst).toBeLessThan(1e-9);
  });

  it('keeps norms as small as 1e−290 relatively exact (no underflow in the norm)', () => {
    const s: Sizes = { cell: 'linear', I: 1, H: 4, O: 1, T: 1000, B: 2 };
    const { rng, model, batch, ws } = setup(s, 'mse_last', 8);
    const q = orthogonal(s.H, rng);
    const whh = model.param('weight_hh_l0').w;
    for (let i = 0; i < whh.length; i++) whh[i] = 0.5 * q[i]!;
    const tr = forwardBackward(model, batch, ws);
    const ratio = tr.dhNorm[s.T - 964]! / tr.dhNorm[s.T - 1]!;
    expect(ratio).toBeGreaterThan(0);
    expect(Math.abs(ratio / 0.5 ** 963 - 1)).toBeLessThan(1e-9);
  });
});

describe('LSTM belt with the forget gate held at φ and W_hh = 0', () => {
  it.each([0.3, 0.9, 1])('‖dL/dc_t‖ / ‖dL/dc_T‖ = φ^(T−t) (φ = %s)', (phi) => {
    const s: Sizes = { cell: 'lstm', I: 2, H: 5, O: 2, T: 30, B: 3 };
    const { model, batch, ws } = setup(s, 'mse_last', 9);
    model.param('weight_hh_l0').w.fill(0);
    const tr = forwardBackward(model, batch, ws, { holdForget: phi });
    const g = tr.gates!;
    for (let r = 0; r < s.T * s.B; r++)
      for (let k = 0; k < s.H; k++) expect(g[r * 4 * s.H + s.H + k]).toBe(phi);
    const last = tr.dcNorm![s.T - 1]!;
    let worst = 0;
    for (let t = 1; t <= s.T; t++)
      worst = Math.max(
        worst,
        Math.abs(tr.dcNorm![t - 1]! / last - phi ** (s.T - t)) / phi ** (s.T - t),
      );
    expect(worst).toBeLessThan(1e-12);
    // No gradient into the forget-gate pre-activations.
    const H = s.H;
    for (const name of ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'] as const) {
      const p = model.param(name);
      for (let r = H; r < 2 * H; r++)
        for (let c = 0; c < p.cols; c++) expect(p.dw[r * p.cols + c]).toBe(0);
    }
  });
});

describe('truncated BPTT', () => {
  it.each(['linear', 'rnn', 'relu', 'lstm', 'gru'] as CellKind[])(
    '%s, mse_last: gradient reaches exactly K steps back',
    (cell) => {
      const s: Sizes = { cell, I: 2, H: 4, O: 2, T: 12, B: 2 };
      const { model, batch, ws } = setup(s, 'mse_last', 10);
      const K = 5;
      const tr = forwardBackward(model, batch, ws, { truncate: K });
      for (let t = 1; t <= s.T; t++) {
        if (t > s.T - K) expect(tr.dhNorm[t - 1]).toBeGreaterThan(0);
        else expect(tr.dhNorm[t - 1]).toBe(0);
      }
      const full = forwardBackward(model, batch, createWorkspace(model.spec, s.T, s.B));
      for (let t = s.T - K + 1; t <= s.T; t++)
        expect(full.dhNorm[t - 1]).toBeCloseTo(tr.dhNorm[t - 1]!, 14);
    },
  );

  it('K ≥ T and K = 0 are full BPTT', () => {
    const s: Sizes = { cell: 'gru', I: 2, H: 3, O: 2, T: 6, B: 2 };
    const { model, batch, ws } = setup(s, 'mse_all', 11);
    const ref = Float64Array.from(forwardBackward(model, batch, ws).dhNorm);
    const refW = Float64Array.from(model.param('weight_hh_l0').dw);
    for (const K of [0, 6, 9]) {
      expect(Array.from(forwardBackward(model, batch, ws, { truncate: K }).dhNorm)).toEqual(
        Array.from(ref),
      );
      expect(Array.from(model.param('weight_hh_l0').dw)).toEqual(Array.from(refW));
    }
  });
});

describe('trace', () => {
  it.each(['linear', 'rnn', 'relu', 'lstm', 'gru'] as CellKind[])(
    '%s: per-step norms equal the norms of dL/dh_t and dL/dc_t',
    (cell) => {
      const s: Sizes = { cell, I: 2, H: 5, O: 3, T: 7, B: 3 };
      const { model, batch, ws } = setup(s, 'xent_all', 12);
      const tr = forwardBackward(model, batch, ws);
      const bh = s.B * s.H;
      for (let t = 1; t <= s.T; t++) {
        expect(Math.abs(tr.dhNorm[t - 1]! - norm(tr.dh, (t - 1) * bh, bh))).toBeLessThan(
          1e-15 * tr.dhNorm[t - 1]!,
        );
        if (tr.dc !== null)
          expect(Math.abs(tr.dcNorm![t - 1]! - norm(tr.dc, (t - 1) * bh, bh))).toBeLessThan(
            1e-15 * tr.dcNorm![t - 1]!,
          );
      }
    },
  );

  it('mse_last runs the readout on the last step only (other outputs are 0)', () => {
    const s: Sizes = { cell: 'rnn', I: 2, H: 3, O: 2, T: 4, B: 2 };
    const { model, batch, ws } = setup(s, 'mse_all', 13);
    forwardBackward(model, batch, ws);
    const last = {
      ...batch,
      loss: 'mse_last' as const,
      targets: batch.targets.slice((s.T - 1) * s.B * s.O),
    };
    const tr = forwardBackward(model, last, ws);
    const n = (s.T - 1) * s.B * s.O;
    expect(Array.from(tr.outputs.subarray(0, n))).toEqual(new Array(n).fill(0));
    expect(tr.outputs.subarray(n).some((v) => v !== 0)).toBe(true);
  });

  it('forwardLoss equals the loss of forwardBackward and leaves gradients alone', () => {
    const s: Sizes = { cell: 'lstm', I: 2, H: 3, O: 2, T: 5, B: 2 };
    const { model, batch, ws } = setup(s, 'mse_all', 14);
    const L = forwardBackward(model, batch, ws).loss;
    const dw = Float64Array.from(model.param('weight_hh_l0').dw);
    expect(forwardLoss(model, batch, ws)).toBe(L);
    expect(Array.from(model.param('weight_hh_l0').dw)).toEqual(Array.from(dw));
  });
});

describe('weight gradients folded in chunks', () => {
  it.each(['linear', 'rnn', 'relu', 'lstm', 'gru'] as CellKind[])(
    '%s: any chunk size gives the same gradients as one chunk (all losses, with truncation)',
    (cell) => {
      const s: Sizes = { cell, I: 3, H: 4, O: 3, T: 11, B: 3 };
      for (const loss of ['mse_last', 'mse_all', 'xent_all', 'xent_last'] as AnyLossKind[]) {
        for (const truncate of [0, 4]) {
          const { rng, model, batch } = setup(s, loss, 23);
          const opts = { h0: randomState(s.B * s.H, rng), truncate };
          forwardBackward(
            model,
            batch,
            createWorkspace(model.spec, s.T, s.B, { chunkRows: 1e9 }),
            opts,
          );
          const one = model.params.map((p) => Float64Array.from(p.dw));
          for (const chunkRows of [1, 4, 7, 9, 30]) {
            const ws = createWorkspace(model.spec, s.T, s.B, { chunkRows });
            forwardBackward(model, batch, ws, opts);
            model.params.forEach((p, k) => {
              const ref = one[k]!;
              const scale = Math.max(...ref.map(Math.abs));
              expect(scale).toBeGreaterThan(0);
              for (let i = 0; i < ref.length; i++)
                expect(Math.abs(p.dw[i]! - ref[i]!)).toBeLessThan(1e-14 * scale);
            });
          }
        }
      }
    },
  );
});

describe('determinism and workspace reuse', () => {
  it.each(['linear', 'rnn', 'relu', 'lstm', 'gru'] as CellKind[])(
    '%s: same seed → bit-identical trace and gradients',
    (cell) => {
      const s: Sizes = { cell, I: 3, H: 6, O: 2, T: 9, B: 4 };
      const run = () => {
        const { model, batch, ws } = setup(s, 'mse_all', 15);
        const tr = forwardBackward(model, batch, ws);
        return [
          tr.loss,
          ...tr.h,
          ...tr.dh,
          ...tr.dhNorm,
          ...model.params.flatMap((p) => Array.from(p.dw)),
        ];
      };
      expect(run()).toEqual(run());
    },
  );

  it('a reused workspace gives the same results as a fresh one, across losses and options', () => {
    const s: Sizes = { cell: 'lstm', I: 2, H: 4, O: 3, T: 6, B: 2 };
    const { rng, model, ws } = setup(s, 'mse_all', 16);
    const b1 = randomBatch(s, 'xent_all', rng);
    const b2 = randomBatch(s, 'mse_last', rng);
    const h0 = randomState(s.B * s.H, rng);
    forwardBackward(model, b1, ws, { h0, truncate: 2, holdForget: 0.5 });
    const a = forwardBackward(model, b2, ws);
    const got = [
      a.loss,
      ...a.dh,
      ...a.dc!,
      ...a.outputs,
      ...a.dh0,
      ...model.params.flatMap((p) => Array.from(p.dw)),
    ];
    const f = forwardBackward(model, b2, createWorkspace(model.spec, s.T, s.B));
    const want = [
      f.loss,
      ...f.dh,
      ...f.dc!,
      ...f.outputs,
      ...f.dh0,
      ...model.params.flatMap((p) => Array.from(p.dw)),
    ];
    expect(got).toEqual(want);
  });

  it('rejects a batch or state of the wrong shape', () => {
    const s: Sizes = { cell: 'rnn', I: 2, H: 3, O: 2, T: 4, B: 2 };
    const { model, batch, ws } = setup(s, 'mse_all', 17);
    expect(() => forwardBackward(model, { ...batch, T: 5 }, ws)).toThrow(RangeError);
    expect(() => forwardBackward(model, { ...batch, targets: new Float64Array(3) }, ws)).toThrow(
      RangeError,
    );
    expect(() => forwardBackward(model, batch, ws, { h0: new Float64Array(5) })).toThrow(
      RangeError,
    );
  });
});

describe('non-finite values are flagged, never thrown', () => {
  it.each(['linear', 'rnn', 'relu', 'lstm', 'gru'] as CellKind[])(
    '%s: NaN in the input at step 3 → hidden/cell at step 3',
    (cell) => {
      const s: Sizes = { cell, I: 2, H: 3, O: 2, T: 6, B: 2 };
      const { model, batch, ws } = setup(s, 'mse_all', 18);
      batch.inputs[2 * s.B * s.I + 1] = NaN;
      const tr = forwardBackward(model, batch, ws);
      expect(tr.nonFinite).toEqual({ quantity: cell === 'lstm' ? 'cell' : 'hidden', step: 3 });
      expect(Number.isNaN(tr.loss)).toBe(true);
      const again = forwardBackward(
        model,
        { ...batch, inputs: batch.inputs.map((v) => (Number.isNaN(v) ? 0 : v)) },
        ws,
      );
      expect(again.nonFinite).toBeNull();
    },
  );

  it('NaN target → loss', () => {
    const s: Sizes = { cell: 'gru', I: 2, H: 3, O: 2, T: 3, B: 2 };
    const { model, batch, ws } = setup(s, 'mse_all', 19);
    batch.targets[4] = NaN;
    expect(forwardBackward(model, batch, ws).nonFinite).toEqual({ quantity: 'loss', step: 0 });
  });

  it('an out-of-range class id → loss', () => {
    const s: Sizes = { cell: 'rnn', I: 2, H: 3, O: 3, T: 3, B: 2 };
    const { model, batch, ws } = setup(s, 'xent_all', 20);
    batch.targets[1] = 7;
    expect(forwardBackward(model, batch, ws).nonFinite).toEqual({ quantity: 'loss', step: 0 });
  });

  it('an exploding linear recurrence overflows → hidden at the first infinite step', () => {
    const s: Sizes = { cell: 'linear', I: 1, H: 2, O: 1, T: 400, B: 1 };
    const { model, batch, ws } = setup(s, 'mse_last', 21);
    const w = model.param('weight_hh_l0').w;
    w.set([10, 0, 0, 10]);
    const tr = forwardBackward(model, batch, ws);
    expect(tr.nonFinite?.quantity).toBe('hidden');
    const step = tr.nonFinite!.step;
    const bh = s.B * s.H;
    expect(tr.h.subarray((step - 1) * bh, step * bh).every(Number.isFinite)).toBe(true);
    expect(tr.h.subarray(step * bh, (step + 1) * bh).some((v) => !Number.isFinite(v))).toBe(true);
  });

  it('a huge readout overflows only the backward pass → dL/dh at the step where it overflows', () => {
    // h_1 = tanh(5·0.01) ≈ 0.05, h_2 = tanh(5·h_1) ≈ 0.245: finite logits and loss, dL/dh_2 ≈ 0.8e308,
    // but dL/dh_1 = 5·(1 − h_2²)·dL/dh_2 ≈ 3.8e308 overflows.
    const model = randomModel(specOf({ cell: 'rnn', I: 1, H: 1, O: 2, T: 2, B: 1 }), createRng(1));
    model.param('weight_ih_l0').w.set([0]);
    model.param('bias_ih_l0').w.set([0]);
    model.param('bias_hh_l0').w.set([0]);
    model.param('weight_hh_l0').w.set([5]);
    model.param('readout.weight').w.set([4e307, -4e307]);
    model.param('readout.bias').w.set([0, 0]);
    const batch = {
      T: 2,
      B: 1,
      loss: 'xent_last' as const,
      inputs: new Float64Array(2),
      targets: Float64Array.of(1),
    };
    const tr = forwardBackward(model, batch, createWorkspace(model.spec, 2, 1), {
      h0: Float64Array.of(0.01),
    });
    expect(Number.isFinite(tr.loss)).toBe(true);
    expect(Number.isFinite(tr.dhNorm[1]!)).toBe(true);
    expect(tr.nonFinite).toEqual({ quantity: 'dL/dh', step: 1 });
  });
});
