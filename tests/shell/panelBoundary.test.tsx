// @vitest-environment jsdom
/** A panel that throws shows its own error and a reset, and the other panels keep rendering. */
import { describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelBoundary } from '../../src/shell/ErrorBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Fragile() {
  if (broken) throw new Error('chart exploded');
  return <p>fragile panel fine</p>;
}
function Sturdy() {
  const [n] = useState(1);
  return <p>sturdy panel {n}</p>;
}

describe('PanelBoundary', () => {
  it('contains a failing panel, keeps its siblings, and resets on request', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const host = document.createElement('div');
    document.body.appendChild(host);
    const root = createRoot(host);
    await act(async () => {
      root.render(
        <>
          <PanelBoundary name="Spectrum">
            <Fragile />
          </PanelBoundary>
          <PanelBoundary name="Loss">
            <Sturdy />
          </PanelBoundary>
        </>,
      );
    });
    expect(host.textContent).toContain('This panel hit an error (chart exploded)');
    expect(host.textContent).toContain('sturdy panel 1');
    broken = false;
    const reset = [...host.querySelectorAll('button')].find(
      (b) => b.textContent === 'Reset this panel',
    );
    expect(reset).toBeDefined();
    await act(async () => reset!.click());
    expect(host.textContent).toContain('fragile panel fine');
    expect(host.textContent).not.toContain('hit an error');
    root.unmount();
    quiet.mockRestore();
  });
});
