/**
 * The training loop and message dispatch of the worker and the in-thread fallback: one explicit
 * state (idle, paused, running, stepping n: ../transport.ts), one handler per message type. It
 * trains in short slices and yields between them, so a pause or a slider is handled within a slice;
 * snapshots go out at most ~30 per second while running, and at once when paused so a slider
 * answers in the same frame. Nothing here touches `self`: the host passes `post`.
 */
import { DEFAULT_CONFIG } from '../config';
import { createSnapshotter, divergedMessage } from '../snapshot';
import type { View } from '../snapshot';
import { transferables } from '../transfer';
import { afterCommand, afterStep, isTraining, isTransportCommand } from '../transport';
import type { Transport, TransportCommand } from '../transport';
import { analysisMessage, gradcheckMessage } from './analysis';
import { createWalkJob } from './walk';
import { createPace } from './pace';
import { createTicker } from './ticker';
import { createTrainer } from '../trainer';
import type { Trainer } from '../trainer';
import { errorMessage, parseToWorker, PROTOCOL_VERSION } from '../protocol';
import type { FromWorker, ToWorker } from '../protocol';
export { engineKernels } from './kernels';

export interface SessionOptions {
  /** Deliver a message to the page; `transfer` lists buffers that may be moved, not copied. */
  post: (msg: FromWorker, transfer: ArrayBuffer[]) => void;
  /** Milliseconds, monotonic. */
  now?: () => number;
  /** Run `cb` soon, after pending messages (MessageChannel in a worker; setTimeout elsewhere). */
  yieldTo?: (cb: () => void) => void;
  /** Time slice of training between two yields. */
  sliceMs?: number;
  /** Most snapshots per second while running. */
  maxPostsPerSecond?: number;
}

export interface Session {
  /** Handle one (untrusted) message from the page. */
  handle(raw: unknown): void;
  /** Stop the loop; later messages are ignored. */
  dispose(): void;
  /** The trainer (tests and the CLI read it directly). */
  readonly trainer: Trainer | null;
  /** Where the transport is (tests). */
  readonly state: Transport;
}

/**
 * What a paused session still owes the page, paid on its next turn: a snapshot (after a rebuild),
 * a recomputed trace and its snapshot (after a live config change: a dragged slider sends many, and
 * they coalesce), or a complete snapshot (the last one skipped slow analyses to answer at once).
 */
type Owed = 'nothing' | 'complete' | 'snapshot' | 'recompute';
const OWED_RANK: Record<Owed, number> = { nothing: 0, complete: 1, snapshot: 2, recompute: 3 };

type State = Exclude<Transport, { kind: 'paused' }> | { kind: 'paused'; owe: Owed };
type Handlers = { [K in ToWorker['type']]: (msg: Extract<ToWorker, { type: K }>) => void };

const DEFAULT_SLICE_MS = 12;
const DEFAULT_MAX_POSTS = 30;
const SETTLED: State = { kind: 'paused', owe: 'nothing' };

