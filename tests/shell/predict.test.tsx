// @vitest-environment jsdom
/**
 * The lesson card's question: a radiogroup named "Predict …", kept in localStorage (or in memory
 * where storage is blocked), revealed beside the measured answer once the run decides it, and
 * hidden by predict=0.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createAppStore, type AppStore } from '../../src/store/store';
import type { Bridge } from '../../src/store/bridge';
import { StoreContext } from '../../src/store/hooks';
import { EMPTY_RUN } from '../../src/store/runs';
import { findLesson } from '../../src/store/lessons';
import { LessonPredict } from '../../src/shell/predict/LessonPredict';
import { CourseNav } from '../../src/shell/predict/CourseNav';
import {
  parseRecord,
  predictStore,
  reloadPredictions,
  STORAGE_KEY,
} from '../../src/store/predictRecord';
import type { Snapshot } from '../../src/worker/protocol';
import { loadQuestions } from '../../src/store/predictTracker';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Run A's latest snapshot, with only what the questions read. */
function setRun(store: AppStore, over: Partial<Snapshot>) {
  const s = {
    run: 1,
    iteration: 0,
    chanceLoss: 1 / 6,
    dhNorm: new Float64Array([1e-6, 1]),
    ...over,
  };
  act(() => store.setState({ runs: [{ ...EMPTY_RUN, latest: s as Snapshot }] }));
}

