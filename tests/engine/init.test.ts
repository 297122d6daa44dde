import { describe, expect, it } from 'vitest';
import { initModel, shiftForgetBias } from '../../src/engine/init';
import type { InitOptions } from '../../src/engine/init';
import { cellInfo } from '../../src/engine/cells/catalog';
import { createModel } from '../../src/engine/model';
import type { Model } from '../../src/engine/model';
import { randomOrthogonal } from '../../src/engine/orthogonal';
import { createRng } from '../../src/engine/rng';
import { modelSpectrum, recurrentBlock } from '../../src/engine/spectrum';
import type { CellKind } from '../../src/engine/types';

const make = (cell: CellKind, H = 32, I = 3, O = 2): Model =>
  createModel({ cell, inputSize: I, hiddenSize: H, outputSize: O });
const base: InitOptions = { init: 'pytorch', rho: null, forgetBias: 0 };
const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** max |QᵀQ − I| for an n×n row-major block. */
function orthError(Q: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (Q[k * n + i] as number) * (Q[k * n + j] as number);
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  return worst;
}

describe('randomOrthogonal', () => {
  it('square: QᵀQ = I to 1e-12; rectangular: orthonormal rows or columns', () => {
    const Q = randomOrthogonal(createRng(1), 128, 128);
    expect(orthError(Q, 128)).toBeLessThan(1e-12);
    // 5×3 (tall): columns orthonormal. 3×5 (wide): rows orthonormal.
    const tall = randomOrthogonal(createRng(2), 5, 3);
    const wide = randomOrthogonal(createRng(2), 3, 5);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let c = 0;
        let r = 0;
        for (let k = 0; k < 5; k++) {
          c += (tall[k * 3 + i] as number) * (tall[k * 3 + j] as number);
          r += (wide[i * 5 + k] as number) * (wide[j * 5 + k] as number);
        }
        expect(Math.abs(c - (i === j ? 1 : 0))).toBeLessThan(1e-12);
        expect(Math.abs(r - (i === j ? 1 : 0))).toBeLessThan(1e-12);
      }
  });

  it('is Haar: the mean of Q₁₁ over draws is 0 and its variance 1/n (no sign bias)', () => {
    const rng = createRng(4);
    const n = 4;
    const draws = 4000;
    let m = 0;
    let v = 0;
    for (let k = 0; k < draws; k++) {
      const q = randomOrthogonal(rng, n, n)[0] as number;
      m += q;
      v += q * q;
    }
    m /= draws;
    v /= draws;
    // Std of the mean is √(1/(n·draws)) ≈ 0.008; without the sign fix the mean is far from 0.
    expect(Math.abs(m)).toBeLessThan(0.04);
    expect(Math.abs(v - 1 / n)).toBeLessThan(0.02);
  });
});

