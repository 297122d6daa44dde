import { useEffect } from 'react';
import { ControlsPanel } from '../panels/ControlsPanel';
import { TransportButtons } from '../panels/controls/Transport';
import { useApp, useBridge } from '../store/hooks';
import { Panel, FULL_ORDER } from '../app/Panels';
import { Notices } from '../app/Notices';
import { useThemeAttributes } from '../app/useThemeAttributes';
import { startInboundListener, startResizeReporter } from './messages';

const TRANSPORT = ['play', 'step', 'reset', 'speed'] as const;

/** Chrome-free view for iframes: the requested panels and controls, a small transport, no margins. */
export function EmbedApp() {
  const view = useApp((s) => s.view);
  const bridge = useBridge();
  useThemeAttributes(view);

  useEffect(() => {
    const stopIn = startInboundListener(
      window,
      (msg) => {
        if (msg.type === 'bptt-playground:play') bridge.play();
        else if (msg.type === 'bptt-playground:pause') bridge.pause();
        else if (msg.type === 'bptt-playground:reset') bridge.reset();
        else bridge.setConfig(msg.config);
      },
      window.parent !== window ? window.parent : undefined,
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
    return () => {
      stopIn();
      stopOut();
    };
  }, [bridge]);

  const panels = view.panels ?? [...FULL_ORDER, 'controls'];
  const controls = view.controls;
  const transport = controls === null ? [...TRANSPORT] : TRANSPORT.filter((c) => controls.includes(c));
  const settings = controls === null ? null : controls.filter((c) => !(TRANSPORT as readonly string[]).includes(c));

  return (
    <div className="embed">
      <div className="embed-bar">
        <strong className="embed-name">BPTT Playground</strong>
        {transport.length > 0 && <TransportButtons only={transport} />}
      </div>
      <Notices compact />
      {panels.includes('controls') && (settings === null || settings.length > 0) && (
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
