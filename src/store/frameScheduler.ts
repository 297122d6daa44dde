/** Runs `cb` at the next allowed frame; `urgent` skips the wait (not the frame). */
export type Schedule = (cb: () => void, urgent?: boolean) => void;

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
