import { memo } from 'react';
import { useApp, useBridge } from '../../store/hooks';
import type { Speed } from '../../worker/protocol';
import type { ControlId } from '../../store/urlFields';

const SPEEDS: readonly { value: string; label: string }[] = [
  { value: '2', label: '2 steps/s' },
  { value: '10', label: '10 steps/s' },
  { value: '50', label: '50 steps/s' },
  { value: 'max', label: 'max' },
];

/** Play/Pause, Step, Reset and speed. `only` limits which show (embeds). */
export const TransportButtons = memo(function TransportButtons({
  only,
}: {
  only?: readonly ControlId[] | null;
}) {
  const status = useApp((s) => s.status);
  const speed = useApp((s) => s.speed);
  const bridge = useBridge();
  const show = (id: ControlId) => !only || only.includes(id);
  const running = status === 'running';
  return (
    <div className="transport" role="group" aria-label="Training">
      {show('play') && (
        <button
          className="btn btn-primary"
          aria-keyshortcuts="Space"
          disabled={status === 'diverged' || status === 'starting'}
          onClick={() => (running ? bridge.pause() : bridge.play())}
        >
          {running ? 'Pause' : 'Play'}
        </button>
      )}
      {show('step') && (
        <button
          className="btn"
          aria-keyshortcuts="ArrowRight"
          disabled={running || status === 'diverged'}
          onClick={() => bridge.step()}
        >
          Step
        </button>
      )}
      {show('reset') && (
        <button className="btn" onClick={() => bridge.reset()}>
          Reset
        </button>
      )}
      {show('speed') && (
        <label className="speed">
          <span>Speed</span>
          <select
            value={String(speed)}
            onChange={(e) =>
              bridge.setSpeed((e.target.value === 'max' ? 'max' : Number(e.target.value)) as Speed)
            }
          >
            {SPEEDS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
});