export function createSession(opts: SessionOptions): Session {
  const post = opts.post;
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? DEFAULT_SLICE_MS;
  const postGap = 1000 / (opts.maxPostsPerSecond ?? DEFAULT_MAX_POSTS);
  const snap = createSnapshotter(now);
  const pace = createPace(now());
  const ticker = createTicker(turn, opts.yieldTo ?? ((cb) => void setTimeout(cb, 0)));
  const view: View = { seq: 0, gate: 0 };

  let trainer: Trainer | null = null;
  let state: State = { kind: 'idle' };
  let disposed = false;
  /** Messages from the page handled so far (each snapshot says how many: Snapshot.acked). */
  let handled = 0;
  /** Something changed since the last snapshot; while training it goes out at the next gap. */
  let dirty = false;
  let lastPost = -Infinity;

  const send = (msg: FromWorker) => {
    if (!disposed) post(msg, transferables(msg));
  };
  const walks = createWalkJob(send, now, opts.yieldTo ?? ((cb) => void setTimeout(cb, 0)));
  const fail = (e: unknown) => send(errorMessage(e instanceof Error ? e.message : String(e)));

  const ensure = (): Trainer => {
    if (trainer === null) {
      trainer = createTrainer(DEFAULT_CONFIG);
      state = SETTLED;
    }
    return trainer;
  };

  /** Moves to where the transport's machine leads (a fresh pause owes nothing yet). */
  const enter = (next: Transport): void => {
    state = next.kind === 'paused' ? SETTLED : next;
  };
  /** The page runs the same machine to predict where its command leads (store/status.ts). */
  const command = (cmd: TransportCommand) => enter(afterCommand(state, cmd));

  /** While paused: remember what to send on the next turn (the strongest debt wins). */
  const owe = (what: Owed): void => {
    if (state.kind !== 'paused') return;
    if (OWED_RANK[what] > OWED_RANK[state.owe]) state = { kind: 'paused', owe: what };
    ticker.soon();
  };

  const postSnapshot = (force: boolean, forceSlow = false) => {
    if (trainer === null) return;
    const running = state.kind === 'running';
    const { msg, stale } = snap.build(trainer, view, {
      running,
      stepsPerSecond: running ? pace.stepsPerSecond : 0,
      force,
      forceSlow,
      acked: handled,
    });
    send(msg);
    dirty = false;
    lastPost = now();
    if (stale) owe('complete');
  };

  /** Where the session stands after an error; a snapshot that fails too adds nothing to it. */
  const postAfterError = () => {
    try {
      postSnapshot(false);
    } catch {
      // The error already posted says what failed.
    }
  };

  /** Training stopped on its own (divergence, an error): the page learns it from a snapshot. */
  const stop = () => {
    state = SETTLED;
    dirty = true;
  };

  function turn(): void {
    if (disposed || trainer === null) return;
    try {
      if (state.kind === 'paused') settle(trainer, state.owe);
      else if (isTraining(state)) train(trainer);
    } catch (e) {
      // Never leave the page believing training runs: stop, say why, keep the last state.
      stop();
      fail(e);
      postAfterError();
      // Owe nothing more: a complete snapshot that fails again would loop.
      state = SETTLED;
    }
  }

  function settle(t: Trainer, owed: Owed): void {
    state = SETTLED;
    if (owed === 'recompute') t.recompute();
    if (owed !== 'nothing') postSnapshot(true, owed === 'complete');
  }

  function train(t: Trainer): void {
    const t0 = now();
    let did = 0;
    while (isTraining(state)) {
      if (state.kind === 'running' && pace.allowed(now()) <= 0) break;
      const r = t.step();
      if (!r.ok) {
        stop();
        send(divergedMessage(t.iteration + 1, r.nonFinite!, r.diagnosis));
        break;
      }
      did++;
      if (state.kind === 'stepping') enter(afterStep(state));
      else pace.took();
      if (now() - t0 >= sliceMs) break;
    }
    const t1 = now();
    pace.measure(t1, did);
    if (did > 0) dirty = true;
    const done = state.kind === 'paused';
    if (dirty && (done || t1 - lastPost >= postGap)) postSnapshot(done);
    if (done) return;
    if (state.kind === 'running' && pace.speed !== 'max') {
      // Sleep until the next step is due, or until a held-back snapshot may go out.
      let wait = pace.untilNext(t1);
      if (dirty) wait = Math.min(wait, postGap - (t1 - lastPost));
      ticker.after(wait);
    } else {
      ticker.soon();
    }
  }

  /** A change the page sees at once when paused, at the next gap while training. */
  const changed = () => {
    if (isTraining(state)) dirty = true;
    else postSnapshot(true);
  };

  const handlers: Handlers = {
    init(msg) {
      // Runs count on across trainers, so the page can tell this run's snapshots from the last's.
      trainer = createTrainer(msg.config, (trainer?.run ?? 0) + 1);
      snap.invalidate();
      command(msg);
      postSnapshot(true);
    },
    setConfig(msg) {
      const t = ensure();
      const rebuilt = t.setConfig(msg.patch);
      if (rebuilt) snap.invalidate();
      dirty = true;
      if (isTraining(state)) ticker.soon();
      else owe(rebuilt ? 'snapshot' : 'recompute');
    },
    play(msg) {
      ensure();
      if (state.kind !== 'running') {
        pace.restart(now());
        dirty = true;
      }
      command(msg);
      ticker.soon();
    },
    pause(msg) {
      ensure();
      command(msg);
      postSnapshot(true);
    },
    step(msg) {
      ensure();
      command(msg);
      ticker.soon();
    },
    reset(msg) {
      ensure().reset();
      snap.invalidate();
      command(msg);
      dirty = true;
      if (isTraining(state)) ticker.soon();
      else postSnapshot(true);
    },
    setSpeed(msg) {
      pace.setSpeed(msg.stepsPerSecond, now());
      if (isTraining(state)) ticker.soon();
    },
    setView(msg) {
      view.seq = msg.seq;
      if (msg.gate !== undefined) view.gate = msg.gate;
      ensure();
      changed();
    },
    analyze(msg) {
      const t = ensure();
      if (msg.kind === 'backward') walks.request(t, view.seq);
      else send(analysisMessage(t, Math.min(view.seq, t.trace.B - 1), msg.kind));
    },
    gradcheck() {
      send(gradcheckMessage(ensure()));
    },
    loadWeights(msg) {
      ensure().loadWeights(msg.weights);
      snap.invalidate();
      changed();
    },
    getWeights() {
      const { weights, shapes } = ensure().getWeights();
      send({ v: PROTOCOL_VERSION, type: 'weights', weights, shapes });
    },
  };

  const dispatch = <M extends ToWorker>(msg: M) => (handlers[msg.type] as (m: M) => void)(msg);

  return {
    get trainer() {
      return trainer;
    },
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
        fail(e);
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
