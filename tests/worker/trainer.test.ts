import { describe, expect, it } from 'vitest';
import { modelSpectrum } from '../../src/engine/spectrum';
import { createTrainer } from '../../src/worker/trainer';
import { small } from './helpers';

const losses = (cfg: ReturnType<typeof small>, n: number) => {
  const t = createTrainer(cfg);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    expect(t.step().ok).toBe(true);
    out.push(...t.log.drain().losses);
  }
  return { out, t };
};

describe('trainer', () => {
  it('is deterministic: same config and seed give bit-identical losses and weights', () => {
    for (const cell of ['rnn', 'lstm', 'gru', 'linear'] as const) {
      const a = losses(small({ cell, rho: cell === 'linear' ? 0.9 : 0.8 }), 15);
      const b = losses(small({ cell, rho: cell === 'linear' ? 0.9 : 0.8 }), 15);
      expect(a.out).toEqual(b.out);
      expect(a.out.every(Number.isFinite)).toBe(true);
      expect(a.t.getWeights().weights).toEqual(b.t.getWeights().weights);
      const c = losses(small({ cell, seed: 2, rho: cell === 'linear' ? 0.9 : 0.8 }), 15);
      expect(c.out).not.toEqual(a.out);
    }
  });

  it("logs each iteration's accuracy on its own batch for classification tasks, NaN otherwise", () => {
    const t = createTrainer(small({ cell: 'lstm', task: 'order', T: 12 }));
    for (let k = 0; k < 6; k++) t.step();
    const d = t.log.drain();
    expect(d.accuracies.length).toBe(d.losses.length);
    expect(d.accuracies.every((a) => a >= 0 && a <= 1)).toBe(true);
    // The latest trace is the last logged iteration's pass (before its update).
    expect(d.accuracies[d.accuracies.length - 1]).toBe(t.task.accuracy!(t.trace.outputs, t.batch));
    const r = createTrainer(small({ cell: 'rnn' }));
    r.step();
    expect(Number.isNaN(r.log.drain().accuracies[0])).toBe(true);
  });

  it('learns: the adding-problem loss falls with Adam', () => {
    const { out } = losses(small({ cell: 'lstm', T: 10, H: 16, batch: 16 }), 150);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(out.slice(-20))).toBeLessThan(0.5 * mean(out.slice(0, 20)));
  });

  it('applies lr, optimizer, clip, tbptt and holdForget live, without a rebuild', () => {
    const t = createTrainer(small({ cell: 'lstm' }));
    for (let k = 0; k < 5; k++) t.step();
    const model = t.model;
    const run = t.run;
    expect(t.setConfig({ lr: 0.05, opt: 'momentum', clip: 0.5, tbptt: 5, holdForget: 0.9 })).toBe(
      false,
    );
    expect(t.model).toBe(model);
    expect(t.run).toBe(run);
    expect(t.iteration).toBe(5);
    expect(t.config.lr).toBe(0.05);
    t.recompute();
    // Held forget gate: every f_t of the trace equals φ.
    const { T, B, H } = t.trace;
    const gates = t.trace.gates!;
    for (let r = 0; r < T * B; r++)
      for (let u = 0; u < H; u++) expect(gates[r * 4 * H + H + u]).toBe(0.9);
    // Truncation: with K = 5 and a last-step loss nothing reaches steps before T − 5 + 1.
    expect(t.trace.dhNorm[0]).toBe(0);
    expect(t.trace.dhNorm[T - 1]).toBeGreaterThan(0);
    expect(t.step().ok).toBe(true);
    expect(t.iteration).toBe(6);
    expect(t.clipped).toBe(t.preClipNorm > 0.5);
  });

  it('rescales W_hh live for rho and shifts the forget bias by the change', () => {
    const t = createTrainer(small({ cell: 'lstm', forgetBias: 0.5 }));
    for (let k = 0; k < 3; k++) t.step();
    const H = t.config.H;
    const before = t.model.param('bias_ih_l0').w.slice();
    const wih = t.model.param('weight_ih_l0').w.slice();
    expect(t.setConfig({ forgetBias: 2 })).toBe(false);
    const after = t.model.param('bias_ih_l0').w;
    for (let r = 0; r < 4 * H; r++) {
      const expected = r >= H && r < 2 * H ? before[r]! + 1.5 : before[r]!;
      expect(after[r]).toBeCloseTo(expected, 14);
    }
    expect(t.model.param('weight_ih_l0').w).toEqual(wih);
    expect(t.setConfig({ rho: 0.5 })).toBe(false);
    for (let g = 0; g < 4; g++) expect(modelSpectrum(t.model, g).rho).toBeCloseTo(0.5, 9);
    expect(t.iteration).toBe(3);
  });

  it('rebuilds for structural keys and counts runs', () => {
    const t = createTrainer(small());
    t.step();
    const run = t.run;
    expect(t.setConfig({ H: 12 })).toBe(true);
    expect(t.run).toBe(run + 1);
    expect(t.iteration).toBe(0);
    expect(t.trace.H).toBe(12);
    expect(t.log.length).toBe(0);
    expect(t.setConfig({ H: 12 })).toBe(false);
    expect(() => t.setConfig({ T: 0 })).toThrow();
    expect(t.trace.H).toBe(12);
  });

  it('recompute on the current batch changes dL/dh without a weight update', () => {
    const t = createTrainer(small({ cell: 'linear', rho: 0.5, T: 30 }));
    const w = t.getWeights().weights;
    const d1 = t.trace.dhNorm.slice();
    t.setConfig({ rho: 0.9 });
    t.recompute();
    const d2 = t.trace.dhNorm.slice();
    expect(d2).not.toEqual(d1);
    // Survival from step T back to step 1 grows with ρ.
    expect(d2[0]! / d2[29]!).toBeGreaterThan(d1[0]! / d1[29]!);
    expect(t.iteration).toBe(0);
    expect(t.getWeights().weights['readout.weight']).toEqual(w['readout.weight']);
  });

  it('loadWeights with a bad shape or name throws and leaves the model untouched', () => {
    const t = createTrainer(small({ cell: 'gru' }));
    const { weights } = t.getWeights();
    const bad = { ...weights, weight_hh_l0: weights.weight_hh_l0!.slice(1) };
    expect(() => t.loadWeights(bad)).toThrow(/weight_hh_l0/);
    expect(() => t.loadWeights({ ...weights, extra: [1] })).toThrow(/unknown/);
    const missing: Record<string, number[]> = { ...weights };
    delete missing['readout.bias'];
    expect(() => t.loadWeights(missing)).toThrow(/readout.bias/);
    const nan = { ...weights, 'readout.bias': [NaN] };
    expect(() => t.loadWeights(nan)).toThrow(/finite/);
    expect(t.getWeights().weights).toEqual(weights);
    // A good load makes another trainer reproduce this one's loss on the same batch.
    const other = createTrainer(small({ cell: 'gru', seed: 9 }));
    expect(other.trace.loss).not.toBe(t.trace.loss);
    other.loadWeights(weights);
    expect(other.getWeights().weights).toEqual(weights);
  });

  it('detects divergence, restores the last finite state and reports what blew up', () => {
    const t = createTrainer(
      small({ cell: 'linear', rho: 2, lr: 1, opt: 'sgd', clip: 0, T: 100, H: 8 }),
    );
    let res = t.step();
    let n = 1;
    while (res.ok && n < 50) {
      res = t.step();
      n++;
    }
    expect(res.ok).toBe(false);
    expect(res.nonFinite).not.toBeNull();
    expect(['loss', 'hidden', 'dL/dh', 'gradient']).toContain(res.nonFinite!.quantity);
    expect(t.iteration).toBe(n - 1);
    expect(Number.isFinite(t.trace.loss)).toBe(true);
    expect(t.trace.nonFinite).toBeNull();
    expect(t.trace.dhNorm.every(Number.isFinite)).toBe(true);
    expect(t.trace.h.every(Number.isFinite)).toBe(true);
  });

  it('freeze: recurrent keeps W_hh bit for bit and trains the rest; all changes nothing but the batch', () => {
    const w = (t: ReturnType<typeof createTrainer>) => t.getWeights().weights;
    for (const cell of ['rnn', 'lstm'] as const) {
      const t = createTrainer(small({ cell, freeze: 'recurrent', opt: 'sgd', lr: 0.1 }));
      const before = w(t);
      for (let k = 0; k < 5; k++) expect(t.step().ok).toBe(true);
      const after = w(t);
      expect(after.weight_hh_l0).toEqual(before.weight_hh_l0);
      for (const name of ['weight_ih_l0', 'bias_ih_l0', 'readout.weight'])
        expect(after[name]).not.toEqual(before[name]);
    }
    const f = createTrainer(small({ freeze: 'all' }));
    const before = w(f);
    const loss0 = f.trace.loss;
    for (let k = 0; k < 3; k++) expect(f.step().ok).toBe(true);
    expect(w(f)).toEqual(before);
    expect(f.iteration).toBe(3);
    expect(f.trace.loss).not.toBe(loss0); // a fresh batch each iteration
    expect(f.preClipNorm).toBeGreaterThan(0);
    expect(f.clipped).toBe(false);
  });

  it('freeze: clipping measures the trained weights only, and a live change keeps the weights', () => {
    const t = createTrainer(small({ freeze: 'recurrent', clip: 1e-3, opt: 'sgd', lr: 0.1 }));
    t.step();
    const hh = t.model.param('weight_hh_l0').dw;
    let all = 0;
    let rest = 0;
    for (const p of t.model.params)
      for (const g of p.dw) {
        all += g * g;
        if (p.dw !== hh) rest += g * g;
      }
    // After clipping the trained gradients have norm θ; W_hh's gradient was left as computed.
    expect(Math.sqrt(rest)).toBeCloseTo(1e-3, 9);
    expect(Math.sqrt(all)).toBeGreaterThan(1.001e-3);
    const whh = Array.from(t.model.param('weight_hh_l0').w);
    expect(t.setConfig({ freeze: 'none' })).toBe(false);
    expect(Array.from(t.model.param('weight_hh_l0').w)).toEqual(whh);
    t.step();
    expect(Array.from(t.model.param('weight_hh_l0').w)).not.toEqual(whh);
  });
});
