import { describe, expect, it } from 'vitest';
import { modelSpectrum } from '../../src/engine/spectrum';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import { small } from './helpers';

describe('snapshotter budget', () => {
  it('a forced snapshot skips analyses that were slow, says stale, and forceSlow brings them up to date', () => {
    let clock = 0;
    // Every reading of the clock advances it 200 ms: every analysis looks slow.
    const snap = createSnapshotter(() => (clock += 200));
    const t = createTrainer(small({ cell: 'rnn' }));
    const view = { seq: 1, gate: 0 };
    const a = snap.build(t, view, { running: false, stepsPerSecond: 0, acked: 0, force: true });
    expect(a.stale).toBe(false);
    expect(a.msg.stepJacNorms).not.toBeNull();
    t.step();
    const b = snap.build(t, view, { running: false, stepsPerSecond: 0, acked: 0, force: true });
    expect(b.stale).toBe(true);
    expect(b.msg.spectrumIteration).toBe(0);
    expect(b.msg.stepJacIteration).toBe(0);
    expect(b.msg.stepJacNorms).toEqual(a.msg.stepJacNorms);
    const c = snap.build(t, view, {
      running: false,
      stepsPerSecond: 0,
      acked: 0,
      force: true,
      forceSlow: true,
    });
    expect(c.stale).toBe(false);
    expect(c.msg.spectrumIteration).toBe(1);
    expect(c.msg.stepJacIteration).toBe(1);
    expect(c.msg.stepJacNorms).not.toEqual(a.msg.stepJacNorms);
    expect(c.msg.spectrum[0]!.rho).toBe(modelSpectrum(t.model, 0).rho);
  });

  it('with a fast clock, forced snapshots are always complete', () => {
    const snap = createSnapshotter(() => 0);
    const t = createTrainer(small({ cell: 'linear', rho: 0.9 }));
    snap.build(
      t,
      { seq: 0, gate: 0 },
      { running: false, stepsPerSecond: 0, acked: 0, force: true },
    );
    t.step();
    const b = snap.build(
      t,
      { seq: 0, gate: 0 },
      { running: false, stepsPerSecond: 0, acked: 0, force: true },
    );
    expect(b.stale).toBe(false);
    expect(b.msg.stepJacIteration).toBe(1);
    // Linear cell: every step Jacobian is W_hh, so each norm is σ_max(W_hh).
    const sigma = modelSpectrum(t.model, 0).sigmaMax;
    expect(b.msg.stepJacNorms!.every((x) => Math.abs(x - sigma) <= 1e-10 * sigma)).toBe(true);
  });
});
