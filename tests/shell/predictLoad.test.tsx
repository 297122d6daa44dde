// @vitest-environment jsdom
/**
 * The questions load in their own chunk (store/predictTracker.ts): until they are here the card
 * says so and keeps the lesson's claims hidden, and once they are the tracker decides on the
 * runs already in the store, with no further store write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createAppStore } from '../../src/store/store';
import type { Bridge } from '../../src/store/bridge';
import { StoreContext } from '../../src/store/hooks';
import { EMPTY_RUN } from '../../src/store/runs';
import { findLesson } from '../../src/store/lessons';
import { LessonPredict } from '../../src/shell/predict/LessonPredict';
import { loadedQuestions, loadQuestions, predictionTracker } from '../../src/store/predictTracker';
import type { Snapshot } from '../../src/worker/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('questions loaded on demand', () => {
  it('no lesson open: the tracker decides nothing and asks for no chunk', () => {
    const store = createAppStore({});
    expect(predictionTracker(store).getState().decided).toBeNull();
    act(() => store.setState({ runs: [{ ...EMPTY_RUN }] }));
    expect(loadedQuestions()).toBeNull();
  });

  it('shows "Loading" with the claims hidden, then the question, decided on the runs already there', async () => {
    const store = createAppStore({ lesson: 'rho-not-whole-story' });
    // Settled at iteration 0 (the run's ‖W^k‖): nothing else writes to the store after this.
    const s = { run: 1, iteration: 0, startPowers: new Float64Array([3.9, 8, 12, 9]) };
    store.setState({ runs: [{ ...EMPTY_RUN, latest: s as unknown as Snapshot }] });
    const el = document.createElement('div');
    document.body.append(el);
    root = createRoot(el);
    act(() =>
      root!.render(
        <StoreContext.Provider value={{ store, bridge: {} as Bridge }}>
          <LessonPredict lesson={findLesson('rho-not-whole-story')!} />
        </StoreContext.Provider>,
      ),
    );
    const loading = el.querySelector('[data-predict="loading"]');
    expect(loading?.getAttribute('data-open')).toBe('true');
    expect(predictionTracker(store).getState().decided).toBeNull();

    await act(async () => {
      await loadQuestions();
    });
    expect(el.querySelector('[data-predict="loading"]')).toBeNull();
    expect(predictionTracker(store).getState().decided?.measured.detail).toBe(
      'largest ‖W^k‖ = 12.0 at k = 3',
    );
    const radios = el.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    expect(radios.length).toBeGreaterThanOrEqual(3);
    act(() => radios[1]!.click());
    expect(el.querySelector('[data-predict="measured"]')!.textContent).toMatch(
      /^Measured: they rise above 5/,
    );
  });
});
