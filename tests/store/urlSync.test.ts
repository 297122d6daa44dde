import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW } from '../../src/store/url';
import type { UrlSnapshot } from '../../src/store/url';
import { startUrlSync } from '../../src/store/urlSync';
import { DEFAULT_CONFIG } from '../../src/worker/config';

/** A tiny store and a fake window whose replaceState updates location like a browser does. */
function setup(initialSearch = '') {
  let state: UrlSnapshot = {
    config: { ...DEFAULT_CONFIG },
    view: { ...DEFAULT_VIEW },
    lesson: null,
  };
  const listeners = new Set<() => void>();
  const location = { pathname: '/sub/path/index.html', search: initialSearch, hash: '#x' };
  const calls: string[] = [];
  const history = {
    state: { keep: 1 },
    pushState: vi.fn(),
    replaceState: vi.fn((_data: unknown, _unused: string, url: string) => {
      calls.push(url);
      const q = url.indexOf('?');
      const h = url.indexOf('#');
      location.search = q < 0 ? '' : url.slice(q, h < 0 ? undefined : h);
    }),
  };
  const win = { history, location } as unknown as Pick<Window, 'history' | 'location'>;
  const set = (patch: Partial<UrlSnapshot>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const subscribe = (cb: () => void) => {
    listeners.add(cb);
    return () => listeners.delete(cb);
  };
  return { get: () => state, set, subscribe, win, history, location, calls, listeners };
}

describe('startUrlSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once, after the changes stop, with replaceState only', () => {
    const s = setup();
    const stop = startUrlSync(s.get, s.subscribe, { win: s.win, delayMs: 300 });
    for (let T = 51; T <= 60; T++) {
      s.set({ config: { ...s.get().config, T } });
      vi.advanceTimersByTime(100);
    }
    expect(s.calls).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(s.calls).toEqual(['/sub/path/index.html?v=1&T=60#x']);
    expect(s.history.replaceState.mock.calls[0]?.[0]).toEqual({ keep: 1 });
    expect(s.history.pushState).not.toHaveBeenCalled();
    stop();
  });

  it('other store changes (training snapshots) neither write nor postpone the write', () => {
    const s = setup();
    const stop = startUrlSync(s.get, s.subscribe, { win: s.win, delayMs: 300 });
    s.set({ config: { ...s.get().config, seed: 9 } });
    for (let i = 0; i < 20; i++) {
      s.set({}); // a notification with the same config, view and lesson
      vi.advanceTimersByTime(33);
    }
    expect(s.calls).toEqual(['/sub/path/index.html?v=1&seed=9#x']);
    for (let i = 0; i < 20; i++) {
      s.set({ config: { ...s.get().config } }); // new object, same values
      vi.advanceTimersByTime(33);
    }
    expect(s.calls).toHaveLength(1);
    stop();
  });

  it('does not write when the address bar already says it, and clears the query for the defaults', () => {
    const s = setup('?v=1&seed=9');
    const stop = startUrlSync(s.get, s.subscribe, { win: s.win, delayMs: 10 });
    s.set({ config: { ...DEFAULT_CONFIG, seed: 9 } });
    vi.advanceTimersByTime(20);
    expect(s.calls).toEqual([]);
    s.set({ config: { ...DEFAULT_CONFIG } });
    vi.advanceTimersByTime(20);
    expect(s.calls).toEqual(['/sub/path/index.html#x']);
    stop();
  });

  it('stop() unsubscribes and drops a pending write', () => {
    const s = setup();
    const stop = startUrlSync(s.get, s.subscribe, { win: s.win });
    s.set({ lesson: 'vanishing' });
    stop();
    expect(s.listeners.size).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(s.calls).toEqual([]);
  });

  it('survives a replaceState that throws (rate-limited browsers)', () => {
    const s = setup();
    s.history.replaceState.mockImplementation(() => {
      throw new Error('SecurityError');
    });
    const stop = startUrlSync(s.get, s.subscribe, { win: s.win, delayMs: 5 });
    s.set({ config: { ...s.get().config, T: 80 } });
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
    stop();
  });
});
