import { useBridge } from '../store/hooks';
import type { DivergedMessage } from '../worker/protocol';
import { divergedText } from './divergedText';

/** A diverged run: at which iteration, why, and a Reset beside the suggested fix. */
export function DivergedNotice({
  diverged,
  lr,
  runName,
}: {
  diverged: DivergedMessage;
  lr: number;
  runName: string;
}) {
  const bridge = useBridge();
  const d = divergedText(diverged, lr);
  return (
    <div className="notice notice-danger" data-notice="diverged">
      <p>
        <strong>
          {runName}
          {runName ? 'diverged' : 'Diverged'} at iteration {diverged.iteration}
        </strong>
        : {d.text} The panels keep the last finite data.
      </p>
      <div className="notice-actions">
        <button className="btn" onClick={() => bridge.reset()}>
          Reset
        </button>
        <button
          className="btn btn-primary"
          onClick={() => {
            bridge.setConfig(d.fix.patch);
            bridge.reset();
          }}
        >
          {d.fix.label}
        </button>
      </div>
    </div>
  );
}