describe('initModel', () => {
  it('pytorch: every cell weight and the readout within ±1/√H, spread like U(±1/√H)', () => {
    for (const cell of ['rnn', 'lstm', 'gru', 'linear'] as const) {
      const H = 32;
      const model = make(cell, H);
      initModel(model, createRng(42), { ...base, forgetBias: 0 });
      const k = 1 / Math.sqrt(H);
      for (const p of model.params) {
        expect(maxAbs(p.w)).toBeLessThanOrEqual(k);
      }
      const w = model.param('weight_hh_l0').w;
      const mean = w.reduce((a, v) => a + v, 0) / w.length;
      const variance = w.reduce((a, v) => a + (v - mean) ** 2, 0) / w.length;
      // Var U(±k) = k²/3; with N ≥ 1024 draws the sample variance is within a few percent.
      expect(Math.abs(variance / ((k * k) / 3) - 1)).toBeLessThan(0.12);
      expect(Math.abs(mean)).toBeLessThan(0.1 * k);
      expect(maxAbs(w)).toBeGreaterThan(0.95 * k);
    }
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = make('gru');
    const b = make('gru');
    const c = make('gru');
    initModel(a, createRng(7), { ...base, rho: 0.9 });
    initModel(b, createRng(7), { ...base, rho: 0.9 });
    initModel(c, createRng(8), { ...base, rho: 0.9 });
    for (const { name } of a.params) {
      expect(Array.from(a.param(name).w)).toEqual(Array.from(b.param(name).w));
      expect(Array.from(a.param(name).w)).not.toEqual(Array.from(c.param(name).w));
    }
    const q1 = make('lstm');
    const q2 = make('lstm');
    initModel(q1, createRng(7), { ...base, init: 'orthogonal', rho: 0.9 });
    initModel(q2, createRng(7), { ...base, init: 'orthogonal', rho: 0.9 });
    for (const { name } of q1.params)
      expect(Array.from(q1.param(name).w)).toEqual(Array.from(q2.param(name).w));
  });

  it('xavier: per-block Glorot bounds, zero biases', () => {
    const H = 32;
    const I = 3;
    const model = make('lstm', H, I);
    initModel(model, createRng(3), { ...base, init: 'xavier' });
    const bi = Math.sqrt(6 / (I + H));
    const bh = Math.sqrt(6 / (2 * H));
    expect(maxAbs(model.param('weight_ih_l0').w)).toBeLessThanOrEqual(bi);
    expect(maxAbs(model.param('weight_ih_l0').w)).toBeGreaterThan(0.9 * bi);
    expect(maxAbs(model.param('weight_hh_l0').w)).toBeLessThanOrEqual(bh);
    expect(maxAbs(model.param('weight_hh_l0').w)).toBeGreaterThan(0.95 * bh);
    expect(maxAbs(model.param('bias_ih_l0').w)).toBe(0);
    expect(maxAbs(model.param('bias_hh_l0').w)).toBe(0);
  });

  it('orthogonal: each recurrent gate block has QᵀQ = I to 1e-12, and ρ scaling keeps it normal', () => {
    const H = 24;
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const model = make(cell, H);
      initModel(model, createRng(5), { ...base, init: 'orthogonal' });
      for (let g = 0; g < { rnn: 1, lstm: 4, gru: 3 }[cell]; g++) {
        expect(orthError(recurrentBlock(model, g), H)).toBeLessThan(1e-12);
      }
    }
    const scaled = make('rnn', H);
    initModel(scaled, createRng(5), { ...base, init: 'orthogonal', rho: 0.7 });
    const s = modelSpectrum(scaled, 0);
    expect(Math.abs(s.rho - 0.7)).toBeLessThan(1e-10);
    expect(Math.abs(s.sigmaMax - 0.7)).toBeLessThan(1e-10);
    expect(Math.abs(s.sigmaMin - 0.7)).toBeLessThan(1e-10);
  });

  it('identity (IRNN, offered by the ReLU RNN only): W_hh blocks = I, tiny input weights, zero biases', () => {
    expect(cellInfo('relu').inits.map((i) => i.id)).toContain('identity');
    for (const c of ['linear', 'rnn', 'lstm', 'gru'])
      expect(cellInfo(c).inits.map((i) => i.id)).not.toContain('identity');
    const H = 8;
    const model = make('relu', H);
    initModel(model, createRng(6), { ...base, init: 'identity' });
    const w = model.param('weight_hh_l0').w;
    for (let i = 0; i < H; i++)
      for (let j = 0; j < H; j++) expect(w[i * H + j]).toBe(i === j ? 1 : 0);
    const wih = model.param('weight_ih_l0').w;
    expect(maxAbs(wih)).toBeLessThan(0.006);
    expect(maxAbs(wih)).toBeGreaterThan(0);
    expect(maxAbs(model.param('bias_ih_l0').w)).toBe(0);
    const lstm = make('lstm', H);
    initModel(lstm, createRng(6), { ...base, init: 'identity', rho: 0.5 });
    for (let g = 0; g < 4; g++) {
      const b = recurrentBlock(lstm, g);
      for (let i = 0; i < H; i++)
        for (let j = 0; j < H; j++)
          expect(Math.abs((b[i * H + j] as number) - (i === j ? 0.5 : 0))).toBeLessThan(1e-15);
    }
  });

  it('rho rescales every block to ρ to 1e-10', () => {
    const model = make('lstm', 32);
    initModel(model, createRng(10), { ...base, rho: 1.25 });
    let worst = 0;
    for (let g = 0; g < 4; g++)
      worst = Math.max(worst, Math.abs(modelSpectrum(model, g).rho - 1.25) / 1.25);
    expect(worst).toBeLessThan(1e-10);
  });

  it('LSTM forget rows: b_ih f = forgetBias, b_hh f = 0, other rows untouched; shiftForgetBias moves only them', () => {
    const H = 16;
    const model = make('lstm', H);
    initModel(model, createRng(12), { ...base, forgetBias: 1 });
    const bih = model.param('bias_ih_l0').w;
    const bhh = model.param('bias_hh_l0').w;
    const other = make('lstm', H);
    initModel(other, createRng(12), { ...base, forgetBias: -2 });
    for (let u = 0; u < 4 * H; u++) {
      const isF = u >= H && u < 2 * H;
      expect(bih[u]).toBe(isF ? 1 : other.param('bias_ih_l0').w[u]);
      if (isF) expect(bhh[u]).toBe(0);
      else expect(bhh[u]).not.toBe(0);
    }
    const before = bih.slice();
    shiftForgetBias(model, 0.25);
    for (let u = 0; u < 4 * H; u++)
      expect(bih[u]).toBe(u >= H && u < 2 * H ? (before[u] as number) + 0.25 : before[u]);
    expect(() => shiftForgetBias(make('gru'), 1)).toThrow();
  });

  it('chrono: b_f ∈ [0, log(T−1)], b_i = −b_f, recurrent forget/input biases 0', () => {
    const H = 64;
    const T = 100;
    const model = make('lstm', H);
    initModel(model, createRng(13), { ...base, forgetBias: 5, chrono: true, T });
    const bih = model.param('bias_ih_l0').w;
    const bhh = model.param('bias_hh_l0').w;
    let hi = 0;
    for (let u = 0; u < H; u++) {
      const bf = bih[H + u] as number;
      expect(bf).toBeGreaterThanOrEqual(0);
      expect(bf).toBeLessThanOrEqual(Math.log(T - 1));
      expect(bih[u]).toBe(-bf);
      expect(bhh[u]).toBe(0);
      expect(bhh[H + u]).toBe(0);
      hi = Math.max(hi, bf);
    }
    expect(hi).toBeGreaterThan(0.9 * Math.log(T - 1));
    expect(() => initModel(make('lstm'), createRng(1), { ...base, chrono: true })).toThrow();
  });
});
