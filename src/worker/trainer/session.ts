/**
 * The training loop and message dispatch of the worker and the in-thread fallback: one explicit
 * transport (idle, paused, running, stepping n: ../transport.ts) that drives every run the session
 * hosts, one handler per message type. Runs train in rounds (one step each, slots.ts) inside short
 * slices, yielding between slices, so a pause or a slider is handled within a slice; snapshots go
 * out at most ~30 per second per run while running, and at once when paused so a slider answers in
 * the same frame. A sweep (sweeps.ts) takes its own slice after training's. Nothing here touches
 * `self`: the host passes `post`.
 */
import { DEFAULT_CONFIG } from '../config';
import { divergedMessage } from '../snapshot';
import { transferables } from '../transfer';
import { afterCommand, afterStep, isTraining, isTransportCommand } from '../transport';
import type { Transport, TransportCommand } from '../transport';
import { createWalkJob } from './walk';
import { createPace } from './pace';
import { createTicker } from './ticker';
import { createSlots, runName } from './slots';
import type { Slot } from './slots';
import { createSweeps } from './sweeps';
import { runHandlers } from './runHandlers';
import type { Handlers, Session, SessionOptions } from './sessionTypes';
import { errorMessage } from '../protocol';
import { parseToWorker } from '../toWorker';
import type { FromWorker, ParsedToWorker } from '../protocol';

export type { Session, SessionOptions } from './sessionTypes';
export { engineKernels } from './kernels';

