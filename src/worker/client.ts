/**
 * The page's handle on training. Normally a dedicated Web Worker; when one cannot be built (no
 * Worker, a blocked module worker, a crash before `ready`), the same session runs on this thread
 * with shorter time slices, the page is told why, and messages already sent are replayed to it.
 */
import { errorMessage, PROTOCOL_VERSION } from './protocol';
import type { FromWorker, ToWorker } from './protocol';
import type { Session } from './trainer/session';
import { createModuleWorker, takeEarlyWorker } from './early';

export type ClientMode = 'worker' | 'inline';

export interface TrainingClient {
  /** Where training runs now ('worker' until a fallback happens). */
  readonly mode: ClientMode;
  send(msg: ToWorker): void;
  /** Listen to every message; returns the unsubscribe function. */
  subscribe(cb: (msg: FromWorker) => void): () => void;
  terminate(): void;
}

export interface ClientOptions {
  /** Skip the worker and run in-thread (tests, or a user's choice). */
  forceInline?: boolean;
  /** Build the worker (tests inject a fake); default: Vite's module worker. */
  createWorker?: () => Worker;
  /** Give up on a worker that has not said `ready` after this long. */
  readyTimeoutMs?: number;
}

/** In-thread slices are shorter than the worker's so the page keeps most of each frame. */
const INLINE_SLICE_MS = 6;
const DEFAULT_READY_TIMEOUT_MS = 10000;

/** The worker app/main.tsx started first thing, else a new one. */
function defaultWorker(): Worker {
  return takeEarlyWorker() ?? createModuleWorker();
}

export function createTrainingClient(opts: ClientOptions = {}): TrainingClient {
  const listeners = new Set<(msg: FromWorker) => void>();
  let mode: ClientMode = 'worker';
  let ready: FromWorker | null = null;
  let terminated = false;
  let worker: Worker | null = null;
  let inline: Session | null = null;
  /** Messages sent before the worker said `ready`, replayed to the fallback if it never does. */
  let unconfirmed: ToWorker[] | null = [];
  let readyTimer: ReturnType<typeof setTimeout> | null = null;

  const emit = (msg: FromWorker) => {
    if (terminated) return;
    if (msg.type === 'ready') ready = msg;
    for (const cb of [...listeners]) cb(msg);
  };

  /** Messages that arrive while the in-thread session's module is loading. */
  let inlineQueue: ToWorker[] | null = null;

  const startInline = (reason: string | null) => {
    mode = 'inline';
    inlineQueue = unconfirmed ?? [];
    unconfirmed = null;
    // Loaded on demand so the page's own bundle does not carry the engine unless it must run it.
    import('./trainer/session')
      .then(({ createSession, engineKernels }) => {
        if (terminated) return;
        const session = createSession({
          // Delivered asynchronously, as a worker's would be, so a listener may send from its callback.
          post: (msg) => queueMicrotask(() => emit(msg)),
          sliceMs: INLINE_SLICE_MS,
        });
        if (reason !== null)
          emit(errorMessage(`${reason}; training runs on the page's own thread, more slowly`));
        emit({ v: PROTOCOL_VERSION, type: 'ready', mode: 'inline', kernels: engineKernels() });
        inline = session;
        const queued = inlineQueue ?? [];
        inlineQueue = null;
        for (const m of queued) session.handle(m);
      })
      .catch((e: unknown) =>
        emit(
          errorMessage(`training could not start: ${e instanceof Error ? e.message : String(e)}`),
        ),
      );
  };

  const fallBack = (reason: string) => {
    if (mode === 'inline' || terminated) return;
    if (readyTimer !== null) clearTimeout(readyTimer);
    worker?.terminate();
    worker = null;
    startInline(reason);
  };

  if (opts.forceInline === true) {
    startInline(null);
  } else {
    try {
      const w = (opts.createWorker ?? defaultWorker)();
      worker = w;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.type === 'ready') {
          unconfirmed = null;
          if (readyTimer !== null) clearTimeout(readyTimer);
        }
        emit(e.data);
      };
      w.onerror = (e: ErrorEvent) => {
        if (unconfirmed !== null) {
          e.preventDefault?.();
          fallBack(`the training worker failed to start (${e.message || 'error'})`);
        } else {
          emit(errorMessage(`training worker error: ${e.message || 'unknown'}`));
        }
      };
      w.onmessageerror = () =>
        emit(errorMessage('a message from the training worker could not be read'));
      readyTimer = setTimeout(
        () => fallBack('the training worker did not start in time'),
        opts.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
      );
    } catch (e) {
      worker = null;
      startInline(`Web Workers are unavailable (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  return {
    get mode() {
      return mode;
    },
    send(msg) {
      if (terminated) return;
      if (inline !== null) {
        inline.handle(msg);
        return;
      }
      if (inlineQueue !== null) {
        inlineQueue.push(msg);
        return;
      }
      unconfirmed?.push(msg);
      worker?.postMessage(msg);
    },
    subscribe: (cb) => subscribeLate(listeners, ready, cb),
    terminate() {
      terminated = true;
      if (readyTimer !== null) clearTimeout(readyTimer);
      worker?.terminate();
      worker = null;
      inline?.dispose();
      listeners.clear();
    },
  };
}

/**
 * Adds a listener; a late one still learns where training runs (the `ready` message already seen,
 * delivered in a microtask unless it unsubscribed first). Returns the unsubscribe function.
 */
export function subscribeLate(
  listeners: Set<(msg: FromWorker) => void>,
  ready: FromWorker | null,
  cb: (msg: FromWorker) => void,
): () => void {
  listeners.add(cb);
  if (ready !== null) queueMicrotask(() => listeners.has(cb) && cb(ready));
  return () => listeners.delete(cb);
}
