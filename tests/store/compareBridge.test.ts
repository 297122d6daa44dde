/**
 * A comparison through the bridge, on a real session in this thread: the runs' histories, the picked
 * run mirrored at the top of the store, where each control's change goes, and restarts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { createBridge } from '../../src/store/bridge';
import type { ClientLike } from '../../src/store/bridge';
import { createSession } from '../../src/worker/trainer/session';
import type { Session } from '../../src/worker/trainer/session';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import type { TrainConfig } from '../../src/worker/config';

const base: TrainConfig = { ...DEFAULT_CONFIG, T: 20, H: 8, batch: 4 };

function rig(compare: TrainConfig[]) {
  let clock = 0;
  const turns: (() => void)[] = [];
  const inflight: FromWorker[] = [];
  const sent: ToWorker[] = [];
  let listener: ((m: FromWorker) => void) | null = null;
  const session: Session = createSession({
    post: (m) => inflight.push(m),
    now: () => clock++,
    yieldTo: (cb) => turns.push(cb),
  });
  const client: ClientLike = {
    mode: 'inline',
    send: (m) => (sent.push(m), session.handle(m)),
    subscribe: (cb) => ((listener = cb), () => (listener = null)),
    terminate: () => session.dispose(),
  };
  const store = createAppStore({ config: base, compare });
  const bridge = createBridge(store, client, (cb) => cb());
  /** Runs up to `n` turns (all of them, while paused), delivering what the session posts. */
  const settle = (n = 100_000) => {
    for (let k = 0; k < n && (turns.length > 0 || inflight.length > 0); k++) {
      turns.shift()?.();
      inflight.splice(0).forEach((m) => listener?.(m));
    }
  };
  return { session, store, bridge, sent, settle, s: () => store.getState() };
}

let rigs: ReturnType<typeof rig>[] = [];
const make = (compare: TrainConfig[]) => {
  const r = rig(compare);
  rigs.push(r);
  return r;
};
afterEach(() => {
  rigs.forEach((r) => r.bridge.dispose());
  rigs = [];
});

