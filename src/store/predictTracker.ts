/**
 * Decides the open lesson's question from the runs the store holds, on every store write (one per
 * frame while training), whether or not the lesson card is shown. One tracker per app store; the
 * first decided answer of a run is kept until the run is reset or the lesson changes.
 *
 * The questions' texts and measures load in their own chunk the first time a lesson is open: the
 * page's first JavaScript stays within its budget (tests/e2e/buildSize.e2e.ts). Until then nothing
 * is decided; once they are here the tracker decides on the latest state at once.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, AppStore } from './store';
import { runStates } from './runs';
import type { PredictionState } from './lessons/predictions';

export type Tracker = StoreApi<{ decided: PredictionState | null }>;
export type Questions = typeof import('./lessons/predictions');

let questions: Questions | null = null;
let loading: Promise<Questions> | null = null;
const listeners = new Set<() => void>();

/** The questions once loaded, else null. */
export const loadedQuestions = (): Questions | null => questions;

/** Loads the questions' chunk (once; a failed load is tried again on the next call). */
export function loadQuestions(): Promise<Questions> {
  loading ??= import('./lessons/predictions').then(
    (m) => {
      questions = m;
      listeners.forEach((f) => f());
      return m;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** Calls `f` when the questions have loaded (for React: useSyncExternalStore). */
export function onQuestionsLoaded(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

const trackers = new WeakMap<AppStore, Tracker>();

function next(prev: PredictionState | null, s: AppState, q: Questions): PredictionState | null {
  const p = s.lesson === null ? undefined : q.predictionFor(s.lesson);
  if (s.lesson === null || p === undefined) return null;
  return q.decidePrediction(prev, s.lesson, p, runStates(s.runs));
}

export function predictionTracker(store: AppStore): Tracker {
  let t = trackers.get(store);
  if (t !== undefined) return t;
  const tracker: Tracker = createStore(() => ({ decided: null }));
  let asked = false;
  const update = () => {
    const s = store.getState();
    if (questions === null) {
      // Ask for the chunk once a lesson is open and decide as soon as it is here; a chunk that
      // failed to load (the network went away) is asked for again on the next store write.
      if (s.lesson !== null && !asked) {
        asked = true;
        loadQuestions().then(update, () => (asked = false));
      }
      return;
    }
    const prev = tracker.getState().decided;
    const d = next(prev, s, questions);
    if (d !== prev) tracker.setState({ decided: d });
  };
  update();
  store.subscribe(update);
  trackers.set(store, tracker);
  t = tracker;
  return t;
}
