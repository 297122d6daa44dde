/**
 * Decides the open lesson's question from the runs the store holds, on every store write (one per
 * frame while training), whether or not the lesson card is shown. One tracker per app store; the
 * first decided answer of a run is kept until the run is reset or the lesson changes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState, AppStore } from './store';
import { runStates } from './runs';
import { decidePrediction, predictionFor } from './lessons/predictions';
import type { PredictionState } from './lessons/predictions';

export type Tracker = StoreApi<{ decided: PredictionState | null }>;

const trackers = new WeakMap<AppStore, Tracker>();

function next(prev: PredictionState | null, s: AppState): PredictionState | null {
  const p = s.lesson === null ? undefined : predictionFor(s.lesson);
  if (s.lesson === null || p === undefined) return null;
  return decidePrediction(prev, s.lesson, p, runStates(s.runs));
}

export function predictionTracker(store: AppStore): Tracker {
  let t = trackers.get(store);
  if (t !== undefined) return t;
  const tracker: Tracker = createStore(() => ({ decided: next(null, store.getState()) }));
  store.subscribe((s) => {
    const prev = tracker.getState().decided;
    const d = next(prev, s);
    if (d !== prev) tracker.setState({ decided: d });
  });
  trackers.set(store, tracker);
  t = tracker;
  return t;
}
