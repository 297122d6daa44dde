// @vitest-environment jsdom
/** [ and ] move through the lessons in the course's order, each opening in its own mode. */
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createAppStore } from '../../src/store/store';
import { createBridge, type ClientLike } from '../../src/store/bridge';
import { useShortcuts } from '../../src/app/useShortcuts';
import { COURSE_ORDER as LESSONS } from '../../src/store/lessons/course';
import { adjacentLesson } from '../../src/store/lessonNav';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  document.body.innerHTML = '';
});

function setup() {
  const client: ClientLike = {
    mode: 'inline',
    send: () => {},
    subscribe: () => () => {},
    terminate: () => {},
  };
  const store = createAppStore({ status: 'paused' });
  const bridge = createBridge(store, client, (cb) => cb());
  function Page() {
    useShortcuts(store, bridge, () => {});
    return null;
  }
  const el = document.createElement('div');
  document.body.append(el);
  root = createRoot(el);
  act(() => root!.render(<Page />));
  const key = (k: string) =>
    act(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    });
  return { store, key };
}

describe('lesson keys', () => {
  it('] opens the first lesson from none, then the next; [ goes back; neither wraps', () => {
    const { store, key } = setup();
    expect(store.getState().lesson).toBeNull();
    key('[');
    expect(store.getState().lesson).toBeNull();
    key(']');
    expect(store.getState().lesson).toBe(LESSONS[0]!.id);
    key(']');
    expect(store.getState().lesson).toBe(LESSONS[1]!.id);
    // The second lesson is the backward pass: it opens in backward mode, the next in training.
    expect(store.getState().view.view).toBe(LESSONS[1]!.view?.mode ?? 'train');
    key(']');
    expect(store.getState().view.view).toBe(LESSONS[2]!.view?.mode ?? 'train');
    key('[');
    key('[');
    expect(store.getState().lesson).toBe(LESSONS[0]!.id);
    key('[');
    expect(store.getState().lesson).toBe(LESSONS[0]!.id);
  });

  it('stops at the last lesson', () => {
    const last = LESSONS[LESSONS.length - 1]!;
    expect(adjacentLesson(last.id, 1)).toBeUndefined();
    expect(adjacentLesson(last.id, -1)?.id).toBe(LESSONS[LESSONS.length - 2]!.id);
    expect(adjacentLesson('no-such-lesson', 1)?.id).toBe(LESSONS[0]!.id);
  });
});
