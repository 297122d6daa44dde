// @vitest-environment jsdom
/** Panels under DeferReads draw a new store state in a second render; the others in the first. */
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from '../../src/store/store';
import { DeferReads, StoreContext, useApp } from '../../src/store/hooks';
import type { Bridge } from '../../src/store/bridge';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Reader({ log }: { log: number[] }) {
  const lr = useApp((s) => s.config.lr);
  log.push(lr);
  return <p>{lr}</p>;
}

describe('DeferReads', () => {
  it('a deferred reader first renders the old value, then the new; a plain one the new at once', async () => {
    const store = createAppStore();
    const plain: number[] = [];
    const deferred: number[] = [];
    const root = createRoot(document.createElement('div'));
    await act(async () => {
      root.render(
        <StoreContext.Provider value={{ store, bridge: {} as Bridge }}>
          <Reader log={plain} />
          <DeferReads.Provider value={true}>
            <Reader log={deferred} />
          </DeferReads.Provider>
        </StoreContext.Provider>,
      );
    });
    const old = store.getState().config.lr;
    plain.length = 0;
    deferred.length = 0;
    await act(async () => {
      store.setState({ config: { ...store.getState().config, lr: 0.5 } });
    });
    expect(plain).toEqual([0.5]);
    expect(deferred).toEqual([old, 0.5]);
    root.unmount();
  });
});