describe('a comparison through the bridge', () => {
  it('trains every run on the same batches; the top of the store shows the picked run', () => {
    const r = make([{ ...base, cell: 'lstm' }]);
    r.bridge.start();
    r.settle();
    // Before any training, every run has its iteration-0 snapshot on the page.
    expect(r.s().runs.map((x) => x.latest?.iteration)).toEqual([0, 0]);
    expect(r.s().status).toBe('paused');
    r.bridge.step(12);
    r.settle();
    const [a, b] = r.s().runs;
    expect([a!.latest!.iteration, b!.latest!.iteration]).toEqual([12, 12]);
    expect([a!.latest!.cell, b!.latest!.cell]).toEqual(['rnn', 'lstm']);
    expect(Array.from(b!.loss.hashes)).toEqual(Array.from(a!.loss.hashes));
    expect(Array.from(a!.loss.losses)).not.toEqual(Array.from(b!.loss.losses));
    // Run A is picked: it is drawn in full, run B lightly.
    expect([a!.latest!.detail, b!.latest!.detail]).toEqual(['full', 'light']);
    expect(r.s().latest).toBe(a!.latest);
    r.bridge.pickRun(1);
    r.settle();
    expect(r.s().latest!.cell).toBe('lstm');
    expect(r.s().latest!.detail).toBe('full');
    expect(r.s().loss).toBe(r.s().runs[1]!.loss);
    expect(r.s().runs[0]!.latest!.detail).toBe('light');
    expect(r.s().status).toBe('paused');
    expect(r.s().awaitingAck).toBe(false);
  });

  it('controls edit the picked run; task, T, batch and seed apply to every run', () => {
    const r = make([{ ...base, cell: 'lstm' }]);
    r.bridge.start();
    r.settle();
    r.bridge.pickRun(1);
    r.bridge.setConfig({ lr: 0.003 });
    expect([r.s().config.lr, r.s().compare[0]!.lr]).toEqual([base.lr, 0.003]);
    expect(r.sent.at(-1)).toMatchObject({ type: 'setConfig', runId: 1, patch: { lr: 0.003 } });
    r.bridge.setConfig({ T: 30 });
    expect([r.s().config.T, r.s().compare[0]!.T]).toEqual([30, 30]);
    r.settle();
    expect(r.s().runs.map((x) => x.latest!.T)).toEqual([30, 30]);
  });

  it('a change that rebuilds one run restarts every run, and a running comparison keeps running', () => {
    const r = make([{ ...base, cell: 'lstm' }]);
    r.bridge.start();
    r.settle();
    r.bridge.play();
    r.settle(30);
    r.bridge.pause();
    r.settle();
    const before = r.s().runs[0]!.latest!.iteration;
    expect(before).toBeGreaterThan(0);
    r.bridge.play();
    r.bridge.pickRun(1);
    r.settle(5);
    r.bridge.setConfig({ cell: 'gru' });
    expect(r.s().status).toBe('running');
    expect(r.s().runs.every((x) => x.latest === null)).toBe(true);
    r.settle(30);
    r.bridge.pause();
    r.settle();
    const [a, b] = r.s().runs;
    expect(b!.latest!.cell).toBe('gru');
    expect(a!.latest!.iteration).toBe(b!.latest!.iteration);
    expect(a!.loss.iters[0]).toBe(1);
    expect(Array.from(a!.loss.hashes)).toEqual(Array.from(b!.loss.hashes));
  });

  it('adds, picks and removes runs; each change starts every run afresh, paused', () => {
    const r = make([]);
    r.bridge.start();
    r.settle();
    r.bridge.addRun();
    expect(r.s().compare.length).toBe(1);
    expect(r.s().view.run).toBe(1);
    r.bridge.setConfig({ cell: 'lstm' });
    r.bridge.addRun();
    expect(r.s().compare.map((c) => c.cell)).toEqual(['lstm', 'lstm']);
    r.settle();
    expect(r.s().runs.length).toBe(3);
    expect(r.session.trainerOf(2)).not.toBeNull();
    r.bridge.removeRun(0);
    r.settle();
    expect([r.s().config.cell, r.s().compare.length, r.s().view.run]).toEqual(['lstm', 1, 1]);
    expect(r.session.trainerOf(2)).toBeNull();
    r.bridge.stopComparing();
    r.settle();
    expect(r.s().compare).toEqual([]);
    expect(r.s().runs.length).toBe(1);
    expect(r.s().status).toBe('paused');
  });

  it('one run diverging leaves the comparison running; all of them diverging stops it', () => {
    const wild: TrainConfig = {
      ...base,
      rho: 2,
      opt: 'sgd',
      lr: 1,
      clip: 0,
      T: 60,
      H: 16,
    };
    const r = make([{ ...wild, cell: 'lstm', clip: 1, opt: 'adam', lr: 0.01 }]);
    r.store.setState({ config: wild });
    r.bridge.start();
    r.settle();
    r.bridge.play();
    for (let k = 0; k < 2000 && r.s().runs[0]!.diverged === null; k++) r.settle(1);
    expect(r.s().runs[0]!.diverged).not.toBeNull();
    expect(r.s().diverged).not.toBeNull(); // run A is picked
    expect(r.s().runs[1]!.diverged).toBeNull();
    r.settle(20);
    expect(r.s().status).toBe('running');
    expect(r.s().runs[1]!.latest!.iteration).toBeGreaterThan(r.s().runs[0]!.diverged!.iteration);
    r.bridge.pause();
    r.settle();
    expect(r.s().status).toBe('paused');
    // Both runs wild: once the second goes too, nothing can train.
    r.bridge.replaceConfig(wild, null, [{ ...wild, cell: 'gru' }]);
    r.settle();
    r.bridge.play();
    for (let k = 0; k < 4000 && r.s().status !== 'diverged'; k++) r.settle(1);
    expect(r.s().runs.every((x) => x.diverged !== null)).toBe(true);
    expect(r.s().status).toBe('diverged');
    expect(r.session.state.kind).toBe('paused');
  });
});
