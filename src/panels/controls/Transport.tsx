import { memo } from 'react';
import { useApp, useBridge } from '../../store/hooks';
import { COMMANDS } from '../../store/commands';
import type { Speed } from '../../worker/protocol';
import type { ControlId } from '../../store/urlFields';

const SPEEDS: readonly { value: string; label: string }[] = [
  { value: '2', label: '2 steps/s' },
  { value: '10', label: '10 steps/s' },
  { value: '50', label: '50 steps/s' },
  { value: 'max', label: 'max' },
];

const BUTTONS = ['play', 'step', 'reset'] as const;

/** Play/Pause, Step, Reset (store/commands.ts) and speed. `only` limits which show (embeds). */
export const TransportButtons = memo(function TransportButtons({
  only,
}: {
  only?: readonly ControlId[] | null;
}) {
  const status = useApp((s) => s.status);
  const speed = useApp((s) => s.speed);
  const bridge = useBridge();
  const show = (id: ControlId) => !only || only.includes(id);
  return (
    <div className="transport" role="group" aria-label="Training">
      {BUTTONS.filter(show).map((id) => {
        const c = COMMANDS[id];
        return (
          <button
            key={id}
            className={id === 'play' ? 'btn btn-primary' : 'btn'}
            aria-keyshortcuts={c.key?.aria}
            disabled={!c.enabled(status)}
            onClick={() => c.run({ bridge, status })}
          >
            {c.label(status)}
          </button>
        );
      })}
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
