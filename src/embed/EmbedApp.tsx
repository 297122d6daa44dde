import { useEffect } from 'react';
import { ControlsPanel } from '../panels/ControlsPanel';
import { TransportButtons } from '../panels/controls/Transport';
import { useApp, useAppStore, useBridge } from '../store/hooks';
import { CompareBarIfComparing, Panel, panelOrder } from '../shell/Panels';
import { Notices } from '../shell/Notices';
import { useThemeAttributes } from '../shell/useThemeAttributes';
import { fitPatchToCell, startInboundListener, startResizeReporter } from './messages';
import { hostState, startStateReporter } from './hostState';
import { shownControls, shownPanels } from '../store/url';

const TRANSPORT = ['play', 'step', 'reset', 'speed'] as const;

/** Chrome-free view for iframes: the requested panels and controls, a small transport, no margins. */
export function EmbedApp() {
  const view = useApp((s) => s.view);
  const lesson = useApp((s) => s.lesson);
  const bridge = useBridge();
  const store = useAppStore();
  useThemeAttributes(view);

  useEffect(() => {
    // The host page's author reads the console; the reader of the page did not send the message.
    const warn = (text: string) => console.warn(`BPTT Playground embed: ${text}`);
    const stopIn = startInboundListener(
      window,
      (msg) => {
        if (msg.type === 'bptt-playground:play') bridge.play();
        else if (msg.type === 'bptt-playground:pause') bridge.pause();
        else if (msg.type === 'bptt-playground:reset') bridge.reset();
        else {
          const fit = fitPatchToCell(store.getState().config, msg.config);
          if (!fit.ok) return warn(`${msg.type} ignored: ${fit.why}`);
          for (const p of msg.problems) warn(`${msg.type}: ${p}`);
          bridge.setConfig(fit.patch);
        }
      },
      window.parent !== window ? window.parent : undefined,
      (type, why) => warn(`${type} ignored: ${why}`),
    );
    if (window.parent === window) return stopIn;
    const stopOut = startResizeReporter(
      window.parent,
      () => document.documentElement.scrollHeight,
      (cb) => {
        const ro = new ResizeObserver(cb);
        ro.observe(document.body);
        return () => ro.disconnect();
      },
    );
    // The run's numbers for hosts that mirror them (widget.js).
    const stopState = startStateReporter(
      window.parent,
      () => hostState(store.getState()),
      store.subscribe,
    );
    return () => {
      stopIn();
      stopOut();
      stopState();
    };
  }, [bridge, store]);

  // The link's choice, else the lesson's suggestion, else everything.
  const panels = shownPanels(view, lesson) ?? [...panelOrder(view.view), 'controls'];
  const controls = shownControls(view, lesson);
  const transport =
    controls === null ? [...TRANSPORT] : TRANSPORT.filter((c) => controls.includes(c));
  const settings =
    controls === null
      ? null
      : controls.filter((c) => !(TRANSPORT as readonly string[]).includes(c));

  return (
    <div className="embed">
      <div className="embed-bar">
        <strong className="embed-name">BPTT Playground</strong>
        {transport.length > 0 && <TransportButtons only={transport} />}
      </div>
      <Notices compact />
      <CompareBarIfComparing compact />
      {/* Controls named in `controls=` show even when `panels=` leaves the controls panel out. */}
      {(settings === null ? panels.includes('controls') : settings.length > 0) && (
        <div className="embed-controls">
          <ControlsPanel only={settings} />
        </div>
      )}
      {panels
        .filter((p): p is Exclude<typeof p, 'controls'> => p !== 'controls')
        .map((id) => (
          <Panel key={id} id={id} />
        ))}
    </div>
  );
}