const [DEFAULT_SLICE_MS, DEFAULT_MAX_POSTS] = [12, 30];
export function createSession(opts: SessionOptions): Session {
  const post = opts.post;
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? DEFAULT_SLICE_MS;
  const postGap = 1000 / (opts.maxPostsPerSecond ?? DEFAULT_MAX_POSTS);
  const pace = createPace(now());
  const ticker = createTicker(turn, opts.yieldTo ?? ((cb) => void setTimeout(cb, 0)));
  const slots = createSlots(now);
  const sweeps = createSweeps((m) => send(m), now);

  let state: Transport = { kind: 'idle' };
  let disposed = false;
  /** Messages from the page handled so far (each snapshot says how many: Snapshot.acked). */
  let handled = 0;
  let lastPost = -Infinity;
  /** The page's cap on iterations while running (runs in other workers keep pace); null = none. */
  let through: number | null = null;

  const send = (msg: FromWorker) => {
    if (!disposed) post(msg, transferables(msg));
  };
  const walks = createWalkJob(send, now, opts.yieldTo ?? ((cb) => void setTimeout(cb, 0)));
  const fail = (e: unknown, runId: number | null = null) =>
    send(errorMessage(e instanceof Error ? e.message : String(e), runId));

  /** The run a message addresses; run 0 is made from the defaults if the page never built it. */
  const slot = (runId: number): Slot => {
    const s = slots.get(runId);
    if (s !== undefined) return s;
    if (runId !== 0) throw new Error(`${runName(runId)} does not exist: send init first`);
    if (state.kind === 'idle') state = { kind: 'paused' };
    return slots.create(0, DEFAULT_CONFIG);
  };

  /** The page runs the same machine to predict where its command leads (store/status.ts). */
  const command = (cmd: TransportCommand) => {
    state = afterCommand(state, cmd);
  };

  const postRun = (s: Slot, force: boolean, forceSlow = false) => {
    const running = state.kind === 'running';
    const { msg, stale } = s.snap.build(s.trainer, s.view, {
      running,
      stepsPerSecond: running ? pace.stepsPerSecond : 0,
      force,
      forceSlow,
      acked: handled,
      runId: s.id,
    });
    send(msg);
    s.dirty = false;
    if (stale) owe(s, 'complete');
  };

  /** Every run's snapshot: the transport moved, and each run's next snapshot says so. */
  const postAll = (force: boolean) => {
    for (const s of slots.all()) postRun(s, force);
    lastPost = now();
  };

  /** While paused: remember what to send on the next turn. */
  const owe = (s: Slot, what: Parameters<typeof slots.owe>[1]) => {
    if (isTraining(state)) return;
    slots.owe(s, what);
    ticker.soon();
  };

  /** Where the session stands after an error; a snapshot that fails too adds nothing to it. */
  const postAfterError = () => {
    try {
      postAll(false);
    } catch {
      // The error already posted says what failed.
    }
  };

  /** Training stopped on its own (every run diverged, an error): the page learns it from snapshots. */
  const stop = () => {
    state = { kind: 'paused' };
    for (const s of slots.all()) s.dirty = true;
  };

  function turn(): void {
    if (disposed) return;
    try {
      if (isTraining(state)) train();
      else settle();
    } catch (e) {
      // Never leave the page believing training runs: stop, say why, keep the last state.
      stop();
      slots.clearRound();
      fail(e);
      postAfterError();
      // Owe nothing more: a complete snapshot that fails again would loop.
      for (const s of slots.all()) s.owe = 'nothing';
    }
    if (sweeps.busy) {
      sweeps.work(sliceMs);
      if (sweeps.busy) ticker.soon();
    }
  }

  /** Paused: a new trace is answered at once; its slow analyses follow a slice per turn (see jacNorms.ts). */
  function settle(): void {
    for (const s of slots.all()) {
      const owed = s.owe;
      s.owe = 'nothing';
      if (owed === 'recompute') s.trainer.recompute();
      if (owed === 'complete' && !s.snap.work(s.trainer, s.view, sliceMs)) owe(s, 'complete');
      else if (owed !== 'nothing') postRun(s, true, owed === 'complete');
    }
  }

  /** One training step of one run; a run that goes non-finite stops (the others go on). */
  function stepRun(s: Slot): void {
    const r = s.trainer.step();
    s.dirty = true;
    if (r.ok) return;
    s.stopped = true;
    send(divergedMessage(s.id, s.trainer.iteration + 1, r.nonFinite!, r.diagnosis));
  }

  function train(): void {
    const t0 = now();
    let rounds = 0;
    while (isTraining(state)) {
      const running = state.kind === 'running';
      const s = slots.next(
        () => !running || pace.allowed(now()) > 0,
        (x) => !running || through === null || x.trainer.iteration < through,
      );
      if (s === null) break;
      stepRun(s);
      if (slots.roundDone) {
        rounds++;
        if (state.kind === 'stepping') state = afterStep(state);
        else pace.took();
      }
      if (now() - t0 >= sliceMs) break;
    }
    if (!slots.anyLive()) stop();
    const t1 = now();
    pace.measure(t1, rounds);
    const done = state.kind === 'paused';
    // Held by the page's cap: say where the runs stand at once (the page raises the cap from
    // snapshots), then wait for the next `allow` to wake the loop.
    const held = state.kind === 'running' && slots.roundDone && !canStartRound();
    const dirty = slots.all().filter((s) => s.dirty);
    if (dirty.length > 0 && (done || held || t1 - lastPost >= postGap)) {
      for (const s of dirty) postRun(s, done);
      lastPost = t1;
    }
    if (done || held) return;
    if (state.kind === 'running' && pace.speed !== 'max') {
      // Sleep until the next round is due, or until a held-back snapshot may go out.
      let wait = pace.untilNext(t1);
      if (slots.all().some((x) => x.dirty)) wait = Math.min(wait, postGap - (t1 - lastPost));
      ticker.after(wait);
    } else {
      ticker.soon();
    }
  }

  const canStartRound = () =>
    slots.all().some((s) => !s.stopped && (through === null || s.trainer.iteration < through));

  /** A pause leaves every run at the same iteration: the rest of an open round is stepped now. */
  const levelRound = () => {
    for (const s of slots.takeRound()) stepRun(s);
  };

  /** A change to one run the page sees at once when paused, at the next gap while training. */
  const changed = (s: Slot) => {
    if (isTraining(state)) s.dirty = true;
    else postRun(s, true);
  };

  const handlers: Handlers = {
    init(msg) {
      slots.create(msg.runId, msg.config);
      command(msg);
      slots.clearRound();
      postAll(true);
    },
    allow(msg) {
      through = msg.through;
      if (state.kind === 'running') ticker.soon();
    },
    setConfig(msg) {
      const s = slot(msg.runId);
      const rebuilt = s.trainer.setConfig(msg.patch, s.snap.knownRho(s.trainer));
      if (rebuilt) {
        s.snap.invalidate();
        s.stopped = false;
      }
      s.dirty = true;
      if (isTraining(state)) ticker.soon();
      else owe(s, rebuilt ? 'snapshot' : 'recompute');
    },
    play(msg) {
      slot(0);
      if (state.kind !== 'running') {
        pace.restart(now());
        // The page learns that training started from the next snapshot, even one with no steps.
        for (const s of slots.all()) s.dirty = true;
      }
      command(msg);
      ticker.soon();
    },
    pause(msg) {
      slot(0);
      levelRound();
      command(msg);
      postAll(true);
    },
    step(msg) {
      slot(0);
      command(msg);
      ticker.soon();
    },
    reset(msg) {
      slot(0);
      slots.clearRound();
      for (const s of slots.all()) {
        s.trainer.reset();
        s.snap.invalidate();
        s.stopped = false;
        s.dirty = true;
      }
      command(msg);
      if (isTraining(state)) ticker.soon();
      else postAll(true);
    },
    setSpeed(msg) {
      pace.setSpeed(msg.stepsPerSecond, now());
      if (isTraining(state)) ticker.soon();
    },
    ...runHandlers({ slot, slots, changed, send, sweeps, walks, wake: () => ticker.soon() }),
  };

  const dispatch = <M extends ParsedToWorker>(msg: M) =>
    (handlers[msg.type] as (m: M) => void)(msg);

  return {
    get trainer() {
      return slots.get(0)?.trainer ?? null;
    },
    trainerOf: (runId) => slots.get(runId)?.trainer ?? null,
    get state() {
      return state;
    },
    handle(raw) {
      if (disposed) return;
      handled++;
      const parsed = parseToWorker(raw);
      if (!parsed.ok) {
        send(errorMessage(parsed.message));
        return;
      }
      try {
        dispatch(parsed.msg);
      } catch (e) {
        fail(e, 'runId' in parsed.msg ? parsed.msg.runId : null);
        // The page moved its status on this command and waits for a snapshot that acknowledges it:
        // say where the session stands instead.
        if (isTransportCommand(parsed.msg)) postAfterError();
      }
    },
    dispose() {
      disposed = true;
      ticker.stop();
      walks.cancel();
    },
  };
}
