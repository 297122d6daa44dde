/** One session hosting several runs: rounds in step, the same batches, divergence, caps, detail. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTrainer } from '../../src/worker/trainer';
import { createSession } from '../../src/worker/trainer/session';
import type { Session } from '../../src/worker/trainer/session';
import type { DivergedMessage, FromWorker, Snapshot } from '../../src/worker/protocol';
import type { TrainConfig } from '../../src/worker/config';
import { small } from './helpers';

/** A session on a clock of 1 ms per reading whose turns the test runs (as sessionTransport.test). */
function rig() {
  let clock = 0;
  const queue: (() => void)[] = [];
  const msgs: FromWorker[] = [];
  const session = createSession({
    post: (m) => msgs.push(m),
    now: () => clock++,
    yieldTo: (cb) => queue.push(cb),
  });
  const snaps = (runId?: number) =>
    msgs.filter(
      (m): m is Snapshot => m.type === 'snapshot' && (runId === undefined || m.runId === runId),
    );
  return {
    session,
    msgs,
    snaps,
    last: (runId = 0) => snaps(runId).at(-1)!,
    send: (m: object) => session.handle({ v: 1, ...m }),
    until(pred: () => boolean) {
      for (let n = 0; !pred(); n++) {
        if (queue.length === 0 || n > 100_000) throw new Error('session went quiet');
        queue.shift()!();
      }
    },
    drain() {
      while (queue.length > 0) queue.shift()!();
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

const column = (snaps: Snapshot[], key: 'lossesSince' | 'hashesSince' | 'itersSince') =>
  snaps.flatMap((s) => Array.from(s[key]));

const bareLosses = (cfg: TrainConfig, n: number) => {
  const t = createTrainer(cfg);
  return Array.from({ length: n }, () => (t.step(), t.log.drain().losses[0]!));
};

describe('a session with several runs', () => {
  it('steps every run once per round: same iterations, the same batch hashes, each run as if alone', () => {
    const r = make();
    const cfgs = [
      small({ cell: 'rnn' }),
      small({ cell: 'lstm' }),
      small({ cell: 'gru', lr: 0.003 }),
    ];
    cfgs.forEach((config, runId) => r.send({ type: 'init', runId, config }));
    r.send({ type: 'step', n: 25 });
    r.until(() => r.session.state.kind === 'paused');
    for (const runId of [0, 1, 2]) {
      expect(r.last(runId)).toMatchObject({ runId, iteration: 25, running: false });
      expect(column(r.snaps(runId), 'itersSince')).toEqual(
        Array.from({ length: 25 }, (_, k) => k + 1),
      );
      // Training beside other runs changes nothing: the losses are a lone trainer's, bit for bit.
      expect(column(r.snaps(runId), 'lossesSince')).toEqual(bareLosses(cfgs[runId]!, 25));
    }
    const hashes = [0, 1, 2].map((runId) => column(r.snaps(runId), 'hashesSince'));
    expect(new Set(hashes[0]).size).toBe(25); // a new batch every iteration
    expect(hashes[1]).toEqual(hashes[0]);
    expect(hashes[2]).toEqual(hashes[0]);
  });

  it('a pause leaves every run at the same iteration', () => {
    const r = make();
    [small({ cell: 'lstm', T: 40 }), small({ cell: 'rnn', T: 40 })].forEach((config, runId) =>
      r.send({ type: 'init', runId, config }),
    );
    r.send({ type: 'play' });
    r.until(() => r.session.trainerOf(1)!.iteration >= 7);
    r.send({ type: 'pause' });
    const a = r.session.trainerOf(0)!.iteration;
    expect(r.session.trainerOf(1)!.iteration).toBe(a);
    expect([r.last(0).iteration, r.last(1).iteration]).toEqual([a, a]);
    expect([r.last(0).running, r.last(1).running]).toEqual([false, false]);
  });

  it('a run that diverges stops alone, and the session stops when none can train', () => {
    const r = make();
    // Plain SGD at lr 1 with no clipping on an exploding W_hh goes non-finite within a few steps.
    const wild = small({ cell: 'rnn', rho: 2, opt: 'sgd', lr: 1, clip: 0, T: 60, H: 16 });
    r.send({ type: 'init', runId: 0, config: small({ cell: 'lstm' }) });
    r.send({ type: 'init', runId: 1, config: wild });
    r.send({ type: 'play' });
    r.until(() => r.msgs.some((m) => m.type === 'diverged'));
    const d = r.msgs.find((m): m is DivergedMessage => m.type === 'diverged')!;
    expect(d.runId).toBe(1);
    const stoppedAt = r.session.trainerOf(1)!.iteration;
    r.until(() => r.session.trainerOf(0)!.iteration >= stoppedAt + 20);
    expect(r.session.state.kind).toBe('running');
    expect(r.session.trainerOf(1)!.iteration).toBe(stoppedAt);
    // Alone, the diverged run cannot train: Play ends at once, paused.
    r.send({ type: 'drop', runId: 0 });
    r.until(() => r.session.state.kind === 'paused');
    expect(r.last(1).running).toBe(false);
    // A reset builds it afresh and it trains again.
    r.send({ type: 'reset' });
    r.send({ type: 'step', n: 1 });
    r.until(() => r.session.state.kind === 'paused');
    expect(r.session.trainerOf(1)!.iteration).toBe(1);
  });

  it('light snapshots carry the overlays and readouts only', () => {
    const r = make();
    r.send({ type: 'init', runId: 0, config: small({ cell: 'lstm' }) });
    r.send({ type: 'init', runId: 1, config: small({ cell: 'lstm' }) });
    r.send({ type: 'setView', runId: 1, seq: 0, detail: 'light' });
    const light = r.last(1);
    expect(light.detail).toBe('light');
    expect([light.hidden.length, light.dhUnit.length, light.cellState?.length]).toEqual([0, 0, 0]);
    expect([light.spectrum, light.stepJacNorms]).toEqual([[], null]);
    expect(light.dhNorm.length).toBe(20);
    expect(light.dcNorm?.length).toBe(20);
    // Picking it again brings everything back.
    r.send({ type: 'setView', runId: 1, seq: 0, detail: 'full' });
    expect(r.last(1).hidden.length).toBe(20 * 8);
    expect(r.last(1).spectrum.length).toBe(4);
  });

  it('keeps to the page’s cap while running, and continues when it is raised', () => {
    const r = make();
    r.send({ type: 'init', runId: 0, config: small() });
    r.send({ type: 'allow', through: 5 });
    r.send({ type: 'play' });
    r.drain();
    expect(r.session.trainer!.iteration).toBe(5);
    expect(r.session.state.kind).toBe('running');
    r.send({ type: 'allow', through: 9 });
    r.drain();
    expect(r.session.trainer!.iteration).toBe(9);
    // Stepping is the page's own request: the cap does not hold it.
    r.send({ type: 'pause' });
    r.send({ type: 'step', n: 3 });
    r.drain();
    expect(r.session.trainer!.iteration).toBe(12);
  });

  it('names the run in its answers and in its errors', () => {
    const r = make();
    r.send({ type: 'init', runId: 0, config: small() });
    r.send({ type: 'init', runId: 2, config: small({ cell: 'gru' }) });
    r.send({ type: 'getWeights', runId: 2 });
    const w = r.msgs.at(-1)!;
    expect(w.type === 'weights' && w.runId).toBe(2);
    expect(w.type === 'weights' && Object.keys(w.weights)).toContain('weight_hh_l0');
    r.send({ type: 'gradcheck', runId: 3 });
    expect(r.msgs.at(-1)).toMatchObject({ type: 'error', runId: 3 });
    r.send({ type: 'drop', runId: 2 });
    r.send({ type: 'getWeights', runId: 2 });
    expect(r.msgs.at(-1)).toMatchObject({ type: 'error', runId: 2 });
  });
});
