import { useRef, useState } from 'react';
import { useBridge } from '../../store/hooks';
import { formatStateDict, MAX_WEIGHTS_BYTES, parseStateDict } from '../../store/weightsFile';
import { download } from '../exportPanel';

/** Reads a dropped or picked file and loads it if every name and shape fits the current model. */
export function useWeightsLoader() {
  const bridge = useBridge();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const load = async (file: File) => {
    if (file.size > MAX_WEIGHTS_BYTES) {
      setStatus({
        ok: false,
        text: `${file.name} is larger than ${MAX_WEIGHTS_BYTES / 1048576} MB; nothing was changed.`,
      });
      return;
    }
    const [text, current] = await Promise.all([file.text(), bridge.requestWeights()]);
    const parsed = parseStateDict(text, current.shapes);
    if (!parsed.ok) {
      setStatus({
        ok: false,
        text: `${file.name}: ${parsed.message} The current model is unchanged.`,
      });
      return;
    }
    bridge.loadWeights(parsed.weights);
    setStatus({ ok: true, text: `Loaded ${file.name}.` });
  };
  return { status, load };
}

/** "Download weights" and "Load weights…" (PyTorch state_dict JSON). */
export function WeightsControls() {
  const bridge = useBridge();
  const input = useRef<HTMLInputElement>(null);
  const { status, load } = useWeightsLoader();
  return (
    <div className="weights">
      <div className="button-row">
        <button
          type="button"
          className="btn"
          onClick={async () => {
            const w = await bridge.requestWeights();
            download(
              'bptt-playground-weights.json',
              formatStateDict(w.weights, w.shapes),
              'application/json',
            );
          }}
        >
          Download weights
        </button>
        <button type="button" className="btn" onClick={() => input.current?.click()}>
          Load weights…
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Load weights from a JSON file"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void load(f);
            e.target.value = '';
          }}
        />
      </div>
      <small className="hint">
        PyTorch state_dict as JSON; you can also drop a file on the page.
      </small>
      {status && (
        <p
          role="status"
          className={status.ok ? 'hint' : 'hint hint-warn'}
          data-weights-status={status.ok ? 'ok' : 'error'}
        >
          {status.text}
        </p>
      )}
    </div>
  );
}
