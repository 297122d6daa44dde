/** The page's walk state: receiving walks and norms, moving, autoplay's end, and the bridge asking once per trace. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { createBridge, type ClientLike } from '../../src/store/bridge';
import { currentWalk, EMPTY_WALK, moveTo, receiveNorms, receiveWalk } from '../../src/store/walk';
import { createWalkJob } from '../../src/worker/trainer/walk';
import { createTrainer } from '../../src/worker/trainer';
import type {
  BackwardMessage,
  BackwardNormsMessage,
  FromWorker,
  Snapshot,
  ToWorker,
} from '../../src/worker/protocol';
import { harness, small } from '../worker/helpers';

/** A real walk and its norms from the worker's job, run synchronously. */
function realWalk(T = 6) {
  const t = createTrainer(small({ T, H: 4, batch: 2 }));
  const out: FromWorker[] = [];
  const job = createWalkJob(
    (m) => out.push(m),
    () => performance.now(),
    (cb) => cb(),
  );
  job.request(t, 0);
  const walk = out.find((m) => m.type === 'backward') as BackwardMessage;
  const norms = out.filter((m) => m.type === 'backwardNorms') as BackwardNormsMessage[];
  return { walk, norms, t };
}

describe('walk reducers', () => {
  it('a new walk starts at T; norms fill in from T down; moves clamp to 1..T', () => {
    const { walk, norms } = realWalk();
    let w = receiveWalk(EMPTY_WALK, walk);
    expect(w.step).toBe(6);
    expect(w.jNorm!.every(Number.isNaN)).toBe(true);
    for (const m of norms) w = receiveNorms(w, m);
    expect(w.jNormDone).toBe(true);
    expect(w.jNorm!.every((x) => x > 0)).toBe(true);
    expect(moveTo(w, 0).step).toBe(1);
    expect(moveTo(w, 99).step).toBe(6);
    // Norms of another trace are dropped.
    const stale = receiveNorms(w, {
      ...norms[0]!,
      trace: walk.trace + 1,
      values: new Float64Array([7]),
    });
    expect(stale).toBe(w);
  });

  it('the same chain length keeps the place; autoplay stops at step 1', () => {
    const { walk } = realWalk();
    const w = { ...moveTo(receiveWalk(EMPTY_WALK, walk), 3), playing: true };
    const again = receiveWalk(w, { ...walk, trace: walk.trace + 1 });
    expect(again.step).toBe(3);
    expect(again.playing).toBe(true);
    expect(moveTo(again, 1).playing).toBe(false);
  });

  it('currentWalk shows a walk only for the snapshot’s own trace and sequence', () => {
    const { walk } = realWalk();
    const w = receiveWalk(EMPTY_WALK, walk);
    const snap = { run: walk.run, trace: walk.trace, seq: 0 } as Snapshot;
    expect(currentWalk(w, snap)).toBe(walk);
    expect(currentWalk(w, { ...snap, trace: walk.trace + 1 })).toBeNull();
    expect(currentWalk(w, { ...snap, seq: 1 })).toBeNull();
  });
});

describe('bridge in backward mode', () => {
  it('pauses a running session, then asks for the walk once per trace', async () => {
    const sent: ToWorker[] = [];
    let listener: ((m: FromWorker) => void) | null = null;
    const client: ClientLike = {
      mode: 'inline',
      send: (m) => sent.push(m),
      subscribe: (cb) => {
        listener = cb;
        return () => {};
      },
      terminate: () => {},
    };
    const store = createAppStore({ status: 'running' });
    const bridge = createBridge(store, client, (cb) => cb());
    const { walk } = realWalk();
    // A real paused snapshot of the same run and trace.
    const h = harness();
    h.send({ type: 'init', config: small({ T: 6, H: 4, batch: 2 }) });
    await h.until(() => h.snapshots().length > 0);
    const snap: Snapshot = { ...h.last(), run: walk.run, trace: walk.trace, acked: 99 };
    h.session.dispose();
    bridge.setBackward(true);
    expect(sent.map((m) => m.type)).toEqual(['pause']);
    listener!(snap);
    listener!({ ...snap, version: 2 } as Snapshot);
    expect(sent.filter((m) => m.type === 'analyze')).toHaveLength(1);
    listener!({ ...snap, trace: walk.trace + 1 } as Snapshot);
    expect(sent.filter((m) => m.type === 'analyze')).toHaveLength(2);
    listener!(walk);
    expect(store.getState().walk.data).toBe(walk);
    bridge.setBackward(false);
    listener!({ ...snap, trace: walk.trace + 2 } as Snapshot);
    expect(sent.filter((m) => m.type === 'analyze')).toHaveLength(2);
    expect(store.getState().view.view).toBe('train');
  });
});
