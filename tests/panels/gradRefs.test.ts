import { describe, expect, it } from 'vitest';
import { cRefs, hRefs } from '../../src/panels/gradRefs';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import { saturation } from '../../src/worker/trainer/saturation';
import { cellInfo } from '../../src/engine/cells/catalog';
import { small } from '../worker/helpers';
import type { TrainConfig } from '../../src/worker/config';

const input = { running: false, stepsPerSecond: 0, force: true, forceSlow: true, acked: 0 };

function snapAfter(cfg: Partial<TrainConfig>, steps: number) {
  const t = createTrainer(small(cfg));
  for (let k = 0; k < steps; k++) t.step();
  return createSnapshotter(() => 0).build(t, { seq: 0, gate: 0 }, input).msg;
}

describe('gradient panel references', () => {
  it('tanh RNN: ρ₀ as set, and ρ and σ_max now once training has moved them, each with its value', () => {
    const s = snapAfter({ cell: 'rnn', init: 'orthogonal', rho: 0.8, opt: 'adam', lr: 0.05 }, 20);
    const r = hRefs(s, 0);
    expect(r.main!.label).toContain('ρ₀ = 0.80,');
    expect(r.main!.label).toContain('as set at iteration 0');
    const T = s.T;
    // ρ₀^(T−t)·‖∂L/∂h_T‖ at t = 1.
    expect(r.main!.y[0]! / (s.dhNorm[T - 1]! * 0.8 ** (T - 1))).toBeCloseTo(1, 12);
    expect(r.extra.map((e) => e.label).join(' | ')).toMatch(
      /ρ\^\(T−t\) now: ρ = .*σ_max\^\(T−t\) now/,
    );
    const rhoNow = s.spectrum[0]!.rho;
    expect(r.extra[0]!.y[0]! / (s.dhNorm[T - 1]! * rhoNow ** (T - 1))).toBeCloseTo(1, 10);
    for (const e of [r.main!, ...r.extra]) expect(e.column).not.toContain(',');
  });

  it('frozen orthogonal W_hh: one line, ρ₀ = σ_max, and no "now" lines', () => {
    const s = snapAfter({ cell: 'rnn', init: 'orthogonal', rho: 0.8, freeze: 'recurrent' }, 5);
    const r = hRefs(s, 0);
    expect(r.main!.label).toContain('ρ₀ = σ_max = 0.80,');
    expect(r.extra).toEqual([]);
  });

  it('gated cells never get a gate block’s ρ: Π f beside ‖∂L/∂cₜ‖ (LSTM), Π z beside ‖∂L/∂hₜ‖ (GRU)', () => {
    const l = snapAfter({ cell: 'lstm', rho: null, forgetBias: 1 }, 3);
    expect(hRefs(l, 2)).toEqual({ main: null, extra: [] });
    const c = cRefs(l, 2);
    expect(c.main!.label).toMatch(/^Π fₛ over s > t/);
    const { T, H } = l;
    const G = 4;
    let p = 1;
    for (let t = 2; t <= T; t++) p *= l.gates![(t - 1) * G * H + H + 2]!; // f block, unit 2
    expect(c.main!.y[0]! / (p * l.dcNorm![T - 1]!)).toBeCloseTo(1, 12);
    expect(c.main!.y[T - 1]).toBe(l.dcNorm![T - 1]);
    const g = snapAfter({ cell: 'gru', rho: null }, 3);
    expect(hRefs(g, 0).main!.label).toMatch(/^Π zₛ over s > t/);
    expect(cRefs(g, 0)).toEqual({ main: null, extra: [] });
  });

  it('with truncation K the references stop where backpropagation stops (t > T − K)', () => {
    const s = snapAfter({ cell: 'lstm', rho: null, forgetBias: 1, tbptt: 5 }, 2);
    const c = cRefs(s, 0);
    const T = s.T;
    for (let t = 1; t <= T; t++) {
      expect(Number.isNaN(c.main!.y[t - 1]!), `t = ${t}`).toBe(t <= T - 5);
      expect(s.dcNorm![t - 1] === 0).toBe(t <= T - 5);
    }
    const r = hRefs(snapAfter({ cell: 'rnn', tbptt: 5 }, 1), 0);
    expect(Number.isNaN(r.main!.y[0]!)).toBe(true);
  });
});

describe('saturation readout', () => {
  it('measures h for tanh, tanh(c) for the LSTM, n for the GRU, nothing for the linear cell', () => {
    const hidden = Float64Array.of(0.999, -0.995, 0.5, 0);
    expect(saturation(cellInfo('rnn'), 2, 2, hidden, null, null)).toEqual({
      fraction: 0.5,
      of: 'hₜ',
    });
    expect(saturation(cellInfo('linear'), 2, 2, hidden, null, null)).toBeNull();
    const c = Float64Array.of(3, -3, 0.1, 2.7);
    // tanh(2.7) = 0.991 > 0.99, tanh(0.1) is not.
    expect(saturation(cellInfo('lstm'), 2, 2, hidden, c, null)!.fraction).toBe(0.75);
    const gates = new Float64Array(2 * 3 * 2);
    gates.set([0.999, 0.2], 4); // t = 1, n block
    gates.set([0.1, -0.9999], 10); // t = 2, n block
    expect(saturation(cellInfo('gru'), 2, 2, hidden, null, gates)).toEqual({
      fraction: 0.5,
      of: 'nₜ',
    });
  });
});
