import { useRef, useState } from 'react';
import { useAppStore, useBridge } from '../../store/hooks';
import { pickedConfig } from '../../store/runs';
import type { WeightsPlan } from './weightsPlan';
import { download } from '../download';

export interface WeightsStatus {
  /** 'ok' loaded, 'ask' waiting for the user's pick, 'error' nothing changed. */
  readonly state: 'ok' | 'ask' | 'error';
  readonly text: string;
  /** The cells to pick from, when the file fits several alike. */
  readonly choices?: readonly { label: string; pick(): void }[];
}

/** The file reader and matcher load with the first file (they are no part of the first view). */
const fileCode = () => Promise.all([import('../../store/weightsFile'), import('./weightsPlan')]);

/**
 * Reads a dropped or picked file and loads it: into the current model (the picked run's, in a
 * comparison) if it fits, else after switching to the cell, size and task the file's names and
 * shapes say (weightsPlan.ts).
 */
export function useWeightsLoader() {
  const bridge = useBridge();
  // Read when a file arrives, not subscribed: the page's root uses this hook too.
  const store = useAppStore();
  const [status, setStatus] = useState<WeightsStatus | null>(null);
  const carry = (name: string, plan: WeightsPlan): void => {
    if (plan.kind === 'refuse') {
      setStatus({ state: 'error', text: `${name}: ${plan.text} The current model is unchanged.` });
    } else if (plan.kind === 'load') {
      bridge.loadWeights(plan.weights);
      setStatus({ state: 'ok', text: `Loaded ${name}.` });
    } else if (plan.kind === 'switch') {
      // The worker takes messages in order: the rebuild comes first, then the weights.
      bridge.setConfig(plan.patch);
      bridge.loadWeights(plan.weights);
      setStatus({ state: 'ok', text: `${name}: ${plan.text}` });
    } else {
      setStatus({
        state: 'ask',
        text: `${name}: ${plan.text}`,
        choices: plan.options.map((o) => ({ label: o.label, pick: () => carry(name, o.plan) })),
      });
    }
  };
  const load = async (file: File) => {
    const [{ MAX_WEIGHTS_BYTES, readStateDict }, { planWeights }] = await fileCode();
    if (file.size > MAX_WEIGHTS_BYTES) {
      setStatus({
        state: 'error',
        text: `${file.name} is larger than ${MAX_WEIGHTS_BYTES / 1048576} MB; nothing was changed.`,
      });
      return;
    }
    const [text, current] = await Promise.all([file.text(), bridge.requestWeights()]);
    const read = readStateDict(text);
    if (!read.ok) {
      setStatus({
        state: 'error',
        text: `${file.name}: ${read.message} The current model is unchanged.`,
      });
      return;
    }
    carry(file.name, planWeights(read.tensors, pickedConfig(store.getState()), current.shapes));
  };
  return { status, load };
}

/** What became of the latest weights file, with the cells to pick from when it fits several. */
export function WeightsStatusView({
  status,
  className,
}: {
  status: WeightsStatus;
  className: (state: WeightsStatus['state']) => string;
}) {
  return (
    <div role="status" className={className(status.state)} data-weights-status={status.state}>
      <p>{status.text}</p>
      {status.choices && (
        <div className="button-row">
          {status.choices.map((c) => (
            <button key={c.label} type="button" className="btn" onClick={c.pick}>
              {c.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
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
            const [w, [{ formatStateDict }]] = await Promise.all([
              bridge.requestWeights(),
              fileCode(),
            ]);
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
        <WeightsStatusView
          status={status}
          className={(s) => (s === 'ok' ? 'hint' : 'hint hint-warn')}
        />
      )}
    </div>
  );
}
