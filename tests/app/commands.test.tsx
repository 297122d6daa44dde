// @vitest-environment jsdom
/** Buttons and keyboard shortcuts run the same commands, available in the same states. */
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createAppStore } from '../../src/store/store';
import type { Status } from '../../src/store/store';
import { createBridge, type ClientLike } from '../../src/store/bridge';
import { StoreContext } from '../../src/store/hooks';
import { TransportButtons } from '../../src/panels/controls/Transport';
import { HelpBody } from '../../src/app/Help';
import { useShortcuts } from '../../src/app/useShortcuts';
import type { ToWorker } from '../../src/worker/protocol';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function setup(status: Status) {
  const sent: string[] = [];
  let helps = 0;
  const client: ClientLike = {
    mode: 'inline',
    send: (m: ToWorker) => sent.push(m.type === 'step' ? `step ${m.n}` : m.type),
    subscribe: () => () => {},
    terminate: () => {},
  };
  const store = createAppStore({ status });
  const bridge = createBridge(store, client, (cb) => cb());
  function Page() {
    useShortcuts(store, bridge, () => helps++);
    return <TransportButtons />;
  }
  const el = document.createElement('div');
  document.body.append(el);
  const root = createRoot(el);
  act(() =>
    root.render(
      <StoreContext.Provider value={{ store, bridge }}>
        <Page />
      </StoreContext.Provider>,
    ),
  );
  return {
    el,
    root,
    sent,
    helps: () => helps,
    reset: () => {
      sent.length = 0;
      act(() => store.setState({ status }));
    },
    button: (name: string) =>
      [...el.querySelectorAll('button')].find((b) => b.textContent === name) ?? null,
    key: (key: string) =>
      act(() => {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }),
  };
}

let roots: Root[] = [];
afterEach(() => {
  roots.forEach((r) => act(() => r.unmount()));
  roots = [];
  document.body.innerHTML = '';
});

describe('transport commands', () => {
  const cases: [Status, string, string][] = [
    // status, Play/Pause label, what Space and that button send
    ['paused', 'Play', 'play'],
    ['running', 'Pause', 'pause'],
  ];
  for (const [status, label, sends] of cases)
    it(`${status}: Space and the ${label} button send ${sends}; → and Step agree`, () => {
      const p = setup(status);
      roots.push(p.root);
      p.key(' ');
      expect(p.sent).toEqual([sends]);
      p.reset();
      p.button(label)!.click();
      expect(p.sent).toEqual([sends]);
      p.reset();
      p.key('ArrowRight');
      const viaKey = [...p.sent];
      p.reset();
      const step = p.button('Step')!;
      if (!step.disabled) step.click();
      expect(p.sent).toEqual(viaKey);
      expect(viaKey).toEqual(status === 'paused' ? ['step 1'] : []);
      expect(step.getAttribute('aria-keyshortcuts')).toBe('ArrowRight');
      expect(p.button(label)!.getAttribute('aria-keyshortcuts')).toBe('Space');
    });

  for (const status of ['starting', 'diverged'] as const)
    it(`${status}: Play is disabled and Space does nothing`, () => {
      const p = setup(status);
      roots.push(p.root);
      expect(p.button('Play')!.disabled).toBe(true);
      p.key(' ');
      p.key('ArrowRight');
      expect(p.sent).toEqual([]);
      p.button('Reset')!.click();
      expect(p.sent).toEqual(['reset']);
    });

  it('? opens the help, which lists every key from the same table', () => {
    const p = setup('paused');
    roots.push(p.root);
    p.key('?');
    expect(p.helps()).toBe(1);
    const el = document.createElement('div');
    const root = createRoot(el);
    roots.push(root);
    act(() => root.render(<HelpBody />));
    const keys = [...el.querySelectorAll('kbd')].map((k) => k.textContent);
    expect(keys).toEqual([
      'Space',
      '→',
      'B',
      '←',
      '→',
      'Space',
      'Home',
      'S',
      '←',
      '→',
      'Space',
      'Home',
      '[',
      ']',
      '?',
      'Tab',
    ]);
  });

  it('a focused button keeps Space and a focused slider keeps the arrows', () => {
    const p = setup('paused');
    roots.push(p.root);
    const reset = p.button('Reset')!;
    reset.focus();
    act(() => {
      reset.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    });
    const range = document.createElement('input');
    range.type = 'range';
    document.body.append(range);
    act(() => {
      range.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(p.sent).toEqual([]);
  });
});
