// @vitest-environment jsdom
/**
 * reveal.js's 'slide:start' / 'slide:stop' driving a real bridge on a real (inline) training
 * session: the run trains only while the slide is shown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { slideAction, startSlideListener } from '../../src/embed/slides';
import { createAppStore } from '../../src/store/store';
import { createBridge } from '../../src/store/bridge';
import type { ClientLike } from '../../src/store/bridge';
import { createSession } from '../../src/worker/trainer/session';
import type { FromWorker } from '../../src/worker/protocol';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import { decodeUrl } from '../../src/store/url';

/** A bridge over a session whose loop turns and replies the test runs by hand. */
function rig(waitForSlide: boolean, deck: Window) {
  const turns: (() => void)[] = [];
  let listener: ((m: FromWorker) => void) | null = null;
  let clock = 0;
  const session = createSession({
    post: (m) => listener?.(m),
    now: () => clock++,
    yieldTo: (cb) => turns.push(cb),
  });
  const client: ClientLike = {
    mode: 'inline',
    send: (m) => session.handle(m),
    subscribe: (cb) => ((listener = cb), () => (listener = null)),
    terminate: () => session.dispose(),
  };
  const store = createAppStore({ config: { ...DEFAULT_CONFIG, T: 10, H: 4, batch: 2 } });
  const bridge = createBridge(store, client, (cb) => cb());
  bridge.start(false);
  const stop = startSlideListener(
    window,
    { play: bridge.play, pause: bridge.pause, status: () => store.getState().status },
    waitForSlide,
    deck,
  );
  const post = (data: unknown, source: Window = deck) =>
    window.dispatchEvent(new MessageEvent('message', { data, source }));
  const run = (n = 20) => {
    for (let k = 0; k < n && turns.length > 0; k++) turns.shift()!();
    bridge.flush();
  };
  const iteration = () => store.getState().latest?.iteration ?? 0;
  return { store, bridge, post, run, iteration, dispose: () => (stop(), bridge.dispose()) };
}

let open: ReturnType<typeof rig>[] = [];
const make = (wait: boolean, deck: Window = window) => {
  const r = rig(wait, deck);
  open.push(r);
  return r;
};
afterEach(() => {
  open.forEach((r) => r.dispose());
  open = [];
});

describe('autoplay=slide', () => {
  it('the link reads and writes it beside autoplay=1', () => {
    expect(decodeUrl('?embed=1&autoplay=slide').view.autoplay).toBe('slide');
    expect(decodeUrl('?embed=1&autoplay=1').view.autoplay).toBe(true);
    expect(decodeUrl('?autoplay=sometimes').problems.join(' ')).toMatch(
      /autoplay=sometimes is not 1, 0 or slide/,
    );
  });

  it('waits for slide:start, pauses on slide:stop, resumes on the next start', () => {
    const r = make(true);
    r.run();
    expect(r.store.getState().status).toBe('paused');
    expect(r.iteration()).toBe(0);

    r.post('slide:start');
    expect(r.store.getState().status).toBe('running');
    r.run();
    const shown = r.iteration();
    expect(shown).toBeGreaterThan(0);

    r.post('slide:stop');
    r.run();
    const left = r.iteration();
    expect(r.store.getState().status).toBe('paused');
    r.run(50);
    expect(r.iteration()).toBe(left);

    r.post('slide:start');
    r.run();
    expect(r.iteration()).toBeGreaterThan(left);
  });

  it('listens to the deck only, and to nothing but the two strings', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const stranger = frame.contentWindow!;
    const r = make(true);
    r.run();
    r.post('slide:start', stranger);
    r.post({ type: 'slide:start' });
    r.post('slide:start ');
    r.run();
    expect(r.iteration()).toBe(0);
    expect(r.store.getState().status).toBe('paused');
    frame.remove();
  });
});

describe("a deck opened on the embed's slide (its slide:start came before the iframe loaded)", () => {
  it("with autoplay=slide, asks the deck once, through reveal.js's postMessage API, to announce again", () => {
    const asked: string[] = [];
    const idle = { play() {}, pause() {}, status: () => 'paused' as const };
    startSlideListener(window, idle, true, window, (m) => asked.push(m))();
    expect(asked).toEqual(['{"method":"startEmbeddedContent"}']);
    startSlideListener(window, idle, false, window, (m) => asked.push(m))();
    expect(asked).toHaveLength(1);
  });
});

describe('without autoplay=slide', () => {
  it('slide:start does not play, slide:stop still pauses a running embed', () => {
    const r = make(false);
    r.run();
    r.post('slide:start');
    r.run();
    expect(r.iteration()).toBe(0);
    r.bridge.play();
    r.run();
    expect(r.iteration()).toBeGreaterThan(0);
    r.post('slide:stop');
    r.run();
    const stopped = r.iteration();
    r.run(50);
    expect(r.iteration()).toBe(stopped);
    expect(r.store.getState().status).toBe('paused');
  });
});

describe('slideAction', () => {
  it('a diverged run waits for Reset; a paused one ignores slide:stop', () => {
    expect(slideAction('slide:start', true, 'diverged')).toBeNull();
    expect(slideAction('slide:start', true, 'starting')).toBe('play');
    expect(slideAction('slide:stop', true, 'paused')).toBeNull();
    expect(slideAction('slide:stop', false, 'starting')).toBe('pause');
    expect(slideAction('slide:start', false, 'paused')).toBeNull();
  });
});
