import { memo } from 'react';
import { useApp, useBridge, useCommandState } from '../../store/hooks';
import { ariaKeys, COMMANDS } from '../../store/commands';
import type { Speed } from '../../worker/protocol';
import type { ControlId } from '../../store/urlFields';

const SPEEDS: readonly { value: string; label: string }[] = [
  { value: '2', label: '2 steps/s' },
  { value: '10', label: '10 steps/s' },
  { value: '50', label: '50 steps/s' },
  { value: 'max', label: 'max' },
];

const BUTTONS = ['play', 'step', 'reset'] as const;

/**
 * Play/Pause, Step, Reset (store/commands.ts), the backward-pass toggle and speed. `only` limits
 * which show (embeds); the toggle shows with Step.
 */
export const TransportButtons = memo(function TransportButtons({
  only,
}: {
  only?: readonly ControlId[] | null;
}) {
  const state = useCommandState();
  const speed = useApp((s) => s.speed);
  const bridge = useBridge();
  const show = (id: ControlId) => !only || only.includes(id);
  const back = COMMANDS.backward;
  const scan = COMMANDS.scan;
  return (
    <div className="transport" role="group" aria-label="Training">
      {BUTTONS.filter(show).map((id) => {
        const c = COMMANDS[id];
        return (
          <button
            key={id}
            className={id === 'play' ? 'btn btn-primary' : 'btn'}
            aria-keyshortcuts={ariaKeys(c, state.mode)}
            disabled={!c.enabled(state)}
            title={
              id === 'play' && state.mode === 'backward' && state.status === 'paused'
                ? 'Leaves the backward pass and trains'
                : undefined
            }
            onClick={() => c.run({ ...state, bridge })}
          >
            {c.label(state)}
          </button>
        );
      })}
      {show('step') && (
        <button
          className="btn btn-toggle"
          aria-pressed={state.mode === 'backward'}
          aria-keyshortcuts={ariaKeys(back, state.mode)}
          disabled={!back.enabled(state)}
          onClick={() => back.run({ ...state, bridge })}
          title="Step the gradient of the batch on screen back through time (B)"
        >
          {back.label(state)}
        </button>
      )}
      {show('step') && (
        <button
          className="btn btn-toggle"
          aria-pressed={state.mode === 'scan'}
          aria-keyshortcuts={ariaKeys(scan, state.mode)}
          disabled={!scan.enabled(state)}
          onClick={() => scan.run({ ...state, bridge })}
          title="Combine the steps of the batch on screen level by level, as a parallel scan does (S)"
        >
          {scan.label(state)}
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
