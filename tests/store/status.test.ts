import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import type { Status } from '../../src/store/store';
import { createBridge } from '../../src/store/bridge';
import type { ClientLike } from '../../src/store/bridge';
import { createSession } from '../../src/worker/trainer/session';
import type { Session } from '../../src/worker/trainer/session';
import type { FromWorker } from '../../src/worker/protocol';
import { DEFAULT_CONFIG } from '../../src/worker/config';

/**
 * The bridge on a real session whose messages to the page wait in flight until the test delivers
 * them, on a clock of 1 ms per reading and turns the test runs: the page can click while snapshots
 * that predate the click are still on their way.
 */
function rig() {
  let clock = 0;
  const turns: (() => void)[] = [];
  const inflight: FromWorker[] = [];
  let listener: ((m: FromWorker) => void) | null = null;
  const session: Session = createSession({
    post: (m) => inflight.push(m),
    now: () => clock++,
    yieldTo: (cb) => turns.push(cb),
  });
  let sent = 0;
  const client: ClientLike = {
    mode: 'inline',
    send: (m) => (sent++, session.handle(m)),
    subscribe: (cb) => ((listener = cb), () => (listener = null)),
    terminate: () => session.dispose(),
  };
  const store = createAppStore({ config: { ...DEFAULT_CONFIG, T: 20, H: 8, batch: 4 } });
  const bridge = createBridge(store, client, (cb) => cb());
  const statuses: Status[] = [];
  store.subscribe((s, p) => s.status !== p.status && statuses.push(s.status));
  return {
    session,
    store,
    bridge,
    statuses,
    turn: (n = 1) => {
      for (let k = 0; k < n && turns.length > 0; k++) turns.shift()!();
    },
    /** Messages sent so far (a click's own message included). */
    sent: () => sent,
    deliver: (n = Infinity, onSnapshot?: (m: FromWorker & { type: 'snapshot' }) => void) => {
      for (let k = 0; k < n && inflight.length > 0; k++) {
        const m = inflight.shift()!;
        if (m.type === 'snapshot') onSnapshot?.(m);
        listener?.(m);
      }
    },
    /** The page's status for the session's state (stepping shows as paused). */
    workerStatus: (): Status => (session.state.kind === 'running' ? 'running' : 'paused'),
  };
}

let rigs: ReturnType<typeof rig>[] = [];
const make = () => {
  const r = rig();
  rigs.push(r);
  return r;
};
afterEach(() => {
  rigs.forEach((r) => r.bridge.dispose());
  rigs = [];
});

describe('page status and session state', () => {
  it('Reset while running: the label stays Pause, the history restarts, training goes on', () => {
    const r = make();
    r.bridge.start();
    r.deliver();
    r.bridge.play();
    r.turn(20);
    r.deliver();
    const before = r.store.getState().latest!;
    expect(before.iteration).toBeGreaterThan(5);
    r.bridge.reset();
    expect(r.store.getState().status).toBe('running');
    r.turn(20);
    r.deliver();
    const s = r.store.getState();
    expect(s.status).toBe('running');
    expect(s.latest!.run).toBe(before.run + 1);
    expect(s.loss.iters[0]).toBe(1);
    expect(r.workerStatus()).toBe('running');
    expect(r.statuses).toEqual(['paused', 'running']);
  });

  it('a snapshot posted before a click cannot flip the label back', () => {
    const r = make();
    r.bridge.start();
    r.deliver();
    r.bridge.play();
    r.turn(10); // running snapshots now in flight
    r.bridge.pause();
    expect(r.store.getState()).toMatchObject({ status: 'paused', awaitingAck: true });
    r.deliver(1); // an old 'running' snapshot
    expect(r.store.getState()).toMatchObject({ status: 'paused', awaitingAck: true });
    r.deliver();
    // The paused snapshot is in: the readouts show where the session stopped.
    expect(r.store.getState().awaitingAck).toBe(false);
    expect(r.store.getState().latest!.iteration).toBe(r.session.trainer!.iteration);
    r.bridge.play();
    r.bridge.play();
    r.turn(10);
    r.deliver();
    expect(r.store.getState().status).toBe('running');
    expect(r.statuses).toEqual(['paused', 'running', 'paused', 'running']);
  });

  it('agrees with the session after any interleaving of clicks, turns and deliveries', () => {
    let seed = 7;
    const rand = (n: number) => (
      (seed = (seed * 1103515245 + 12345) % 2 ** 31),
      Math.floor((seed / 2 ** 31) * n)
    );
    const r = make();
    r.bridge.start();
    r.deliver();
    const acts = [
      () => r.bridge.play(),
      () => r.bridge.pause(),
      () => r.bridge.step(1 + rand(3)),
      () => r.bridge.reset(),
    ];
    let clicked = 0;
    /** Snapshots that arrived after a click they predate, saying otherwise than the click. */
    let stale = 0;
    for (let k = 0; k < 600; k++) {
      const before = r.statuses.length;
      const x = rand(10);
      if (x < 4) {
        acts[x]!();
        clicked = r.sent();
      } else if (x < 7) r.turn(1 + rand(3));
      else
        r.deliver(1 + rand(3), (m) => {
          if (m.acked < clicked && m.running !== (r.store.getState().status === 'running')) stale++;
        });
      // Without divergence the status moves only when the page clicks.
      if (x >= 4) expect(r.statuses.length, `step ${k}`).toBe(before);
      if (k % 25 === 24) {
        r.turn(200);
        r.deliver();
        expect(r.store.getState().status, `step ${k}`).toBe(r.workerStatus());
      }
    }
    // The race this guards against did happen.
    expect(stale).toBeGreaterThan(5);
  });

  it('a lesson chosen before any reset shows its own run, not a frozen copy of the old one', () => {
    const r = make();
    r.bridge.start();
    r.deliver();
    expect(r.store.getState().latest!.H).toBe(8);
    r.bridge.replaceConfig({ ...DEFAULT_CONFIG, T: 10, H: 4, batch: 2 }, null);
    r.bridge.play();
    r.turn(10);
    r.deliver();
    const s = r.store.getState();
    expect(s.latest!.H).toBe(4);
    expect(s.latest!.iteration).toBeGreaterThan(0);
    expect(s.status).toBe('running');
  });
});
