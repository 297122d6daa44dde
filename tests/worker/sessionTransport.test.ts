import { afterEach, describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/worker/trainer';
import { createSession } from '../../src/worker/trainer/session';
import type { Session } from '../../src/worker/trainer/session';
import type { FromWorker, Snapshot } from '../../src/worker/protocol';
import type { TrainConfig } from '../../src/worker/config';
import { small } from './helpers';

/**
 * A session on a clock that advances 1 ms per reading and a yield queue the test drains, so every
 * run makes the same calls in the same order: two sessions fed equivalent messages must post the
 * same snapshots.
 */
function rig() {
  let clock = 0;
  const queue: (() => void)[] = [];
  const msgs: FromWorker[] = [];
  const session = createSession({
    post: (m) => msgs.push(m),
    now: () => clock++,
    yieldTo: (cb) => queue.push(cb),
  });
  const snaps = () => msgs.filter((m): m is Snapshot => m.type === 'snapshot');
  return {
    session,
    msgs,
    snaps,
    last: () => snaps().at(-1)!,
    pending: () => queue.length,
    time: () => clock,
    send: (m: object) => session.handle({ v: 1, ...m }),
    /** Runs queued turns (each may queue the next) until none is left or `max` ran. */
    drain(max = 10_000) {
      let n = 0;
      while (queue.length > 0 && n++ < max) queue.shift()!();
      return n;
    },
    /** Runs turns until pred holds. */
    until(pred: () => boolean) {
      for (let n = 0; !pred(); n++) {
        if (queue.length === 0 || n > 100_000) throw new Error('session went quiet');
        queue.shift()!();
      }
    },
  };
}

let open: Session[] = [];
const make = () => {
  const r = rig();
  open.push(r.session);
  return r;
};
afterEach(() => {
  open.forEach((s) => s.dispose());
  open = [];
});

const lossesOf = (snaps: Snapshot[], run: number) =>
  snaps.filter((s) => s.run === run).flatMap((s) => Array.from(s.lossesSince));

const freshLosses = (cfg: TrainConfig, n: number) => {
  const t = createTrainer(cfg);
  return Array.from({ length: n }, () => (t.step(), t.log.drain().losses[0]!));
};

describe('session transport', () => {
  it('play twice is play once: one pending turn, the same steps and snapshots', () => {
    const cfg = small({ cell: 'gru' });
    const once = make();
    const twice = make();
    once.send({ type: 'init', config: cfg });
    twice.send({ type: 'init', config: cfg });
    once.send({ type: 'play' });
    twice.send({ type: 'play' });
    twice.send({ type: 'play' });
    expect(twice.pending()).toBe(1);
    for (let k = 0; k < 40; k++) {
      once.drain(1);
      twice.drain(1);
    }
    expect(twice.session.state.kind).toBe('running');
    const strip = (s: Snapshot) => [s.iteration, s.running, Array.from(s.lossesSince)];
    expect(twice.snaps().map(strip)).toEqual(once.snaps().map(strip));
    expect(twice.last().iteration).toBeGreaterThan(20);
  });

  it('posts at most 30 snapshots per second while running, and keeps posting', () => {
    const r = make();
    r.send({ type: 'init', config: small({ T: 5, H: 2 }) });
    r.send({ type: 'play' });
    r.until(() => r.time() >= 3000);
    const n = r.snaps().filter((s) => s.running).length;
    expect(n).toBeLessThanOrEqual(3 * 30 + 1);
    // Posts go out at the end of a 12 ms slice once 33 ms have passed: 20–30 a second.
    expect(n).toBeGreaterThanOrEqual(3 * 20);
  });

  it('Reset while running starts the run again from its seed and keeps running', () => {
    const cfg = small({ cell: 'lstm' });
    const r = make();
    r.send({ type: 'init', config: cfg });
    r.send({ type: 'play' });
    r.until(() => r.last().iteration >= 30);
    const oldRun = r.last().run;
    r.send({ type: 'reset' });
    expect(r.session.state.kind).toBe('running');
    r.until(() => r.last().run !== oldRun && r.last().iteration >= 25);
    const fresh = r.snaps().filter((s) => s.run === oldRun + 1);
    expect(fresh.every((s) => s.running)).toBe(true);
    expect(Array.from(fresh[0]!.itersSince)[0]).toBe(1);
    // The new run is the run a fresh page would train, bit for bit.
    const n = r.last().iteration;
    expect(lossesOf(r.snaps(), oldRun + 1)).toEqual(freshLosses(cfg, n));
    r.send({ type: 'pause' });
    expect(r.last().running).toBe(false);
    expect(r.session.state.kind).toBe('paused');
  });

  it('Step while running is ignored: no burst past the speed limit, nothing left after Pause', () => {
    const r = make();
    r.send({ type: 'init', config: small() });
    r.send({ type: 'setSpeed', stepsPerSecond: 1 });
    r.send({ type: 'play' });
    r.send({ type: 'step', n: 50 });
    expect(r.session.state.kind).toBe('running');
    r.drain(); // the turns due now; the next step under the limit sleeps on a timer
    expect(r.session.trainer!.iteration).toBeLessThanOrEqual(1);
    r.send({ type: 'pause' });
    r.drain();
    const it = r.session.trainer!.iteration;
    expect(r.session.state.kind).toBe('paused');
    expect(r.last()).toMatchObject({ running: false, iteration: it });
  });

  it('steps n, accumulates further steps, and ends paused with a final snapshot', () => {
    const r = make();
    r.send({ type: 'init', config: small() });
    r.send({ type: 'step', n: 2 });
    r.send({ type: 'step', n: 3 });
    expect(r.session.state).toEqual({ kind: 'stepping', left: 5 });
    r.drain();
    expect(r.session.state.kind).toBe('paused');
    expect(r.last()).toMatchObject({ iteration: 5, running: false });
    expect(r.snaps().flatMap((s) => Array.from(s.itersSince))).toEqual([1, 2, 3, 4, 5]);
  });

  it('Reset while stepping drops the steps owed to the old run', () => {
    const r = make();
    r.send({ type: 'init', config: small({ T: 60 }) });
    r.send({ type: 'step', n: 5000 });
    r.drain(1);
    expect(r.session.state.kind).toBe('stepping');
    r.send({ type: 'reset' });
    expect(r.session.state.kind).toBe('paused');
    r.drain();
    expect(r.session.trainer!.iteration).toBe(0);
    expect(r.last()).toMatchObject({ iteration: 0, running: false });
  });

  it('every snapshot says how many page messages it reflects, rejected ones included', () => {
    const r = make();
    r.send({ type: 'init', config: small() });
    expect(r.last().acked).toBe(1);
    r.session.handle({ v: 1, type: 'explode' });
    expect(r.msgs.at(-1)!.type).toBe('error');
    r.send({ type: 'setView', seq: 1 });
    expect(r.last().acked).toBe(3);
  });

  it('a transport command that fails is answered with an error and a snapshot acknowledging it', () => {
    const r = make();
    r.send({ type: 'init', config: small() });
    r.session.trainer!.reset = () => {
      throw new Error('no memory');
    };
    r.send({ type: 'reset' });
    expect(r.msgs.slice(-2).map((m) => m.type)).toEqual(['error', 'snapshot']);
    expect(r.last()).toMatchObject({ acked: 2, running: false, iteration: 0 });
  });

  it('a new init continues the run numbering, so the page can tell the runs apart', () => {
    const r = make();
    r.send({ type: 'init', config: small() });
    const first = r.last().run;
    r.send({ type: 'init', config: small({ H: 4 }) });
    expect(r.last().run).toBe(first + 1);
    expect(r.last().H).toBe(4);
  });
});
