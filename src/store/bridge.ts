import type { FromWorker, Snapshot, Speed, ToWorker, WeightsMessage } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import { fitWorkBudget, type TrainConfig } from '../worker/config';
import { appendGrad, appendLoss, EMPTY_GRAD, EMPTY_LOSS } from './history';
import type { AppStore } from './store';
import { statusAfter, statusFrom } from './status';
import { viewActions } from './viewActions';
import { receiveNorms, receiveWalk, walkKey } from './walk';
import { walkActions } from './walkActions';
import type { TransportCommand } from '../worker/transport';
import { evaluateExpectations } from './lessons/expect';
import { findLesson } from './lessons';

/** The part of the training client the bridge needs (worker or in-thread fallback). */
export interface ClientLike {
  readonly mode: 'worker' | 'inline';
  send(msg: ToWorker): void;
  subscribe(cb: (msg: FromWorker) => void): () => void;
  terminate(): void;
}

/** Config keys whose change rebuilds the model (and so starts the history afresh). */
const REBUILD: readonly (keyof TrainConfig)[] = ['cell', 'task', 'T', 'H', 'batch', 'init', 'seed'];

export function needsRebuild(patch: Partial<TrainConfig>, current: TrainConfig): boolean {
  return REBUILD.some((k) => k in patch && patch[k] !== current[k]);
}

/** Runs `cb` at the next allowed frame; `urgent` skips the wait (not the frame). */
export type Schedule = (cb: () => void, urgent?: boolean) => void;
/** A page → worker message without its version field (the bridge stamps it). */
type Unversioned = ToWorker extends infer M ? (M extends unknown ? Omit<M, 'v'> : never) : never;

/**
 * One call per animation frame, and at most one per `minGapMs`: while training, 20 store writes a
 * second keep every chart live and leave most of each frame to the browser (bench/ui measured the
 * page falling below 55 fps when every snapshot re-rendered every panel). A write also waits
 * `costFactor` times as long as the previous one took (with the render React runs right after it), so
 * big traces cannot fill the thread: at the size limit (T = 1000, H = 128) a write costs tens of
 * milliseconds, and once the engine trained 5 steps/s there, one write per snapshot held the page
 * at 44 fps. An `urgent` write (a paused page answering a slider or a click) skips both waits: the
 * rule is for a stream of snapshots, and on a fresh page the first write (every chart mounting) cost
 * enough to hold the first slider moves back 1–2 s.
 */
export function frameScheduler(
  minGapMs = 50,
  costFactor = 8,
  now: () => number = () => performance.now(),
): Schedule {
  let last = -Infinity;
  let gap = minGapMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let framePending = false;
  return (cb, urgent = false) => {
    const run = () => {
      timer = null;
      framePending = true;
      requestAnimationFrame(() => {
        framePending = false;
        const t0 = now();
        last = t0;
        cb();
        // React renders a store write in a microtask queued inside cb; this one runs after it.
        queueMicrotask(() => {
          last = now();
          gap = Math.max(minGapMs, costFactor * (last - t0));
        });
      });
    };
    if (urgent) {
      if (framePending) return;
      if (timer !== null) clearTimeout(timer);
      run();
      return;
    }
    const wait = last + gap - now();
    if (wait > 0) timer = setTimeout(run, wait);
    else run();
  };
}

/**
 * Connects the training client to the store. Snapshots arrive at up to ~30 per second; they are
 * queued and committed in one store write per animation frame (the newest wins for what is drawn,
 * every queued one feeds the histories).
 */
