import { useState } from 'react';
import { useApp, useBridge } from '../store/hooks';
import { COMMANDS } from '../store/commands';
import { LESSONS } from '../store/lessons';
import { openLesson } from '../store/lessonNav';
import { TransportButtons } from '../panels/controls/Transport';
import { formatSci } from '../charts/format';
import { RUN_LETTERS } from '../worker/runsProtocol';
import { CourseNav } from '../shell/predict/CourseNav';

/** Name, lesson picker, transport, readouts, share/embed, theme and large type. */
export function Header(props: {
  onShare: () => void;
  onEmbed: () => void;
  onHelp: () => void;
  /** Narrow screens: open the settings drawer. */
  onSettings: () => void;
  settingsOpen: boolean;
}) {
  const { onShare, onEmbed, onHelp } = props;
  const [menuOpen, setMenuOpen] = useState(false);
  const lesson = useApp((s) => s.lesson);
  const iteration = useApp((s) => s.latest?.iteration ?? 0);
  const loss = useApp((s) => s.latest?.loss ?? NaN);
  const sps = useApp((s) => s.latest?.stepsPerSecond ?? 0);
  const mode = useApp((s) => s.mode);
  const kernels = useApp((s) => s.kernels);
  const busy = useApp((s) => s.awaitingAck);
  const theme = useApp((s) => s.view.theme);
  const large = useApp((s) => s.view.large);
  const presenter = useApp((s) => s.view.presenter);
  const comparing = useApp((s) => s.compare.length > 0);
  const picked = useApp((s) => s.view.run);
  const bridge = useBridge();

  return (
    <header className="app-header">
      <h1>BPTT Playground</h1>
      <label className="inline-select lesson-picker">
        <span>Lesson</span>
        <select
          value={lesson ?? ''}
          onChange={(e) => {
            const l = LESSONS.find((x) => x.id === e.target.value);
            if (l) openLesson(bridge, l);
            else bridge.leaveLesson();
          }}
        >
          <option value="">— choose a lesson —</option>
          {LESSONS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      <CourseNav />
      <TransportButtons />
      <dl className="header-readouts" aria-label="Training status" aria-busy={busy}>
        <div>
          <dt>iteration</dt>
          <dd className="num" data-readout="header-iteration">
            {iteration}
          </dd>
        </div>
        <div>
          <dt>{comparing ? `loss, run ${RUN_LETTERS[picked] ?? ''}` : 'loss'}</dt>
          <dd className="num">{Number.isFinite(loss) ? formatSci(loss) : '—'}</dd>
        </div>
        <div>
          <dt>steps/s</dt>
          <dd
            className="num"
            data-kernels={kernels ?? undefined}
            title={
              (mode === 'inline'
                ? 'training on the page thread (no worker)'
                : 'training in a Web Worker') +
              (kernels === null
                ? ''
                : kernels === 'simd'
                  ? ', WebAssembly SIMD kernels'
                  : ', TypeScript kernels')
            }
          >
            {sps > 0 ? Math.round(sps) : '—'}
            {mode === 'inline' ? ' (page thread)' : ''}
          </dd>
        </div>
      </dl>
      <div className="narrow-only header-toggles">
        <button
          className="btn"
          aria-expanded={props.settingsOpen}
          aria-controls="settings"
          onClick={props.onSettings}
        >
          Settings
        </button>
        <button
          className="btn"
          aria-expanded={menuOpen}
          aria-controls="header-actions"
          onClick={() => setMenuOpen((o) => !o)}
        >
          More
        </button>
      </div>
      <div className={menuOpen ? 'header-actions open' : 'header-actions'} id="header-actions">
        {!comparing && (
          <button
            className="btn"
            onClick={() => bridge.addRun()}
            title="Train a second run beside this one, on the same batches"
          >
            Compare
          </button>
        )}
        <button className="btn" onClick={onShare}>
          Copy link
        </button>
        <button className="btn" onClick={onEmbed}>
          Embed
        </button>
        <button
          className="btn"
          aria-pressed={theme === 'dark'}
          onClick={() => bridge.setView({ theme: theme === 'dark' ? 'light' : 'dark' })}
          title="Switch between light and dark themes"
        >
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        <button
          className="btn"
          aria-pressed={large}
          onClick={() => bridge.setView({ large: !large })}
          title="Large type for projectors"
        >
          Large type
        </button>
        <button
          className="btn"
          aria-pressed={presenter}
          onClick={() => bridge.setView({ presenter: !presenter })}
          title="Presenter mode: hide the settings column; [ and ] move between lessons"
        >
          Presenter
        </button>
        <button
          className="btn"
          onClick={onHelp}
          aria-keyshortcuts={COMMANDS.help.key?.aria}
          title="Keyboard shortcuts"
        >
          {COMMANDS.help.key?.shown}
        </button>
      </div>
    </header>
  );
}
