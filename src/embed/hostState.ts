/**
 * What the embed tells its host about the run, for hosts that mirror it (widget.js sets an anywidget
 * model's `iteration`, `loss`, `ratio` and `playing` from it):
 *   { type: 'bptt-playground:state', iteration, loss, ratio, playing }
 * `loss` is the latest training loss and `ratio` the latest ‖∂L/∂h₁‖/‖∂L/∂h_T‖ of the picked run
 * (null before the first snapshot, or when not finite); `playing` is true while it trains.
 * Posted when it starts, at once when `playing` changes, else at most once per `minGapMs`.
 * Target origin '*': the numbers are what the embed shows on screen to anyone who opens it.
 */
import { log10Ratio } from '../panels/gradStats';
import type { AppState } from '../store/store';

export const STATE_TYPE = 'bptt-playground:state';

export interface HostState {
  iteration: number;
  loss: number | null;
  ratio: number | null;
  playing: boolean;
}

export interface StateMessage extends HostState {
  type: typeof STATE_TYPE;
}

const finite = (x: number | undefined | null): number | null =>
  typeof x === 'number' && Number.isFinite(x) ? x : null;

/** The host's view of the store (only what changes with training). */
export function hostState(s: Pick<AppState, 'latest' | 'status'>): HostState {
  const latest = s.latest;
  const log = latest?.dhNorm ? log10Ratio(latest.dhNorm) : null;
  return {
    iteration: latest?.iteration ?? 0,
    loss: finite(latest?.loss),
    ratio: log === null ? null : finite(10 ** log),
    playing: s.status === 'running',
  };
}

const same = (a: HostState, b: HostState) =>
  a.iteration === b.iteration &&
  Object.is(a.loss, b.loss) &&
  Object.is(a.ratio, b.ratio) &&
  a.playing === b.playing;

/** Posts the state now and on changes (see the header). Returns stop(). */
export function startStateReporter(
  target: { postMessage(message: unknown, targetOrigin: string): void },
  read: () => HostState,
  subscribe: (cb: () => void) => () => void,
  minGapMs = 200,
  now: () => number = () => performance.now(),
): () => void {
  let last: HostState | null = null;
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const post = () => {
    timer = null;
    const s = read();
    if (last !== null && same(last, s)) return;
    last = s;
    lastAt = now();
    const msg: StateMessage = { type: STATE_TYPE, ...s };
    target.postMessage(msg, '*');
  };
  const changed = () => {
    const s = read();
    if (last !== null && same(last, s)) return;
    const wait = lastAt + minGapMs - now();
    if (last === null || s.playing !== last.playing || wait <= 0) {
      if (timer !== null) clearTimeout(timer);
      post();
    } else if (timer === null) timer = setTimeout(post, wait);
  };
  post();
  const unsubscribe = subscribe(changed);
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