export function createBridge(
  store: AppStore,
  client: ClientLike,
  schedule: Schedule = frameScheduler(),
) {
  let queue: Snapshot[] = [];
  let scheduled = false;
  /** Callers waiting for the next `weights` answer (downloads, checking a file's shapes). */
  let weightWaiters: ((m: WeightsMessage) => void)[] = [];
  /** After a rebuild is requested, snapshots of the old run still in flight are dropped. */
  let staleRun: number | null = null;
  /** Messages sent to the session, and how many had been sent at the latest transport command. */
  let sent = 0;
  let commanded = 0;
  const send = (msg: Unversioned) => {
    client.send({ v: PROTOCOL_VERSION, ...msg } as ToWorker);
    sent++;
  };
  /** Play, pause, step, reset, init: the status moves at once to where the session will be. */
  const command = (cmd: TransportCommand & Unversioned) => {
    const status = statusAfter(store.getState().status, cmd);
    send(cmd);
    commanded = sent;
    store.setState({ status, awaitingAck: true });
  };

  function flush() {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const s = store.getState();
    let loss = s.loss;
    let grad = s.grad;
    let run = s.latest?.run;
    let latest: Snapshot | null = null;
    // Every snapshot is checked, not just the newest: a claim about iteration 0 is decided on it.
    const lesson = s.lesson === null ? undefined : findLesson(s.lesson);
    let expect = s.expect;
    for (const snap of batch) {
      if (snap.run === staleRun) continue;
      staleRun = null;
      if (run !== undefined && snap.run !== run) {
        loss = EMPTY_LOSS;
        grad = EMPTY_GRAD;
      }
      run = snap.run;
      loss = appendLoss(loss, snap);
      grad = appendGrad(grad, snap);
      latest = snap;
      expect = lesson ? evaluateExpectations(expect, lesson, snap, loss) : null;
    }
    if (latest === null) return;
    store.setState({
      latest,
      loss,
      grad,
      status: statusFrom(s.status, latest, commanded),
      awaitingAck: latest.acked < commanded,
      expect,
    });
    followWalk();
  }

  /** In backward mode, asks once for the walk of each trace a paused page shows. */
  function followWalk() {
    const s = store.getState();
    const latest = s.latest;
    if (s.view.view !== 'backward' || latest === null || latest.running) return;
    const key = walkKey(latest);
    if (s.walk.asked === key) return;
    store.setState({ walk: { ...s.walk, asked: key } });
    send({ type: 'analyze', kind: 'backward' });
  }

  const unsubscribe = client.subscribe((msg) => {
    switch (msg.type) {
      case 'snapshot':
        queue.push(msg);
        // A paused page's snapshot answers the user (a slider, Step, Reset): the next frame draws it.
        if (!scheduled || !msg.running) {
          scheduled = true;
          schedule(flush, !msg.running);
        }
        break;
      case 'diverged':
        flush();
        store.setState({ diverged: msg, status: 'diverged' });
        break;
      case 'gradcheck':
        store.setState({ gradcheck: msg, gradcheckBusy: false });
        break;
      case 'analysis':
        store.setState({ analysis: msg });
        break;
      case 'backward':
        store.setState((s) => ({ walk: receiveWalk(s.walk, msg) }));
        break;
      case 'backwardNorms':
        store.setState((s) => ({ walk: receiveNorms(s.walk, msg) }));
        break;
      case 'ready':
        store.setState({ mode: msg.mode, kernels: msg.kernels });
        break;
      case 'error':
        store.setState({ notice: msg.message, gradcheckBusy: false });
        break;
      case 'weights': {
        const waiters = weightWaiters;
        weightWaiters = [];
        for (const cb of waiters) cb(msg);
        break;
      }
    }
  });

  function clearHistory() {
    queue = [];
    staleRun = store.getState().latest?.run ?? null;
    store.setState({
      loss: EMPTY_LOSS,
      grad: EMPTY_GRAD,
      diverged: null,
      gradcheck: null,
      analysis: null,
      expect: null,
    });
  }

  return {
    ...viewActions(store),
    ...walkActions(store),
    /**
     * Backward mode on or off. On: training pauses (the walk is of the batch on screen) and the
     * walk of the latest trace is asked for; off: autoplay stops.
     */
    setBackward(on: boolean) {
      const s = store.getState();
      store.setState({ view: { ...s.view, view: on ? 'backward' : 'train' } });
      if (!on) {
        store.setState({ walk: { ...store.getState().walk, playing: false } });
        return;
      }
      if (s.status === 'running') command({ type: 'pause' });
      followWalk();
    },
    /** Sends the full config (call once after the store holds the URL's config). */
    start(autoplay = false) {
      store.setState({ mode: client.mode });
      send({ type: 'init', config: store.getState().config });
      send({ type: 'setSpeed', stepsPerSecond: store.getState().speed });
      if (autoplay) send({ type: 'play' });
    },
    play: () => command({ type: 'play' }),
    pause: () => command({ type: 'pause' }),
    step: (n = 1) => command({ type: 'step', n }),
    /** A fresh run from the seed; a running session keeps running (worker/transport.ts). */
    reset() {
      clearHistory();
      command({ type: 'reset' });
    },
    /** Applies a config change; live keys keep the weights, the others rebuild. */
    setConfig(patch: Partial<TrainConfig>, lesson: string | null = null) {
      const s = store.getState();
      // Every allowed config must train at ≥ 1 step/s: a too-large batch is lowered, and said so.
      const fit = fitWorkBudget({ ...s.config, ...patch });
      const full = fit.note === null ? patch : { ...patch, batch: fit.config.batch };
      if (needsRebuild(full, s.config)) clearHistory();
      store.setState({ config: fit.config, lesson, ...(fit.note ? { notice: fit.note } : {}) });
      send({ type: 'setConfig', patch: full });
    },
    /** Replaces the whole config (lessons, loaded links): always a rebuild. */
    replaceConfig(config: TrainConfig, lesson: string | null) {
      clearHistory();
      const fit = fitWorkBudget(config);
      store.setState({ config: fit.config, lesson, ...(fit.note ? { notice: fit.note } : {}) });
      command({ type: 'init', config: fit.config });
    },
    setSpeed(speed: Speed) {
      store.setState({ speed });
      send({ type: 'setSpeed', stepsPerSecond: speed });
    },
    setGate(gate: number) {
      store.setState({ gate });
      send({ type: 'setView', seq: store.getState().latest?.seq ?? 0, gate });
    },
    /** Which sequence of the batch the per-sequence panels (and the backward walk) show. */
    setSeq(seq: number) {
      send({ type: 'setView', seq, gate: store.getState().gate });
    },
    gradcheck() {
      store.setState({ gradcheckBusy: true, gradcheck: null });
      send({ type: 'gradcheck' });
    },
    analyze: (kind: 'jacobian' | 'belt') => send({ type: 'analyze', kind }),
    loadWeights: (weights: Record<string, number[]>) => send({ type: 'loadWeights', weights }),
    /** The current weights and their shapes, from the trainer. */
    requestWeights(): Promise<WeightsMessage> {
      return new Promise((resolve) => {
        weightWaiters.push(resolve);
        send({ type: 'getWeights' });
      });
    },
    /** Commits queued snapshots now (tests, and before reading the store after a step). */
    flush,
    dispose() {
      unsubscribe();
      client.terminate();
    },
  };
}

export type Bridge = ReturnType<typeof createBridge>;
