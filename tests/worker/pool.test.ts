/**
 * The run pool over several sessions: layout, routing, the page's acknowledgement count across
 * workers, and runs of different cost kept at the same rate. Each member is a real session whose
 * turns and outgoing messages the test releases, so workers run at the speeds the test chooses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRunPool, workersFor } from '../../src/worker/pool';
import type { RunPool } from '../../src/worker/pool';
import type { TrainingClient } from '../../src/worker/client';
import { createSession } from '../../src/worker/trainer/session';
import type { Session } from '../../src/worker/trainer/session';
import type { FromWorker, Snapshot, ToWorker } from '../../src/worker/protocol';
import { small } from './helpers';

interface Fake {
  session: Session;
  turns: (() => void)[];
  inflight: FromWorker[];
  received: ToWorker[];
  deliver(): void;
}

function fakes() {
  const made: Fake[] = [];
  const createClient = (): TrainingClient => {
    let clock = 0;
    const turns: (() => void)[] = [];
    const inflight: FromWorker[] = [];
    const received: ToWorker[] = [];
    let listener: ((m: FromWorker) => void) | null = null;
    const session = createSession({
      post: (m) => inflight.push(m),
      now: () => (clock += 1),
      yieldTo: (cb) => turns.push(cb),
    });
    made.push({
      session,
      turns,
      inflight,
      received,
      deliver: () => inflight.splice(0).forEach((m) => listener?.(m)),
    });
    return {
      mode: 'worker',
      send: (m) => (received.push(m), session.handle(m)),
      subscribe: (cb) => ((listener = cb), () => (listener = null)),
      terminate: () => session.dispose(),
    };
  };
  return { made, createClient };
}

let pools: RunPool[] = [];
afterEach(() => {
  pools.forEach((p) => p.terminate());
  pools = [];
});

describe('run pool', () => {
  it('one worker per run while a core is left for the page; one when the cores are unknown', () => {
    expect([1, 2, 3, 4].map((n) => workersFor(n, 2))).toEqual([1, 1, 1, 1]);
    expect([1, 2, 3, 4].map((n) => workersFor(n, 4))).toEqual([1, 2, 3, 3]);
    expect([1, 4].map((n) => workersFor(n, 16))).toEqual([1, 4]);
    expect(workersFor(4, null)).toBe(1);
  });

  it('routes per-run messages to the run’s worker, the transport to all, and drops runs that moved', () => {
    const f = fakes();
    const pool = createRunPool({ cores: 8, createClient: f.createClient });
    pools.push(pool);
    expect(pool.layout(3)).toEqual({ runs: 3, workers: 3, cores: 8 });
    for (let r = 0; r < 3; r++) pool.send({ v: 1, type: 'init', runId: r, config: small() });
    pool.send({ v: 1, type: 'play' });
    const pageTypes = (m: Fake) => m.received.filter((x) => x.type !== 'allow').map((x) => x.type);
    expect(f.made.map(pageTypes)).toEqual([
      ['init', 'play'],
      ['init', 'play'],
      ['init', 'play'],
    ]);
    // Several workers: each is told how far its runs may go.
    expect(f.made.every((m) => m.received.some((x) => x.type === 'allow'))).toBe(true);
    expect([0, 1, 2].map((r) => f.made[r]!.session.trainerOf(r) !== null)).toEqual([
      true,
      true,
      true,
    ]);
    // Back to two runs: the third worker closes; its run is gone.
    expect(pool.layout(2).workers).toBe(2);
    expect(f.made[2]!.session.trainerOf(2)).not.toBeNull(); // closed, not told
    pool.send({ v: 1, type: 'pause' });
    expect(f.made[2]!.received.at(-1)!.type).toBe('play');
  });

  it('translates each worker’s acknowledgement count into the page’s', () => {
    const f = fakes();
    const pool = createRunPool({ cores: 8, createClient: f.createClient });
    pools.push(pool);
    const got: Snapshot[] = [];
    pool.subscribe((m) => m.type === 'snapshot' && got.push(m));
    pool.layout(2);
    pool.send({ v: 1, type: 'init', runId: 0, config: small() }); // page message 1 → worker 0
    pool.send({ v: 1, type: 'init', runId: 1, config: small() }); // 2 → worker 1
    pool.send({ v: 1, type: 'setView', runId: 1, seq: 1 }); // 3 → worker 1
    f.made[0]!.deliver();
    // Worker 0's snapshot was built after its init, before the pool's `allow`: page count 1.
    expect(got.map((s) => [s.runId, s.acked])).toEqual([[0, 1]]);
    pool.send({ v: 1, type: 'pause' }); // 4 → both
    f.made[1]!.deliver();
    // Worker 1's: after its init (page count 2: the setView not handled yet), after the setView
    // (3: the pause not yet), after the pause (4).
    expect(got.filter((s) => s.runId === 1).map((s) => s.acked)).toEqual([2, 3, 4]);
    f.made[0]!.deliver();
    expect(got.at(-1)).toMatchObject({ runId: 0, acked: 4, running: false });
  });

  it('keeps a cheap run and a dear run in different workers at the same iteration, give or take the lead', () => {
    const f = fakes();
    const pool = createRunPool({ cores: 8, createClient: f.createClient });
    pools.push(pool);
    let dearRate = 0;
    pool.subscribe((m) => {
      if (m.type === 'snapshot' && m.runId === 1 && m.stepsPerSecond > 0)
        dearRate = m.stepsPerSecond;
    });
    pool.layout(2);
    pool.send({ v: 1, type: 'init', runId: 0, config: small({ cell: 'rnn', T: 5, H: 2 }) });
    pool.send({ v: 1, type: 'init', runId: 1, config: small({ cell: 'lstm', T: 30, H: 16 }) });
    pool.send({ v: 1, type: 'play' });
    const [cheap, dear] = f.made as [Fake, Fake];
    // The cheap worker gets ten turns for each of the dear one's.
    for (let k = 0; k < 400; k++) {
      for (let j = 0; j < 10; j++) cheap.turns.shift()?.();
      if (k % 10 === 0) dear.turns.shift()?.();
      cheap.deliver();
      dear.deliver();
    }
    const a = cheap.session.trainerOf(0)!.iteration;
    const b = dear.session.trainerOf(1)!.iteration;
    // The lead: a quarter second of the slower run's training (at least 4 iterations).
    const lead = Math.max(4, Math.ceil(dearRate / 4));
    expect(b).toBeGreaterThan(20);
    expect(a - b).toBeLessThanOrEqual(lead);
    // Alone, with ten times the turns and a far cheaper step, it would be hundreds of times ahead.
    expect(a).toBeLessThan(2 * b);
    expect(a).toBeGreaterThanOrEqual(b);
    // The cheap worker waits for the allowance; it is not spinning.
    expect(cheap.turns.length).toBe(0);
  });
});
