import { describe, expect, it } from 'vitest';
import { modelSpectrum } from '../../src/engine/spectrum';
import { stepJacNormsLanczos } from '../../src/engine/jacobian/lanczos';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import type { Trainer } from '../../src/worker/trainer';
import { small } from './helpers';

const forced = { running: false, stepsPerSecond: 0, acked: 0, force: true };

/** The norms computed at once from the trainer's current trace, for comparison. */
function freshNorms(t: Trainer, seq: number): Float64Array {
  const tr = t.trace;
  const w = t.model.param('weight_hh_l0').w;
  return stepJacNormsLanczos(w, tr.H, tr.h, tr.T, tr.B, seq, (h) => 1 - h * h);
}

describe('snapshotter budget', () => {
  it('a forced snapshot skips analyses that were slow, says stale, and forceSlow brings them up to date', () => {
    let clock = 0;
    // Every reading of the clock advances it 200 ms: every analysis looks slow.
    const snap = createSnapshotter(() => (clock += 200));
    const t = createTrainer(small({ cell: 'rnn' }));
    const view = { seq: 1, gate: 0 };
    const a = snap.build(t, view, { ...forced, forceSlow: true });
    expect(a.stale).toBe(false);
    expect(a.msg.stepJacNorms).toEqual(freshNorms(t, 1));
    t.step();
    const b = snap.build(t, view, forced);
    expect(b.stale).toBe(true);
    expect(b.msg.spectrumIteration).toBe(0);
    // Never the previous trace's norms beside this trace's states.
    expect(b.msg.stepJacNorms).toBeNull();
    const c = snap.build(t, view, { ...forced, forceSlow: true });
    expect(c.stale).toBe(false);
    expect(c.msg.spectrumIteration).toBe(1);
    expect(c.msg.stepJacIteration).toBe(1);
    expect(c.msg.stepJacNorms).toEqual(freshNorms(t, 1));
    expect(c.msg.spectrum[0]!.rho).toBe(modelSpectrum(t.model, 0).rho);
  });

  it('a forced answer leaves the step Jacobians to work(), which drops them when the trace changes', () => {
    const snap = createSnapshotter(() => 0);
    const t = createTrainer(small({ cell: 'rnn', rho: 0.9 }));
    const view = { seq: 2, gate: 0 };
    const a = snap.build(t, view, forced);
    expect([a.stale, a.msg.stepJacNorms]).toEqual([true, null]);
    // A zero budget computes one step per call: T calls, the last one done.
    for (let k = 1; k < t.trace.T; k++) expect(snap.work(t, view, 0)).toBe(false);
    // A slider move before the last step: the half-done job is for another trace.
    t.setConfig({ rho: 1.3 });
    t.recompute();
    const b = snap.build(t, view, forced);
    expect([b.stale, b.msg.stepJacNorms]).toEqual([true, null]);
    let calls = 1;
    while (!snap.work(t, view, 0)) calls++;
    expect(calls).toBe(t.trace.T);
    const c = snap.build(t, view, forced);
    expect(c.stale).toBe(false);
    expect(c.msg.stepJacNorms).toEqual(freshNorms(t, 2));
    expect(snap.work(t, view, 0)).toBe(true); // nothing left
  });

  it('while training, a snapshot shows the latest norms computed (stepJacIteration says when)', () => {
    const snap = createSnapshotter(() => 0);
    const t = createTrainer(small({ cell: 'linear', rho: 0.9 }));
    const running = { running: true, stepsPerSecond: 0, acked: 0, force: false };
    const view = { seq: 0, gate: 0 };
    const a = snap.build(t, view, running);
    expect(a.msg.stepJacIteration).toBe(0);
    t.step();
    // Within the 100 ms gap: the norms of iteration 0 stay.
    const b = snap.build(t, view, running);
    expect(b.msg.stepJacIteration).toBe(0);
    expect(b.msg.stepJacNorms).toEqual(a.msg.stepJacNorms);
    // Linear cell: every step Jacobian is W_hh, so each norm is σ_max(W_hh) (of iteration 0's W).
    const c = snap.build(t, view, { ...forced, forceSlow: true });
    expect(c.msg.stepJacIteration).toBe(1);
    const sigma = modelSpectrum(t.model, 0).sigmaMax;
    expect(c.msg.stepJacNorms!.every((x) => Math.abs(x - sigma) <= 1e-10 * sigma)).toBe(true);
  });

  it('while training, the norms are computed in pieces on a copy of one iteration, never in one block', () => {
    let clock = 0;
    // Every reading of the clock advances it 1 ms: each Lanczos step "takes" about 1 ms.
    const snap = createSnapshotter(() => (clock += 1));
    const t = createTrainer(small({ cell: 'rnn', T: 200, H: 8 }));
    const running = { running: true, stepsPerSecond: 0, acked: 0, force: false };
    const view = { seq: 1, gate: 0 };
    snap.build(t, view, running); // the first piece (the first norms may take the whole budget)
    const first = snap.build(t, view, { ...forced, forceSlow: true }).msg.stepJacIteration;
    expect(first).toBe(0);
    t.step();
    clock += 1000; // past the gap: the next snapshot starts norms for iteration 1
    const atStart = freshNorms(t, 1);
    let pieces = 0;
    let shown = 0;
    let prev = clock - 1000;
    while (shown !== 1) {
      const before = clock;
      const m = snap.build(t, view, running).msg;
      shown = m.stepJacIteration;
      pieces++;
      // Each snapshot spends at most a fifth of the time since the last one on the norms (at most
      // 50 ms), give or take the clock's other readers and the step that crosses the budget.
      expect(clock - before).toBeLessThanOrEqual(Math.min(50, (before - prev) / 5) + 8);
      prev = before;
      if (shown !== 1) expect(m.stepJacNorms).not.toEqual(atStart);
      else expect(m.stepJacNorms).toEqual(atStart);
      t.step(); // training overwrites the trace between snapshots: the job works on its copy
      clock += 33;
      expect(pieces).toBeLessThan(100);
    }
    expect(pieces).toBeGreaterThan(10);
  });
});
