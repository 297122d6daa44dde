/**
 * The training worker, started the moment the page's script begins to run: app/main.tsx imports
 * this module first, so the worker's download, compile and first snapshot overlap the evaluation of
 * React, d3 and the rest of the bundle and the first render (at 4× CPU throttling that evaluation
 * alone took 0.2–0.3 s). The first training client takes it; where there is no Worker (Node, tests)
 * nothing starts.
 */

/** The one place that names the worker's module (Vite bundles it from this URL). */
export function createModuleWorker(): Worker {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
}

let early: Worker | null = null;
if (typeof window !== 'undefined' && typeof Worker !== 'undefined') {
  try {
    early = createModuleWorker();
  } catch {
    early = null; // the client tries again, and falls back to the page's thread with a notice
  }
}

/** The worker started at load, once; null after it was taken (or if none could start). */
export function takeEarlyWorker(): Worker | null {
  const w = early;
  early = null;
  return w;
}
