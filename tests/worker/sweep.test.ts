/** The sequence-length sweep: exact on a linear recurrence, progressive and cancellable in a session. */
import { afterEach, describe, expect, it } from 'vitest';
import { sweepConfig, sweepPoints } from '../../src/worker/sweep';
import type { SweepResult } from '../../src/worker/sweep';
import { createSession } from '../../src/worker/trainer/session';
import type { Session } from '../../src/worker/trainer/session';
import type { FromWorker, SweepPointMessage } from '../../src/worker/protocol';
import { MAX_WORK, stepWork } from '../../src/worker/config';
import { small } from './helpers';

const all = (g: Generator<SweepResult | null>) => [...g].filter((p): p is SweepResult => !!p);

describe('sweep points', () => {
  it('a linear recurrence W = ρQ gives ‖∂L/∂h_1‖/‖∂L/∂h_T‖ = ρ^(T−1) at every T', () => {
    const cfg = small({ cell: 'linear', init: 'orthogonal', rho: 0.9, H: 6 });
    const Ts = [1, 2, 10, 50, 200];
    const pts = all(sweepPoints(cfg, Ts, { weights: null, budget: 0 }));
    expect(pts.map((p) => p.T)).toEqual(Ts);
    for (const p of pts) {
      const want = 0.9 ** (p.T - 1);
      expect(Math.abs(p.dh1 / p.dhT - want) / want).toBeLessThan(1e-9);
      expect([p.trainedLoss, p.divergedAt]).toEqual([null, null]);
      expect(p.chanceLoss).toBeGreaterThan(0);
    }
  });

  it('from T = 100 to 1000 the tanh RNN at ρ = 0.8 loses over 87 decades, the LSTM at forget bias 3 a quarter of that', () => {
    const Ts = [100, 1000];
    const ratio = (p: SweepResult) => Math.log10(p.dh1) - Math.log10(p.dhT);
    const rnn = all(
      sweepPoints(small({ cell: 'rnn', rho: 0.8 }), Ts, { weights: null, budget: 0 }),
    );
    const lstm = all(
      sweepPoints(small({ cell: 'lstm', forgetBias: 3 }), Ts, { weights: null, budget: 0 }),
    );
    const drop = (p: SweepResult[]) => ratio(p[0]!) - ratio(p[1]!);
    // 900 · log10(1/0.8) ≈ 87.2 decades from ρ alone (measured here: 95.3 with tanh′).
    expect(drop(rnn)).toBeGreaterThan(87.2);
    expect(drop(lstm)).toBeLessThan(drop(rnn) / 4);
  });

  it('trains the budget at each T and reports the mean of its last tenth; the batch fits the work budget', () => {
    const pts = all(
      sweepPoints(small({ cell: 'gru', H: 4 }), [5, 20], { weights: null, budget: 30 }),
    );
    for (const p of pts) {
      expect(p.trainedLoss).not.toBeNull();
      expect(Number.isFinite(p.trainedLoss!)).toBe(true);
    }
    const big = sweepConfig(small({ cell: 'lstm', H: 128, batch: 64 }), 1000);
    expect(big.batch).toBeLessThanOrEqual(8);
    expect(stepWork(big)).toBeLessThanOrEqual(MAX_WORK);
  });

  it('given weights, measures those weights: untrained ones give the initialization’s points', () => {
    const cfg = small({ cell: 'lstm' });
    const fresh = all(sweepPoints(cfg, [10, 30], { weights: null, budget: 0 }));
    const session = createSession({ post: () => {} });
    session.handle({ v: 1, type: 'init', config: cfg });
    const w = Object.fromEntries(
      session.trainer!.model.params.map((p) => [p.name, p.w.slice()] as const),
    );
    session.dispose();
    expect(all(sweepPoints(cfg, [10, 30], { weights: w, budget: 0 }))).toEqual(fresh);
  });
});

describe('sweep in a session', () => {
  let s: Session | null = null;
  afterEach(() => s?.dispose());

  function rig() {
    const queue: (() => void)[] = [];
    const msgs: FromWorker[] = [];
    s = createSession({ post: (m) => msgs.push(m), yieldTo: (cb) => queue.push(cb), sliceMs: 1 });
    const points = () => msgs.filter((m): m is SweepPointMessage => m.type === 'sweepPoint');
    return { session: s, msgs, queue, points, send: (m: object) => s!.handle({ v: 1, ...m }) };
  }

  it('posts each point as it finishes, in grid order, then sweepDone', () => {
    const r = rig();
    r.send({ type: 'init', runId: 1, config: small({ cell: 'lstm' }) });
    r.send({ type: 'sweep', runId: 1, id: 7, Ts: [300, 600, 1000], from: 'init', budget: 0 });
    r.queue.shift()!();
    // One millisecond slices: the first turn cannot have finished every point.
    expect(r.points().length).toBeLessThan(3);
    while (r.queue.length > 0) r.queue.shift()!();
    expect(r.points().map((p) => [p.runId, p.id, p.T])).toEqual([
      [1, 7, 300],
      [1, 7, 600],
      [1, 7, 1000],
    ]);
    expect(r.msgs.at(-1)).toMatchObject({ type: 'sweepDone', runId: 1, id: 7, cancelled: false });
  });

  it('stops when cancelled, and says so', () => {
    const r = rig();
    r.send({ type: 'init', config: small({ cell: 'lstm' }) });
    r.send({ type: 'sweep', id: 3, Ts: [10, 20, 40, 80, 160], from: 'init', budget: 20 });
    r.queue.shift()!();
    const before = r.points().length;
    r.send({ type: 'cancelSweep', id: 3 });
    expect(r.msgs.at(-1)).toMatchObject({ type: 'sweepDone', id: 3, cancelled: true });
    while (r.queue.length > 0) r.queue.shift()!();
    expect(r.points().length).toBe(before);
    expect(before).toBeLessThan(5);
  });
});
