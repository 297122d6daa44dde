import { afterEach, describe, expect, it } from 'vitest';
import { modelSpectrum } from '../../src/engine/spectrum';
import { stepJacNormsLanczos } from '../../src/engine/jacobian/lanczos';
import { createTrainer } from '../../src/worker/trainer';
import type { DivergedMessage, Snapshot } from '../../src/worker/protocol';
import { harness, small } from './helpers';
import type { Harness } from './helpers';

let h: Harness | null = null;
afterEach(() => h?.session.dispose());

const finiteArrays = (s: Snapshot) =>
  [
    s.dhNorm,
    s.dcNorm,
    s.hidden,
    s.cellState,
    s.gates,
    s.dhUnit,
    s.dcUnit,
    s.lossesSince,
    s.normsSince,
  ].every((a) => a === null || a.every(Number.isFinite));

describe('session', () => {
  it('answers init with a snapshot of the selected sequence, sized T×H', async () => {
    h = harness();
    h.send({ type: 'init', config: small({ cell: 'lstm', T: 12, H: 5, batch: 3 }) });
    const s = h.last();
    expect(s.v).toBe(1);
    expect([s.T, s.H, s.B, s.cell, s.iteration, s.running]).toEqual([12, 5, 3, 'lstm', 0, false]);
    expect(s.hidden.length).toBe(12 * 5);
    expect(s.cellState!.length).toBe(12 * 5);
    expect(s.gates!.length).toBe(12 * 4 * 5);
    expect(s.dhNorm.length).toBe(12);
    expect(s.spectrum.map((g) => g.gate)).toEqual(['i', 'f', 'g', 'o']);
    expect(s.chanceLoss).toBeCloseTo(1 / 6, 2);
    // The selected sequence's rows are the trace's rows for that sequence.
    const tr = h.session.trainer!.trace;
    h.send({ type: 'setView', seq: 2 });
    const v = h.last();
    expect(v.seq).toBe(2);
    for (let t = 1; t <= 12; t++)
      for (let u = 0; u < 5; u++) expect(v.hidden[(t - 1) * 5 + u]).toBe(tr.h[(t * 3 + 2) * 5 + u]);
  });

  it('posts every loss exactly once, in order, matching a bare trainer', async () => {
    h = harness();
    const cfg = small({ cell: 'gru' });
    h.send({ type: 'init', config: cfg });
    h.send({ type: 'step', n: 37 });
    await h.until(() => h!.last().iteration === 37);
    h.send({ type: 'play' });
    await h.until(() => h!.last().iteration >= 120);
    h.send({ type: 'pause' });
    const snaps = h.snapshots();
    const iters = snaps.flatMap((s) => Array.from(s.itersSince));
    const lossesPosted = snaps.flatMap((s) => Array.from(s.lossesSince));
    const n = h.last().iteration;
    expect(iters).toEqual(Array.from({ length: n }, (_, k) => k + 1));
    const t = createTrainer(cfg);
    const ref: number[] = [];
    for (let k = 0; k < n; k++) {
      t.step();
      ref.push(t.log.drain().losses[0]!);
    }
    expect(lossesPosted).toEqual(ref);
    expect(h.last().running).toBe(false);
    const versions = snaps.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('snapshot arrays are fresh copies: mutating them changes neither the trainer nor later snapshots', () => {
    h = harness();
    h.send({ type: 'init', config: small({ cell: 'lstm' }) });
    const a = h.last();
    const keep = { dh: a.dhNorm.slice(), hid: a.hidden.slice(), re: a.spectrum[0]!.re.slice() };
    const tr = h.session.trainer!.trace;
    expect(a.dhNorm.buffer).not.toBe(tr.dhNorm.buffer);
    for (const arr of [
      a.dhNorm,
      a.dcNorm!,
      a.hidden,
      a.cellState!,
      a.gates!,
      a.dhUnit,
      a.dcUnit!,
      a.spectrum[0]!.re,
    ])
      arr.fill(NaN);
    expect(tr.dhNorm.every(Number.isFinite)).toBe(true);
    h.send({ type: 'setView', seq: 0 });
    const b = h.last();
    expect(b.version).toBe(a.version + 1);
    expect(b.dhNorm).toEqual(keep.dh);
    expect(b.hidden).toEqual(keep.hid);
    expect(b.spectrum[0]!.re).toEqual(keep.re);
  });

  it('a config change while paused recomputes the trace at once (same iteration, new dL/dh)', async () => {
    h = harness();
    h.send({ type: 'init', config: small({ cell: 'rnn', rho: 0.5, T: 30 }) });
    h.send({ type: 'step', n: 3 });
    await h.until(() => h!.last().iteration === 3);
    const a = h.last();
    const count = h.snapshots().length;
    h.send({ type: 'setConfig', patch: { rho: 1.5 } });
    await h.until(() => h!.snapshots().length > count);
    const b = h.last();
    expect(b.iteration).toBe(3);
    expect(b.config.rho).toBe(1.5);
    expect(b.dhNorm).not.toEqual(a.dhNorm);
    expect(b.dhNorm[0]! / b.dhNorm[29]!).toBeGreaterThan(a.dhNorm[0]! / a.dhNorm[29]!);
    expect(b.spectrum[0]!.rho).toBeCloseTo(1.5, 9);
    // The spectrum shown is the new W_hh's (rescaled from the cache; compare with a fresh decomposition).
    const fresh = modelSpectrum(h.session.trainer!.model, 0);
    const close = (x: Float64Array, y: Float64Array) =>
      x.every((v, k) => Math.abs(v - y[k]!) <= 1e-12 * (1 + Math.abs(v)));
    expect(close(b.spectrum[0]!.re, fresh.re)).toBe(true);
    expect(close(b.spectrum[0]!.im, fresh.im)).toBe(true);
    expect(b.spectrum[0]!.sigmaMax).toBeCloseTo(fresh.sigmaMax, 12);
    expect(b.spectrum[0]!.sigmaMin).toBeCloseTo(fresh.sigmaMin, 12);
    expect(b.lossesSince.length).toBe(0);
  });

  it('a paused slider move is answered before its step-Jacobian norms, which follow in a complete snapshot', async () => {
    h = harness();
    h.send({ type: 'init', config: small({ cell: 'rnn', rho: 0.5, T: 60, H: 16 }) });
    await h.until(() => h!.last().stepJacNorms !== null);
    const count = h.snapshots().length;
    // Three moves in a row before the session turns: one answer, then the norms of the last.
    for (const rho of [0.9, 1.2, 1.4]) h.send({ type: 'setConfig', patch: { rho } });
    await h.until(() => h!.snapshots().length >= count + 2);
    const [quick, complete] = h.snapshots().slice(count);
    expect(quick!.config.rho).toBe(1.4);
    expect(quick!.stepJacNorms).toBeNull();
    expect(complete!.dhNorm).toEqual(quick!.dhNorm);
    const t = h.session.trainer!;
    const w = t.model.param('weight_hh_l0').w;
    const tr = t.trace;
    expect(complete!.stepJacNorms).toEqual(
      stepJacNormsLanczos(w, tr.H, tr.h, tr.T, tr.B, 0, (x) => 1 - x * x),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(h.snapshots().length).toBe(count + 2);
  });

  it('diverges cleanly: message with iteration and quantity, paused, no NaN kept', async () => {
    h = harness();
    h.send({
      type: 'init',
      config: small({ cell: 'linear', rho: 2, lr: 1, opt: 'sgd', clip: 0, T: 100, H: 8 }),
    });
    h.send({ type: 'play' });
    await h.until(() => h!.msgs.some((m) => m.type === 'diverged'));
    const d = h.msgs.find((m): m is DivergedMessage => m.type === 'diverged')!;
    expect(d.iteration).toBeGreaterThanOrEqual(1);
    expect(['loss', 'hidden', 'dL/dh', 'gradient']).toContain(d.quantity);
    await h.until(() => h!.last().running === false);
    const s = h.last();
    expect(s.iteration).toBe(d.iteration - 1);
    expect(s.nonFinite).toBeNull();
    expect(Number.isFinite(s.loss)).toBe(true);
    expect(finiteArrays(s)).toBe(true);
    expect(h.snapshots().every(finiteArrays)).toBe(true);
  });

  it('rejects bad messages with an error and keeps working', () => {
    h = harness();
    h.send({ type: 'init', config: small() });
    const bad: unknown[] = [
      null,
      42,
      'play',
      { type: 'play' },
      { v: 2, type: 'play' },
      { v: 1, type: 'explode' },
      { v: 1, type: 'setConfig', patch: { lr: -1 } },
      { v: 1, type: 'setConfig', patch: { H: 1.5 } },
      { v: 1, type: 'setConfig', patch: { cell: 'transformer' } },
      { v: 1, type: 'setConfig', patch: { nope: 1 } },
      { v: 1, type: 'step', n: 0 },
      { v: 1, type: 'setSpeed', stepsPerSecond: -3 },
      { v: 1, type: 'init', config: { cell: 'rnn' } },
      { v: 1, type: 'loadWeights', weights: { weight_hh_l0: ['x'] } },
    ];
    const before = h.msgs.length;
    for (const m of bad) expect(() => h!.session.handle(m)).not.toThrow();
    const replies = h.msgs.slice(before);
    expect(replies.length).toBe(bad.length);
    expect(replies.every((m) => m.type === 'error' && m.message.length > 0)).toBe(true);
    expect(h.session.trainer!.config.lr).toBe(small().lr);
    h.send({ type: 'setView', seq: 1 });
    expect(h.last().seq).toBe(1);
  });

  it('loadWeights with a wrong shape answers error and leaves the model untouched; getWeights round-trips', () => {
    h = harness();
    h.send({ type: 'init', config: small({ cell: 'lstm' }) });
    h.send({ type: 'getWeights' });
    const w = h.msgs.find((m) => m.type === 'weights');
    if (w?.type !== 'weights') throw new Error('no weights message');
    expect(w.shapes.weight_hh_l0).toEqual([32, 8]);
    const loss = h.last().loss;
    h.send({ type: 'loadWeights', weights: { ...w.weights, weight_ih_l0: [1, 2, 3] } });
    const err = h.msgs[h.msgs.length - 1]!;
    expect(err.type).toBe('error');
    expect(h.session.trainer!.getWeights().weights).toEqual(w.weights);
    const zeroed = { ...w.weights, 'readout.weight': w.weights['readout.weight']!.map(() => 0) };
    h.send({ type: 'loadWeights', weights: zeroed });
    expect(h.last().loss).not.toBe(loss);
    expect(h.session.trainer!.model.param('readout.weight').w.every((x) => x === 0)).toBe(true);
  });

  it('runs analyses and a gradient check on demand', () => {
    h = harness();
    h.send({ type: 'init', config: small({ cell: 'lstm' }) });
    h.send({ type: 'analyze', kind: 'belt' });
    h.send({ type: 'analyze', kind: 'jacobian' });
    h.send({ type: 'gradcheck' });
    const belt = h.msgs.find((m) => m.type === 'analysis' && m.kind === 'belt');
    if (belt?.type !== 'analysis' || belt.kind !== 'belt') throw new Error('no belt');
    expect(belt.curves.beltProduct!.length).toBe(20 * 8);
    const jac = h.msgs.find((m) => m.type === 'analysis' && m.kind === 'jacobian');
    if (jac?.type !== 'analysis' || jac.kind !== 'jacobian') throw new Error('no jacobian');
    expect(jac.prodNorm[19]).toBe(1);
    const g = h.msgs.find((m) => m.type === 'gradcheck');
    if (g?.type !== 'gradcheck') throw new Error('no gradcheck');
    expect(g.checked).toBeGreaterThan(30);
    expect(g.maxRelError).toBeLessThan(1e-5);
  });

  it('stops and reports when a step throws inside the loop', async () => {
    h = harness();
    h.send({ type: 'init', config: small() });
    h.session.trainer!.step = () => {
      throw new RangeError('engine exploded');
    };
    h.send({ type: 'play' });
    await h.until(() => h!.msgs.some((m) => m.type === 'error'));
    const err = h.msgs.find((m) => m.type === 'error');
    expect(err?.type === 'error' && err.message).toBe('engine exploded');
    // The page learns that training stopped from a snapshot that follows the error.
    expect(h.last().running).toBe(false);
    expect(h.msgs.indexOf(h.last())).toBeGreaterThan(h.msgs.indexOf(err!));
  });

  it('honours a speed limit', async () => {
    h = harness();
    h.send({ type: 'init', config: small() });
    h.send({ type: 'setSpeed', stepsPerSecond: 20 });
    h.send({ type: 'play' });
    await new Promise((r) => setTimeout(r, 1000));
    h.send({ type: 'pause' });
    const n = h.last().iteration;
    expect(n).toBeGreaterThanOrEqual(12);
    expect(n).toBeLessThanOrEqual(24);
  });
});
