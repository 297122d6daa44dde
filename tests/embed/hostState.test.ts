import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hostState, startStateReporter, STATE_TYPE } from '../../src/embed/hostState';
import type { HostState } from '../../src/embed/hostState';
import type { AppState } from '../../src/store/store';

type Latest = NonNullable<AppState['latest']>;
const snap = (iteration: number, loss: number, dh: number[]) =>
  ({ iteration, loss, dhNorm: Float64Array.from(dh) }) as unknown as Latest;

describe('hostState', () => {
  it('reads iteration, loss, the end-to-end ratio and whether it trains', () => {
    expect(hostState({ latest: null, status: 'starting' })).toEqual({
      iteration: 0,
      loss: null,
      ratio: null,
      playing: false,
    });
    const s = hostState({ latest: snap(12, 0.5, [1e-6, 1e-3, 1e-2]), status: 'running' });
    expect(s.iteration).toBe(12);
    expect(s.loss).toBe(0.5);
    expect(s.ratio).toBeCloseTo(1e-4, 15);
    expect(s.playing).toBe(true);
    // Nothing JSON cannot carry: a non-finite loss or a zero norm reads as null.
    const bad = hostState({ latest: snap(3, NaN, [0, 1]), status: 'diverged' });
    expect(bad).toEqual({ iteration: 3, loss: null, ratio: null, playing: false });
  });
});

describe('startStateReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function rig() {
    let state: HostState = { iteration: 0, loss: null, ratio: null, playing: false };
    const posted: unknown[] = [];
    let listener: () => void = () => {};
    const stop = startStateReporter(
      { postMessage: (m, origin) => (expect(origin).toBe('*'), posted.push(m)) },
      () => state,
      (cb) => ((listener = cb), () => (listener = () => {})),
      200,
      () => Date.now(),
    );
    const change = (patch: Partial<HostState>) => {
      state = { ...state, ...patch };
      listener();
    };
    return { posted, change, stop };
  }

  it('posts at once, then at most once per gap while training, at once when playing changes', () => {
    const r = rig();
    expect(r.posted).toEqual([
      { type: STATE_TYPE, iteration: 0, loss: null, ratio: null, playing: false },
    ]);
    r.change({ playing: true });
    expect(r.posted).toHaveLength(2);
    for (let k = 1; k <= 10; k++) {
      r.change({ iteration: k, loss: 1 / k });
      vi.advanceTimersByTime(30);
    }
    // 300 ms of changes every 30 ms: one trailing post per 200 ms, the newest values.
    expect(r.posted.length).toBeLessThanOrEqual(4);
    vi.advanceTimersByTime(200);
    expect(r.posted.at(-1)).toMatchObject({ iteration: 10, loss: 0.1, playing: true });
    const n = r.posted.length;
    r.change({ playing: false });
    expect(r.posted).toHaveLength(n + 1);
    // A store write that changes none of the four posts nothing.
    r.change({});
    vi.advanceTimersByTime(1000);
    expect(r.posted).toHaveLength(n + 1);
    r.stop();
    r.change({ iteration: 99 });
    vi.advanceTimersByTime(1000);
    expect(r.posted).toHaveLength(n + 1);
  });
});
