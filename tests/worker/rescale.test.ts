/** The ρ slider: repeated moves need no eigen-decomposition, and the snapshot's spectrum stays true. */
import { describe, expect, it, vi } from 'vitest';
import * as spectrumModule from '../../src/engine/spectrum';
import { modelSpectrum } from '../../src/engine/spectrum';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import { small } from './helpers';

const view = { seq: 0, gate: 0 };
const paused = { running: false, stepsPerSecond: 0, acked: 0, force: true, forceSlow: true };

describe('ρ rescales', () => {
  it.each(['rnn', 'lstm', 'gru'] as const)(
    '%s: every block ends at the chosen ρ, move after move, and after training steps in between',
    (cell) => {
      const t = createTrainer(small({ cell, H: 12, rho: 0.8 }));
      const G = cell === 'rnn' ? 1 : cell === 'lstm' ? 4 : 3;
      for (const [k, rho] of [0.9, 1.3, 0.55, 1.05, 0.7].entries()) {
        if (k === 3) t.step(); // W_hh changed by training: ρ must be measured afresh
        t.setConfig({ rho });
        for (let g = 0; g < G; g++)
          expect(Math.abs(modelSpectrum(t.model, g).rho - rho) / rho).toBeLessThan(1e-12);
      }
    },
  );

  it('a second move in a row does not decompose W_hh again', () => {
    const t = createTrainer(small({ cell: 'lstm', H: 12, rho: 0.8 }));
    const evd = vi.spyOn(spectrumModule, 'setModelSpectralRadius');
    t.setConfig({ rho: 0.9 });
    t.setConfig({ rho: 1.2 });
    t.setConfig({ rho: 0.6 });
    expect(evd).toHaveBeenCalledTimes(1);
    evd.mockRestore();
  });

  it('with the spectrum shown known, the first move needs no decomposition either, and lands on ρ', () => {
    for (const cell of ['rnn', 'lstm'] as const) {
      const t = createTrainer(small({ cell, H: 12, rho: 0.8 }));
      const snap = createSnapshotter(() => 0);
      t.step(); // a W_hh no rescale made
      snap.build(t, view, paused);
      const evd = vi.spyOn(spectrumModule, 'setModelSpectralRadius');
      t.setConfig({ rho: 1.3 }, snap.knownRho(t));
      expect(evd).not.toHaveBeenCalled();
      evd.mockRestore();
      const G = cell === 'rnn' ? 1 : 4;
      for (let g = 0; g < G; g++)
        expect(Math.abs(modelSpectrum(t.model, g).rho - 1.3) / 1.3).toBeLessThan(1e-12);
      expect(snap.knownRho(t)).toBeNull(); // the spectrum shown is the old W_hh's until the next snapshot
    }
  });

  it('scaleSince composes the moves since a version, and is null once anything else changed W_hh', () => {
    const t = createTrainer(small({ cell: 'rnn', H: 12, rho: 0.8 }));
    t.setConfig({ rho: 0.9 }); // measured: ρ 0.8 → 0.9
    const v = t.whhVersion;
    t.setConfig({ rho: 1.2 });
    t.setConfig({ rho: 0.6 });
    expect(t.scaleSince(v)![0]).toBeCloseTo(0.6 / 0.9, 12);
    expect(t.scaleSince(t.whhVersion)).toBeNull();
    t.step();
    expect(t.scaleSince(v)).toBeNull();
  });

  it('the snapshot after moves in a row shows the spectrum a fresh decomposition gives', () => {
    for (const cell of ['rnn', 'gru'] as const) {
      const t = createTrainer(small({ cell, H: 12, rho: 0.8 }));
      const snap = createSnapshotter(() => 0);
      snap.build(t, view, paused);
      for (const rho of [0.9, 1.4, 0.5]) {
        t.setConfig({ rho });
        t.recompute();
        const msg = snap.build(t, view, paused).msg;
        msg.spectrum.forEach((s, g) => {
          const fresh = modelSpectrum(t.model, g);
          expect(Math.abs(s.rho - fresh.rho)).toBeLessThan(1e-12);
          expect(Math.abs(s.sigmaMax - fresh.sigmaMax)).toBeLessThan(1e-12);
          expect(Math.abs(s.sigmaMin - fresh.sigmaMin)).toBeLessThan(1e-12);
          for (let k = 0; k < fresh.re.length; k++) {
            expect(Math.abs(s.re[k]! - fresh.re[k]!)).toBeLessThan(1e-12);
            expect(Math.abs(s.im[k]! - fresh.im[k]!)).toBeLessThan(1e-12);
          }
        });
      }
    }
  });
});
