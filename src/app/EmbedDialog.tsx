import { useMemo, useState } from 'react';
import { useApp } from '../store/hooks';
import { encodeUrl, PANEL_IDS, type PanelId } from '../store/url';

const PANEL_NAMES: Record<PanelId, string> = {
  grad: 'Gradient through time',
  spectrum: 'Spectrum',
  belt: 'Conveyor belt',
  loss: 'Loss',
  hidden: 'Hidden state',
  sweep: 'Sequence-length sweep',
  explain: 'Explain',
  backward: 'Backward pass',
  scan: 'Parallel scan',
  controls: 'Controls',
};

/** Page URL without query or hash: the embed points at the same build, wherever it is served. */
function pageUrl(): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}`;
}

/** Builds the <iframe> snippet for the current setup, with a live preview. */
export function EmbedDialogBody() {
  const config = useApp((s) => s.config);
  const compare = useApp((s) => s.compare);
  const lesson = useApp((s) => s.lesson);
  const view = useApp((s) => s.view);
  const [panels, setPanels] = useState<PanelId[]>(['grad', 'controls']);
  const [controls, setControls] = useState('rho,forget,play,reset');
  const [width, setWidth] = useState(720);
  const [height, setHeight] = useState(560);
  const [copied, setCopied] = useState(false);

  const src = useMemo(() => {
    const q = encodeUrl(
      config,
      { ...view, embed: true, panels, controls: null, theme: view.theme, large: false },
      lesson,
      compare,
    );
    const extra = controls.trim() ? `&controls=${encodeURIComponent(controls.trim())}` : '';
    return `${pageUrl()}?${q}${extra}`;
  }, [config, compare, view, lesson, panels, controls]);
  const snippet = `<iframe src="${src.replace(/&/g, '&amp;')}" width="${width}" height="${height}" style="border:0;max-width:100%" title="BPTT Playground" loading="lazy"></iframe>`;

  return (
    <div className="embed-dialog">
      <fieldset>
        <legend>Panels</legend>
        {PANEL_IDS.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={panels.includes(p)}
              onChange={(e) =>
                setPanels((cur) => (e.target.checked ? [...cur, p] : cur.filter((x) => x !== p)))
              }
            />
            {PANEL_NAMES[p]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Controls kept (comma list, e.g. rho,forget,play)</span>
        <input value={controls} onChange={(e) => setControls(e.target.value)} />
      </label>
      <div className="field-pair">
        <label className="field">
          <span>Width</span>
          <input
            type="number"
            min={320}
            max={1600}
            value={width}
            onChange={(e) => setWidth(Number(e.target.value) || 720)}
          />
        </label>
        <label className="field">
          <span>Height</span>
          <input
            type="number"
            min={240}
            max={1600}
            value={height}
            onChange={(e) => setHeight(Number(e.target.value) || 560)}
          />
        </label>
      </div>
      <label className="field">
        <span>Snippet</span>
        <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        className="btn btn-primary"
        onClick={() => {
          void navigator.clipboard?.writeText(snippet).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy snippet'}
      </button>
      <p className="hint">Preview (live):</p>
      <iframe
        className="embed-preview"
        src={src}
        width={width}
        height={height}
        title="Embed preview"
      />
    </div>
  );
}
