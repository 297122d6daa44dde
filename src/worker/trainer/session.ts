/**
 * The training loop and message dispatch, shared by the worker and the in-thread fallback. It runs
 * steps in short time slices and yields between them, so control messages (pause, a slider) are
 * handled within a slice; snapshots go out at most ~30 per second while running, and at once when
 * paused so a slider answers in the same frame. Nothing here touches `self`: the host passes `post`.
 */
import { DEFAULT_CONFIG } from '../config';
import { createSnapshotter } from '../snapshot';
import { analysisMessage, gradcheckMessage } from './analysis';
import { createPace } from './pace';
import type { View } from '../snapshot';
import { createTrainer } from '../trainer';
import type { Trainer } from '../trainer';
import { errorMessage, parseToWorker, PROTOCOL_VERSION } from '../protocol';
import type { FromWorker, KernelKind, ToWorker } from '../protocol';
import { wasmKernelsAvailable } from '../../engine/wasm/arena';

/** The kernels this thread's engine runs (reported in `ready`). */
export function engineKernels(): KernelKind {
  return wasmKernelsAvailable() ? 'simd' : 'typescript';
}

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
}

const DEFAULT_SLICE_MS = 12;
const DEFAULT_MAX_POSTS = 30;

export function createSession(opts: SessionOptions): Session {
  const post = opts.post;
  const now = opts.now ?? (() => performance.now());
  const yieldTo = opts.yieldTo ?? ((cb: () => void) => void setTimeout(cb, 0));
  const sliceMs = opts.sliceMs ?? DEFAULT_SLICE_MS;
  const postGap = 1000 / (opts.maxPostsPerSecond ?? DEFAULT_MAX_POSTS);
  const snap = createSnapshotter(now);

  let trainer: Trainer | null = null;
  let disposed = false;
  let running = false;
  let pending = 0;
  const pace = createPace(now());
  const view: View = { seq: 0, gate: 0 };
  let dirty = false;
  let needRecompute = false;
  let lastPost = -Infinity;
  let tickQueued = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = (msg: FromWorker, transfer: ArrayBuffer[] = []) => {
    if (!disposed) post(msg, transfer);
  };
  const fail = (e: unknown) => send(errorMessage(e instanceof Error ? e.message : String(e)));

  const ensure = (): Trainer => {
    trainer ??= createTrainer(DEFAULT_CONFIG);
    return trainer;
  };

  /** A paused snapshot left slow analyses out of date: post a complete one on the next tick. */
  let refresh = false;

  const postSnapshot = (force: boolean, forceSlow = false) => {
    if (trainer === null) return;
    const { msg, transfer, stale } = snap.build(trainer, view, {
      running,
      stepsPerSecond: running ? pace.stepsPerSecond : 0,
      force,
      forceSlow,
    });
    send(msg, transfer);
    dirty = false;
    lastPost = now();
    refresh = stale && !running && pending === 0;
    if (refresh) schedule();
  };

  const schedule = (delayMs = 0) => {
    if (disposed) return;
    if (tickQueued && timer !== null && delayMs <= 1) {
      // A sleeping tick (speed limit) would answer late: run one now instead.
      clearTimeout(timer);
      timer = null;
      tickQueued = false;
    }
    if (tickQueued) return;
    tickQueued = true;
    if (delayMs > 1) timer = setTimeout(tick, delayMs);
    else yieldTo(tick);
  };

  function tick(): void {
    tickQueued = false;
    timer = null;
    if (disposed || trainer === null) return;
    try {
      runSlice(trainer);
    } catch (e) {
      // Never leave the page believing training runs: stop, say why, keep the last state.
      running = false;
      pending = 0;
      fail(e);
      try {
        postSnapshot(false);
      } catch {
        // The snapshot itself failed; the error above already says so.
      }
    }
  }

  function runSlice(trainer: Trainer): void {
    const t0 = now();
    if (refresh && !running && pending === 0 && !needRecompute) {
      refresh = false;
      postSnapshot(true, true);
      return;
    }
    if (needRecompute) {
      needRecompute = false;
      trainer.recompute();
      dirty = true;
    }
    let did = 0;
    while (pending > 0 || running) {
      if (pending === 0 && pace.allowed(now()) <= 0) break;
      const r = trainer.step();
      if (!r.ok) {
        const nf = r.nonFinite!;
        running = false;
        pending = 0;
        send({
          v: PROTOCOL_VERSION,
          type: 'diverged',
          iteration: trainer.iteration + 1,
          quantity: nf.quantity,
          step: nf.step,
          ...(nf.param !== undefined ? { param: nf.param } : {}),
        });
        dirty = true;
        break;
      }
      did++;
      if (pending > 0) pending--;
      else pace.took();
      if (now() - t0 >= sliceMs) break;
    }
    const t1 = now();
    pace.measure(t1, did);
    if (did > 0) dirty = true;
    const idle = !running && pending === 0;
    if (dirty && (idle || t1 - lastPost >= postGap)) postSnapshot(idle);
    if (idle) return;
    if (pending === 0 && pace.speed !== 'max') {
      // Sleep until the next step is due, or until a held-back snapshot may go out.
      let wait = pace.untilNext(t1);
      if (dirty) wait = Math.min(wait, postGap - (t1 - lastPost));
      schedule(wait);
    } else {
      schedule();
    }
  }

  const handleValid = (msg: ToWorker): void => {
    switch (msg.type) {
      case 'init':
        trainer = createTrainer(msg.config);
        snap.invalidate();
        running = false;
        pending = 0;
        postSnapshot(true);
        return;
      case 'setConfig': {
        const t = ensure();
        if (t.setConfig(msg.patch)) snap.invalidate();
        else if (!running) needRecompute = true;
        dirty = true;
        schedule();
        return;
      }
      case 'play':
        ensure();
        if (!running) {
          running = true;
          pace.restart(now());
          dirty = true;
        }
        schedule();
        return;
      case 'pause':
        ensure();
        running = false;
        pending = 0;
        postSnapshot(true);
        return;
      case 'step':
        ensure();
        pending += msg.n ?? 1;
        schedule();
        return;
      case 'reset':
        ensure().reset();
        snap.invalidate();
        dirty = true;
        if (running) schedule();
        else postSnapshot(true);
        return;
      case 'setSpeed':
        pace.setSpeed(msg.stepsPerSecond, now());
        if (running) schedule();
        return;
      case 'setView':
        view.seq = msg.seq;
        if (msg.gate !== undefined) view.gate = msg.gate;
        ensure();
        if (running) dirty = true;
        else postSnapshot(true);
        return;
      case 'analyze': {
        const t = ensure();
        const { msg: reply, transfer } = analysisMessage(
          t,
          Math.min(view.seq, t.trace.B - 1),
          msg.kind,
        );
        send(reply, transfer);
        return;
      }
      case 'gradcheck':
        send(gradcheckMessage(ensure()));
        return;
      case 'loadWeights':
        ensure().loadWeights(msg.weights);
        snap.invalidate();
        if (running) dirty = true;
        else postSnapshot(true);
        return;
      case 'getWeights': {
        const { weights, shapes } = ensure().getWeights();
        send({ v: PROTOCOL_VERSION, type: 'weights', weights, shapes });
        return;
      }
    }
  };

  return {
    get trainer() {
      return trainer;
    },
    handle(raw) {
      if (disposed) return;
      const parsed = parseToWorker(raw);
      if (!parsed.ok) {
        send(errorMessage(parsed.message));
        return;
      }
      try {
        handleValid(parsed.msg);
      } catch (e) {
        fail(e);
      }
    },
    dispose() {
      disposed = true;
      running = false;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
