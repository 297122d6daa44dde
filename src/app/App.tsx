import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ControlsPanel } from '../panels/ControlsPanel';
import { useApp, useAppStore, useBridge } from '../store/hooks';
import { Header } from './Header';
import { Notices } from '../shell/Notices';
import { CompareBarIfComparing } from '../shell/Panels';
import { PagePanels } from '../shell/FocusLayout';
import { Dialog } from './Dialog';
import { HelpBody } from './Help';
import { useShortcuts } from './useShortcuts';
import { useThemeAttributes } from '../shell/useThemeAttributes';
import { useWeightsLoader, WeightsStatusView } from '../panels/controls/WeightsControls';

// The embed dialog's code (link and iframe builders) loads when the dialog is first opened.
const EmbedDialogBody = lazy(() =>
  import('./EmbedDialog').then((m) => ({ default: m.EmbedDialogBody })),
);

/** The full playground: header, controls column, the hero gradient panel and the rest below. */
export function App() {
  const store = useAppStore();
  const bridge = useBridge();
  const view = useApp((s) => s.view);
  const [dialog, setDialog] = useState<'embed' | 'help' | null>(null);
  const [shared, setShared] = useState<string | null>(null);
  const openHelp = useCallback(() => setDialog('help'), []);
  const [dropping, setDropping] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const weights = useWeightsLoader();
  useShortcuts(store, bridge, openHelp);
  useThemeAttributes(view);
  useEffect(() => {
    if (!shared) return;
    const t = setTimeout(() => setShared(null), 2500);
    return () => clearTimeout(t);
  }, [shared]);

  const share = () => {
    const link = window.location.href;
    if (!navigator.clipboard) {
      setShared(`Copy this link: ${link}`);
      return;
    }
    navigator.clipboard.writeText(link).then(
      () => setShared('Link copied'),
      () => setShared(`Copy this link: ${link}`),
    );
  };

  return (
    <div
      className={`app${dropping ? ' dropping' : ''}${view.presenter ? ' presenter' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDropping(false);
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        setDropping(false);
        if (!f) return;
        e.preventDefault();
        void weights.load(f);
      }}
    >
      <Header
        onShare={share}
        onEmbed={() => setDialog('embed')}
        onHelp={openHelp}
        onSettings={() => setSettingsOpen((o) => !o)}
        settingsOpen={settingsOpen}
      />
      <aside
        className={settingsOpen ? 'app-controls open' : 'app-controls'}
        id="settings"
        aria-label="Settings"
      >
        <button className="btn narrow-only drawer-close" onClick={() => setSettingsOpen(false)}>
          Close settings
        </button>
        <ControlsPanel />
      </aside>
      <main className="app-main">
        <div className="panel-wide">
          <Notices lesson={false} />
          {weights.status && (
            <WeightsStatusView
              status={weights.status}
              className={(s) => (s === 'ok' ? 'notice notice-info' : 'notice notice-warn')}
            />
          )}
          {shared && (
            <p className="notice notice-info" role="status">
              {shared}
            </p>
          )}
        </div>
        <CompareBarIfComparing />
        <PagePanels mode={view.view} />
      </main>
      <Dialog
        title="Embed in course notes"
        open={dialog === 'embed'}
        onClose={() => setDialog(null)}
      >
        <Suspense fallback={<p>Loading…</p>}>
          <EmbedDialogBody />
        </Suspense>
      </Dialog>
      <Dialog title="Keyboard shortcuts" open={dialog === 'help'} onClose={() => setDialog(null)}>
        <HelpBody />
      </Dialog>
    </div>
  );
}