let roots: Root[] = [];
function mount(lesson: string, predict = true) {
  const store = createAppStore({ lesson });
  act(() => store.setState({ view: { ...store.getState().view, predict } }));
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  roots.push(root);
  act(() =>
    root.render(
      <StoreContext.Provider value={{ store, bridge: {} as Bridge }}>
        <div className="notice-lesson">
          <LessonPredict lesson={findLesson(lesson)!} />
        </div>
      </StoreContext.Provider>,
    ),
  );
  const radios = () => [...el.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const button = (name: string) =>
    [...el.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
  return { store, el, radios, button };
}

// The questions load on demand (tests/shell/predictLoad.test.tsx covers the wait): here they are in.
beforeAll(() => loadQuestions());
beforeEach(() => {
  localStorage.clear();
  reloadPredictions();
});
afterEach(() => {
  for (const r of roots) act(() => r.unmount());
  roots = [];
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('LessonPredict', () => {
  it('asks before Play in a radiogroup named "Predict …", and stores the choice', () => {
    const { el, radios, store } = mount('vanishing');
    setRun(store, { iteration: 0 });
    const group = el.querySelector('[role="radiogroup"]')!;
    const label = document.getElementById(group.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).toMatch(/^Predict: After 300 iterations/);
    expect(radios().map((r) => r.closest('label')!.textContent)).toEqual([
      'about 10⁰',
      'about 10⁻³',
      'about 10⁻⁶',
      'about 10⁻¹² or less',
    ]);
    act(() => radios()[2]!.click());
    expect(radios()[2]!.checked).toBe(true);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual({ vanishing: { choice: 2 } });
    expect(el.textContent).toContain('Now press Play');
    // Not decided at iteration 0: nothing revealed yet.
    expect(el.querySelector('[data-predict="revealed"]')).toBeNull();
  });

  it('once the run decides: "Your prediction" beside "Measured" (whatever the run measured), then why', () => {
    const { el, radios, store } = mount('vanishing');
    setRun(store, { iteration: 0 });
    act(() => radios()[2]!.click());
    setRun(store, { iteration: 120 });
    expect(radios().every((r) => r.disabled)).toBe(true); // locked once the run started
    // This run measures 10⁻³ at step 1, not the lesson's usual 10⁻⁶: the page says so.
    setRun(store, { iteration: 300, dhNorm: new Float64Array([1e-3, 1]) });
    const yours = el.querySelector('[data-predict="yours"]')!.textContent;
    const measured = el.querySelector('[data-predict="measured"]')!.textContent;
    expect(yours).toBe('Your prediction: about 10⁻⁶ ✘ the run shows otherwise');
    expect(measured).toBe('Measured: about 10⁻³ (10^−3.0 at t = 1)');
    expect(el.querySelector('[data-predict="explain"]')!.textContent).toMatch(/^Why: Every step/);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual({
      vanishing: { choice: 2, observed: true },
    });
    // Kept for the rest of the run, however the gradient moves later…
    setRun(store, { iteration: 900, dhNorm: new Float64Array([1e-6, 1]) });
    expect(el.querySelector('[data-predict="measured"]')!.textContent).toContain('about 10⁻³');
    // …and asked again after a reset, with the stored choice preselected.
    setRun(store, { run: 2, iteration: 0 });
    expect(el.querySelector('[data-predict="revealed"]')).toBeNull();
    expect(radios()[2]!.checked).toBe(true);
  });

  it('skipping is allowed: the answer still shows once decided, with no prediction', () => {
    const { el, store, button } = mount('vanishing');
    setRun(store, { iteration: 0 });
    act(() => button('Skip')!.click());
    expect(el.querySelector('[role="radiogroup"]')).toBeNull();
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual({ vanishing: { choice: null } });
    setRun(store, { iteration: 300 });
    expect(el.querySelector('[data-predict="yours"]')!.textContent).toBe(
      'Your prediction: none (skipped)',
    );
    expect(el.querySelector('[data-predict="measured"]')!.textContent).toContain('about 10⁻⁶');
  });

  it('a question the run settles at iteration 0 waits for the answer before it shows it', () => {
    const { el, radios, store } = mount('rho-not-whole-story');
    setRun(store, { iteration: 0, startPowers: new Float64Array([3.9, 8, 12, 9]) });
    expect(el.querySelector('[data-predict="revealed"]')).toBeNull();
    act(() => radios()[0]!.click());
    expect(el.querySelector('[data-predict="measured"]')!.textContent).toBe(
      'Measured: they rise above 5 before they fall (largest ‖W^k‖ = 12.0 at k = 3)',
    );
    expect(el.textContent).toContain('✘ the run shows otherwise');
  });

  it('predict=0 hides the question', () => {
    const { el, store } = mount('vanishing', false);
    setRun(store, { iteration: 300 });
    expect(el.innerHTML).toBe('<div class="notice-lesson"></div>');
  });

  it('works without storage (blocked or full), in memory for the page', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const { radios, store } = mount('vanishing');
    setRun(store, { iteration: 0 });
    act(() => radios()[1]!.click());
    expect(radios()[1]!.checked).toBe(true);
    expect(predictStore.getState().record.vanishing).toEqual({ choice: 1 });
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('reads back only well-formed entries', () => {
    expect(parseRecord('not json')).toEqual({});
    expect(parseRecord('[1,2]')).toEqual({});
    expect(
      parseRecord(
        JSON.stringify({
          a: { choice: 1, observed: true },
          b: { choice: -1 },
          c: 5,
          d: { choice: null },
        }),
      ),
    ).toEqual({ a: { choice: 1, observed: true }, b: {}, d: { choice: null } });
  });
});

describe('CourseNav', () => {
  it('marks each lesson predicted and observed, from storage', () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ vanishing: { choice: 2, observed: true }, exploding: { choice: null } }),
    );
    reloadPredictions();
    const store = createAppStore({ lesson: 'exploding' });
    const el = document.createElement('div');
    document.body.append(el);
    const root = createRoot(el);
    roots.push(root);
    act(() =>
      root.render(
        <StoreContext.Provider value={{ store, bridge: {} as Bridge }}>
          <CourseNav />
        </StoreContext.Provider>,
      ),
    );
    const buttons = () => [...el.querySelectorAll('button')];
    expect(buttons().map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Previous lesson: SGD against Adam on the vanishing preset',
      'Course 4/22',
      'Next lesson: Clipping tames exploding gradients',
    ]);
    act(() => buttons()[1]!.click());
    const item = (id: string) => el.querySelector(`[data-course-lesson="${id}"]`)!;
    expect(item('vanishing').textContent).toContain('predicted, observed');
    expect(item('exploding').textContent).toContain('not predicted, not observed');
    expect(item('exploding').getAttribute('aria-current')).toBe('page');
  });
});
