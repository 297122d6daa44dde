import { lazy, Suspense, useCallback, useState } from 'react';
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
// So does the share dialog's, with its QR code generator.
const ShareDialogBody = lazy(() =>
  import('./ShareDialog').then((m) => ({ default: m.ShareDialogBody })),
);

/** The full playground: header, controls column, the hero gradient panel and the rest below. */
export function App() {
  const store = useAppStore();
  const bridge = useBridge();
  const view = useApp((s) => s.view);
  const [dialog, setDialog] = useState<'embed' | 'help' | 'share' | null>(null);
  const [shared, setShared] = useState<{ link: string; copied: boolean | null } | null>(null);
  const openHelp = useCallback(() => setDialog('help'), []);
  const [dropping, setDropping] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const weights = useWeightsLoader();
  useShortcuts(store, bridge, openHelp);
  useThemeAttributes(view);

  // Copied during the click (the clipboard needs the user's gesture), then shown with its QR code.
  const share = () => {
    const link = new URL(window.location.href).href;
    setShared({ link, copied: null });
    setDialog('share');
    if (!navigator.clipboard) return setShared({ link, copied: false });
    navigator.clipboard.writeText(link).then(
      () => setShared({ link, copied: true }),
      () => setShared({ link, copied: false }),
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
      <Dialog title="Share this setup" open={dialog === 'share'} onClose={() => setDialog(null)}>
        <Suspense fallback={<p>Loading…</p>}>
          {shared && <ShareDialogBody link={shared.link} copied={shared.copied} />}
        </Suspense>
      </Dialog>
      <Dialog title="Keyboard shortcuts" open={dialog === 'help'} onClose={() => setDialog(null)}>
        <HelpBody />
      </Dialog>
    </div>
  );
}
