/**
 * The session loop's one pending turn: soon (after the messages already queued, so a pause or a
 * slider is handled between two slices) or after a delay (a speed limit's wait). Never two at once.
 */
export interface Ticker {
  /** Run soon; a sleeping turn is cut short (its wait would answer late). */
  soon(): void;
  /** Run after `delayMs`, unless a turn is already pending. */
  after(delayMs: number): void;
  /** No turn after this one. */
  stop(): void;
}

export function createTicker(turn: () => void, yieldTo: (cb: () => void) => void): Ticker {
  let queued = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const run = () => {
    queued = false;
    timer = null;
    if (!stopped) turn();
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    if (queued && timer !== null && delayMs <= 1) {
      clearTimeout(timer);
      timer = null;
      queued = false;
    }
    if (queued) return;
    queued = true;
    if (delayMs > 1) timer = setTimeout(run, delayMs);
    else yieldTo(run);
  };
  return {
    soon: () => schedule(0),
    after: schedule,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
