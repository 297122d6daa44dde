import { useMemo, useState } from 'react';
import { useApp } from '../store/hooks';
import { PANEL_NAMES } from '../shell/Panels';
import { encodeUrl, PANEL_IDS, type PanelId } from '../store/url';

/** The panels' names; the spectrum's without "of W_hh" (the newer families have none). */
const NAMES: Record<PanelId, string> = {
  ...PANEL_NAMES,
  spectrum: 'Spectrum',
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
            {NAMES[p]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Controls kept (comma list, e.g. rho,forget,play)</span>
        <input value={controls} onChange={(e) => setControls(e.target.value)} />
      </label>
      <div className="field-pair">
        <SizeField label="Width" min={320} value={width} set={setWidth} fallback={720} />
        <SizeField label="Height" min={240} value={height} set={setHeight} fallback={560} />
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

/** A size in px for the snippet, up to 1600; an empty or zero entry falls back to `fallback`. */
function SizeField(p: {
  label: string;
  min: number;
  value: number;
  set: (v: number) => void;
  fallback: number;
}) {
  return (
    <label className="field">
      <span>{p.label}</span>
      <input
        type="number"
        min={p.min}
        max={1600}
        value={p.value}
        onChange={(e) => p.set(Number(e.target.value) || p.fallback)}
      />
    </label>
  );
}
