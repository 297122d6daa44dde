import type { FromWorker, Snapshot, Speed, ToWorker, WeightsMessage } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import type { TrainConfig } from '../worker/config';
import type { RunLayout } from '../worker/pool';
import type { AppStore } from './store';
import { awaitingAck, statusAfter, statusFromRuns } from './status';
import { viewActions } from './viewActions';
import { receiveNorms, receiveWalk, walkKey } from './walk';
import { walkActions } from './walkActions';
import { receiveScan, scanKey } from './scan';
import { scanActions } from './scanActions';
import { scannable } from '../worker/scannable';
import type { TransportCommand } from '../worker/transport';
import { EMPTY_RUN, fitRuns, foldSnapshot, mirrorPicked, runConfigs, runStates } from './runs';
import { frameScheduler, type Schedule } from './frameScheduler';
import { configActions } from './configActions';
import { sweepActions } from './sweepActions';
import { RUN_LETTERS } from '../worker/runsProtocol';
import type { BridgeCore, Unversioned } from './bridgeCore';
import { evaluateExpectations } from './lessons/expect';
import { findLesson } from './lessons';

export { frameScheduler, type Schedule } from './frameScheduler';
export { needsRebuild } from './configActions';

/** The part of the training client the bridge needs (a pool of workers, or one client). */
export interface ClientLike {
  readonly mode: 'worker' | 'inline';
  send(msg: ToWorker): void;
  subscribe(cb: (msg: FromWorker) => void): () => void;
  terminate(): void;
  /** Spreads the runs of a comparison over workers (worker/pool.ts); absent = one session. */
  layout?(runs: number): RunLayout;
}

/**
 * Connects the training client to the store. Snapshots arrive at up to ~30 per second per run; they
 * are queued and committed in one store write per animation frame (the newest of each run wins for
 * what is drawn, every queued one feeds the histories).
 */
