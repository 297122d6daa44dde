/**
 * Keeps the address bar in step with the setup: after the setup stops changing for `delayMs`, the
 * query string is replaced (history.replaceState, never pushState, so the back button is not
 * flooded with one entry per slider tick). No React, no store import: the caller passes a getter
 * and a subscribe function (a zustand store's getState/subscribe fit).
 */
import { encodeUrl } from './url';
import type { UrlSnapshot } from './url';

export interface UrlSyncOptions {
  /** Quiet time before writing, in ms (default 300). */
  delayMs?: number;
  /** Where to write (default: the page's window); tests pass a fake. */
  win?: Pick<Window, 'history' | 'location'>;
}

export const DEFAULT_URL_SYNC_DELAY_MS = 300;

/**
 * Start syncing; returns stop(), which unsubscribes and drops a pending write.
 * The subscribe callback may fire for any state change (training snapshots arrive ~30 times a
 * second): only a change in the encoded link restarts the timer, otherwise a running training
 * would postpone the write forever.
 */
export function startUrlSync(
  getState: () => UrlSnapshot,
  subscribe: (cb: () => void) => () => void,
  opts: UrlSyncOptions = {},
): () => void {
  const win = opts.win ?? (typeof window === 'undefined' ? undefined : window);
  if (win === undefined) return () => {};
  const delay = opts.delayMs ?? DEFAULT_URL_SYNC_DELAY_MS;
  const encode = (): string => {
    const s = getState();
    return encodeUrl(s.config, s.view, s.lesson, s.compare ?? []);
  };

  let latest = encode();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const write = (): void => {
    timer = undefined;
    const search = latest === '' ? '' : `?${latest}`;
    const loc = win.location;
    if (loc.search === search) return;
    try {
      win.history.replaceState(win.history.state, '', `${loc.pathname}${search}${loc.hash}`);
    } catch {
      // Browsers rate-limit replaceState (Safari throws after ~100 calls in 30 s); the next
      // change writes again, and losing one URL update must not break the page.
    }
  };

  const unsubscribe = subscribe(() => {
    const next = encode();
    if (next === latest) return;
    latest = next;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(write, delay);
  });

  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}
