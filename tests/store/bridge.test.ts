import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store';
import { createBridge, needsRebuild, type ClientLike } from '../../src/store/bridge';
import type { FromWorker, Snapshot, ToWorker } from '../../src/worker/protocol';
import { DEFAULT_CONFIG, MAX_WORK, stepWork } from '../../src/worker/config';

function fakeClient() {
  const sent: ToWorker[] = [];
  let listener: ((m: FromWorker) => void) | null = null;
  const client: ClientLike = {
    mode: 'inline',
    send: (m) => sent.push(m),
    subscribe: (cb) => {
      listener = cb;
      return () => (listener = null);
    },
    terminate: () => {},
  };
  return { client, sent, emit: (m: FromWorker) => listener?.(m) };
}

function snap(iteration: number, running = true, run = 1, acked = 0): Snapshot {
  const T = 3;
  return {
    v: 1,
    type: 'snapshot',
    runId: 0,
    detail: 'full',
    version: iteration,
    run,
    iteration,
    running,
    config: DEFAULT_CONFIG,
    loss: 1 / iteration,
    lossesSince: Float64Array.of(1 / iteration),
    itersSince: Float64Array.of(iteration),
    normsSince: Float64Array.of(1),
    clippedSince: Uint8Array.of(0),
    accuraciesSince: Float64Array.of(NaN),
    hashesSince: Float64Array.of(iteration),
    preClipNorm: 1,
    clipped: false,
    accuracy: null,
    chanceLoss: 1 / 6,
    chanceAccuracy: null,
    solvedLoss: 0.01,
    taskLoss: 'mse_last',
    T,
    B: 1,
    H: 1,
    cell: 'rnn',
    seq: 0,
    gate: 0,
    holdForget: null,
    tbptt: 0,
    dhNorm: Float64Array.of(0.1, 0.2, 1),
    dcNorm: null,
    hidden: new Float64Array(T),
    stateWidth: 1,
    stateNorms: false,
    family: null,
    inputs: new Float64Array(T),
    cellState: null,
    gates: null,
    dhUnit: new Float64Array(T),
    dcUnit: null,
    spectrum: [],
    spectrumIteration: 0,
    stepJacNorms: null,
    stepJacIteration: 0,
    start: { iteration: 0, rho: [0.8], sigmaMax: [0.8] },
    startPowers: null,
    saturated: null,
    trace: 1,
    nonFinite: null,
    stepsPerSecond: 10,
    acked,
  };
}

describe('bridge', () => {
  it('commits queued snapshots in one write per frame, newest drawn, all in the history', () => {
    const store = createAppStore();
    const { client, emit } = fakeClient();
    const frames: (() => void)[] = [];
    createBridge(store, client, (cb) => frames.push(cb));
    let writes = 0;
    store.subscribe(() => writes++);
    emit(snap(1));
    emit(snap(2));
    emit(snap(3));
    expect(frames.length).toBe(1);
    expect(writes).toBe(0);
    frames[0]?.();
    expect(writes).toBe(1);
    const s = store.getState();
    expect(s.latest?.iteration).toBe(3);
    expect(Array.from(s.loss.iters)).toEqual([1, 2, 3]);
    expect(s.grad.iters).toEqual([1, 2, 3]);
    expect(s.status).toBe('running');
  });

  it('a rebuilding config change clears the history; a live one keeps it', () => {
    const store = createAppStore();
    const { client, emit, sent } = fakeClient();
    const bridge = createBridge(store, client, (cb) => cb());
    emit(snap(1));
    bridge.setConfig({ lr: 0.001 });
    expect(store.getState().loss.iters.length).toBe(1);
    expect(store.getState().config.lr).toBe(0.001);
    bridge.setConfig({ H: 8 });
    expect(store.getState().loss.iters.length).toBe(0);
    expect(sent.map((m) => m.type)).toEqual(['setConfig', 'setConfig']);
    expect(sent.every((m) => m.v === 1)).toBe(true);
  });

  it('drops in-flight snapshots of a run that a rebuild replaced, and restarts history on a new run', () => {
    const store = createAppStore();
    const { client, emit } = fakeClient();
    const bridge = createBridge(store, client, (cb) => cb());
    emit(snap(1));
    emit(snap(2));
    bridge.setConfig({ cell: 'gru' });
    emit(snap(3, true, 1, 0)); // built before the session handled the rebuild (acked 0 of 1)
    expect(store.getState().loss.iters.length).toBe(0);
    emit(snap(1, true, 2, 1));
    expect(Array.from(store.getState().loss.iters)).toEqual([1]);
    emit(snap(1, true, 3, 1)); // a reset from elsewhere (a lesson via postMessage)
    expect(Array.from(store.getState().loss.iters)).toEqual([1]);
    expect(store.getState().latest?.run).toBe(3);
  });

  it('divergence pauses and is kept until reset', () => {
    const store = createAppStore();
    const { client, emit } = fakeClient();
    const bridge = createBridge(store, client, (cb) => cb());
    emit(snap(1));
    emit({ v: 1, type: 'diverged', runId: 0, iteration: 7, quantity: 'loss', step: 0 });
    emit(snap(7, false));
    expect(store.getState().status).toBe('diverged');
    expect(store.getState().diverged?.iteration).toBe(7);
    bridge.reset();
    expect(store.getState().diverged).toBeNull();
    expect(store.getState().status).toBe('paused');
  });

  it('lowers the batch when a config would be too slow to train at one step per second', () => {
    const store = createAppStore();
    const { client, sent } = fakeClient();
    const bridge = createBridge(store, client, (cb) => cb());
    bridge.setConfig({ cell: 'lstm', H: 128, T: 1000, batch: 64 });
    const c = store.getState().config;
    expect(c.batch).toBeLessThan(64);
    expect(c.batch).toBeGreaterThanOrEqual(1);
    expect(stepWork(c)).toBeLessThanOrEqual(MAX_WORK);
    expect(stepWork({ ...c, batch: c.batch + 1 })).toBeGreaterThan(MAX_WORK);
    expect(store.getState().notice).toMatch(/using batch/);
    expect(sent.at(-1)).toMatchObject({ type: 'setConfig', patch: { batch: c.batch } });
    bridge.setConfig({ H: 8 });
    expect(store.getState().config.batch).toBe(c.batch);
  });

  it('view actions write the store and send nothing to the worker', () => {
    const store = createAppStore({ urlProblems: ['T clamped'], notice: 'x', lesson: 'vanishing' });
    const { client, sent } = fakeClient();
    const bridge = createBridge(store, client, (cb) => cb());
    bridge.setView({ theme: 'dark' });
    bridge.setLossLog(false);
    bridge.setUnit(3);
    bridge.leaveLesson();
    bridge.dismissUrlProblems();
    bridge.dismissNotice();
    const s = store.getState();
    expect(s.view.theme).toBe('dark');
    expect(s.view.large).toBe(false);
    expect([s.lossLog, s.unit, s.lesson, s.urlProblems, s.notice]).toEqual([
      false,
      3,
      null,
      [],
      null,
    ]);
    expect(s.config).toEqual(DEFAULT_CONFIG);
    expect(sent).toEqual([]);
  });

  it('knows which keys rebuild', () => {
    expect(needsRebuild({ rho: 1.2, lr: 0.1 }, DEFAULT_CONFIG)).toBe(false);
    expect(needsRebuild({ cell: 'lstm' }, DEFAULT_CONFIG)).toBe(true);
    expect(needsRebuild({ cell: DEFAULT_CONFIG.cell }, DEFAULT_CONFIG)).toBe(false);
  });
});