export function createBridge(
  store: AppStore,
  client: ClientLike,
  schedule: Schedule = frameScheduler(),
) {
  let queue: Snapshot[] = [];
  let scheduled = false;
  /** Callers waiting for the next `weights` answer of a run (downloads, checking a file's shapes). */
  let weightWaiters: { runId: number; cb: (m: WeightsMessage) => void }[] = [];
  /** Messages sent to the session, and how many had been sent at the latest transport command. */
  let sent = 0;
  let commanded = 0;
  /** Per run: snapshots built before the session handled this many messages belong to an old run. */
  const restartAt: number[] = [];

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
  const pick = () => store.getState().view.run;

  function flush() {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    const s = store.getState();
    const runs = s.runs.slice();
    let changed = false;
    // A lesson's expectations are checked on run A (with every run, for a comparison lesson), on
    // every snapshot, not just the newest: a claim about iteration 0 is decided on it.
    const lesson = s.lesson === null ? undefined : findLesson(s.lesson);
    let expect = s.expect;
    for (const snap of batch) {
      const prev = runs[snap.runId];
      if (prev === undefined || snap.acked < (restartAt[snap.runId] ?? 0)) continue;
      const next = foldSnapshot(prev, snap);
      runs[snap.runId] = next;
      changed = true;
      if (lesson === undefined) expect = null;
      else if (snap.runId === 0 || lesson.compare !== undefined) {
        const a = runs[0];
        if (a?.latest)
          expect = evaluateExpectations(expect, lesson, a.latest, a.loss, runStates(runs));
      }
    }
    if (!changed) return;
    store.setState({
      runs,
      ...mirrorPicked(runs, s.view.run),
      status: statusFromRuns(s.status, runs, commanded),
      awaitingAck: awaitingAck(runs, commanded),
      expect,
    });
    followWalk();
    followScan();
  }

  /** In backward mode, asks once for the walk of each trace a paused page shows (the picked run's). */
  function followWalk() {
    const s = store.getState();
    const latest = s.latest;
    if (s.view.view !== 'backward' || latest === null || latest.running) return;
    const key = walkKey(latest);
    if (s.walk.asked === key) return;
    store.setState({ walk: { ...s.walk, asked: key } });
    send({ type: 'analyze', runId: s.view.run, kind: 'backward' });
  }

  /** In scan mode, asks once for the scan of each trace and lane a paused page shows (scannable cells). */
  function followScan(lane?: number) {
    const s = store.getState();
    const latest = s.latest;
    if (s.view.view !== 'scan' || latest === null || latest.running) return;
    if (!scannable(latest.cell)) return;
    const l = lane ?? s.scan.lane;
    const key = scanKey(latest, l);
    if (s.scan.asked === key) return;
    store.setState({ scan: { ...s.scan, asked: key, lane: l } });
    send({ type: 'analyze', runId: s.view.run, kind: 'scan', lane: l });
  }

  /** A message about one run; in a comparison it names the run. */
  const about = (runId: number | null, text: string) =>
    runId !== null && store.getState().compare.length > 0
      ? `run ${RUN_LETTERS[runId] ?? runId}: ${text}`
      : text;

  const sweeps = sweepActions(store, send);

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
      case 'diverged': {
        flush();
        const s = store.getState();
        const r = s.runs[msg.runId];
        if (r === undefined) break;
        const runs = s.runs.map((x, k) => (k === msg.runId ? { ...x, diverged: msg } : x));
        const all = runs.every((x) => x.diverged !== null);
        store.setState({
          runs,
          ...mirrorPicked(runs, s.view.run),
          ...(all ? { status: 'diverged' as const } : {}),
        });
        break;
      }
      case 'gradcheck':
        if (msg.runId === pick()) store.setState({ gradcheck: msg, gradcheckBusy: false });
        break;
      case 'analysis':
        if (msg.runId === pick()) store.setState({ analysis: msg });
        break;
      case 'backward':
        if (msg.runId === pick()) store.setState((s) => ({ walk: receiveWalk(s.walk, msg) }));
        break;
      case 'scan':
        if (msg.runId === pick()) store.setState((s) => ({ scan: receiveScan(s.scan, msg) }));
        break;
      case 'backwardNorms':
        if (msg.runId === pick()) store.setState((s) => ({ walk: receiveNorms(s.walk, msg) }));
        break;
      case 'ready':
        store.setState({ mode: msg.mode, kernels: msg.kernels });
        break;
      case 'error':
        store.setState({ notice: about(msg.runId, msg.message), gradcheckBusy: false });
        break;
      case 'weights': {
        const mine = weightWaiters.filter((w) => w.runId === msg.runId);
        weightWaiters = weightWaiters.filter((w) => w.runId !== msg.runId);
        for (const w of mine) w.cb(msg);
        break;
      }
      case 'sweepPoint':
      case 'sweepDone':
        sweeps.receive(msg);
        break;
    }
  });

  const core: BridgeCore = {
    store,
    send,
    command,
    restarted(runIds) {
      const s = store.getState();
      const runs = s.runs.slice();
      for (const r of runIds) {
        restartAt[r] = sent;
        if (runs[r] !== undefined) runs[r] = EMPTY_RUN;
      }
      queue = queue.filter((q) => !runIds.includes(q.runId));
      store.setState({
        runs,
        ...mirrorPicked(runs, s.view.run),
        gradcheck: null,
        analysis: null,
        ...(runIds.includes(0) ? { expect: null } : {}),
      });
    },
    restartAll(lesson, first = false) {
      const s = store.getState();
      const fit = fitRuns(s.config, s.compare);
      const configs: readonly TrainConfig[] = [fit.config, ...fit.compare];
      // A pool lays the runs out over its workers (dropping runs that left a worker); a plain
      // client hosts every run in one session, which drops the runs the comparison lost.
      const layout = client.layout?.(configs.length) ?? null;
      if (client.layout === undefined)
        for (let runId = configs.length; runId < s.runs.length; runId++)
          send({ type: 'drop', runId });
      const run = Math.min(s.view.run, configs.length - 1);
      store.setState({
        config: fit.config,
        compare: fit.compare,
        lesson,
        view: { ...s.view, run },
        runs: configs.map(() => EMPTY_RUN),
        layout,
        ...(fit.note ? { notice: fit.note } : {}),
      });
      configs.forEach((config, runId) =>
        first ? send({ type: 'init', runId, config }) : command({ type: 'init', runId, config }),
      );
      restartAt.length = configs.length;
      // Snapshots from now on belong to the new runs (the next message already answers with some).
      core.restarted(configs.map((_, r) => r));
      if (configs.length > 1)
        configs.forEach((_, runId) =>
          send({ type: 'setView', runId, seq: 0, detail: runId === run ? 'full' : 'light' }),
        );
    },
  };

  return {
    ...viewActions(store),
    ...configActions(core),
    ...sweeps,
    ...walkActions(store),
    ...scanActions(store),
    /** The lane the scan view shows (a state entry; the LRU's complex unit): asks the worker for it. */
    setScanLane(lane: number) {
      followScan(lane);
    },
    /**
     * Scan mode on or off. On: training pauses (the scan is of the batch on screen) and the scan
     * of the latest trace is asked for; off: autoplay stops.
     */
    setScan(on: boolean) {
      const s = store.getState();
      store.setState({
        view: { ...s.view, view: on ? 'scan' : 'train' },
        scan: { ...s.scan, playing: false },
        walk: { ...s.walk, playing: false },
      });
      if (!on) return;
      if (s.status === 'running') command({ type: 'pause' });
      followScan();
    },
    /**
     * Backward mode on or off. On: training pauses (the walk is of the batch on screen) and the
     * walk of the latest trace is asked for; off: autoplay stops.
     */
    setBackward(on: boolean) {
      const s = store.getState();
      store.setState({ view: { ...s.view, view: on ? 'backward' : 'train' } });
      store.setState({ scan: { ...store.getState().scan, playing: false } });
      if (!on) {
        store.setState({ walk: { ...store.getState().walk, playing: false } });
        return;
      }
      if (s.status === 'running') command({ type: 'pause' });
      followWalk();
    },
    /** Builds every run from the store's configs (call once after the store holds the URL's). */
    start(autoplay = false) {
      store.setState({ mode: client.mode });
      core.restartAll(store.getState().lesson, true);
      send({ type: 'setSpeed', stepsPerSecond: store.getState().speed });
      if (autoplay) send({ type: 'play' });
    },
    play: () => command({ type: 'play' }),
    pause: () => command({ type: 'pause' }),
    step: (n = 1) => command({ type: 'step', n }),
    /** Every run afresh from its seed; a running session keeps running (worker/transport.ts). */
    reset() {
      command({ type: 'reset' });
      core.restarted(runConfigs(store.getState()).map((_, r) => r));
    },
    setSpeed(speed: Speed) {
      store.setState({ speed });
      send({ type: 'setSpeed', stepsPerSecond: speed });
    },
    setGate(gate: number) {
      store.setState({ gate });
      send({ type: 'setView', runId: pick(), seq: store.getState().latest?.seq ?? 0, gate });
    },
    /** Which sequence of the batch the per-sequence panels (and the backward walk) show. */
    setSeq(seq: number) {
      send({ type: 'setView', runId: pick(), seq, gate: store.getState().gate });
    },
    gradcheck() {
      store.setState({ gradcheckBusy: true, gradcheck: null });
      send({ type: 'gradcheck', runId: pick() });
    },
    analyze: (kind: 'jacobian' | 'belt') => send({ type: 'analyze', runId: pick(), kind }),
    loadWeights: (weights: Record<string, number[]>) =>
      send({ type: 'loadWeights', runId: pick(), weights }),
    /** The picked run's weights and their shapes, from its trainer. */
    requestWeights(): Promise<WeightsMessage> {
      return new Promise((resolve) => {
        const runId = pick();
        weightWaiters.push({ runId, cb: resolve });
        send({ type: 'getWeights', runId });
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
