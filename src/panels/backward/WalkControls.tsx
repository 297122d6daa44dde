import { useEffect } from 'react';
import { useApp, useBridge, useCommandState } from '../../store/hooks';
import { ariaKeys, COMMANDS } from '../../store/commands';
import type { CommandId } from '../../store/commands';
import { WALK_PACES } from '../../store/walk';

const BUTTONS: readonly CommandId[] = ['walkStart', 'walkBack', 'walkPlay', 'walkForward'];

/**
 * Restart at T, Step back, Autoplay, Step forward (store/commands.ts, keys Home ← Space →), the
 * pace, the step slider and the sequence shown. Autoplay ticks here: one step back per 1/pace s.
 */
export function WalkControls({ T, B, seq }: { T: number; B: number; seq: number }) {
  const state = useCommandState();
  const bridge = useBridge();
  const pace = useApp((s) => s.walk.pace);
  const { walkPlaying: playing, walkStep: step } = state;
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(() => bridge.stepBack(), 1000 / pace);
    return () => clearTimeout(id);
  }, [playing, pace, step, bridge]);
  return (
    <div className="walk-controls" role="group" aria-label="Backward pass">
      {BUTTONS.map((id) => {
        const c = COMMANDS[id];
        return (
          <button
            key={id}
            type="button"
            className={id === 'walkBack' ? 'btn btn-primary' : 'btn'}
            aria-keyshortcuts={ariaKeys(c, state.mode)}
            disabled={!c.enabled(state)}
            onClick={() => c.run({ ...state, bridge })}
          >
            {c.label(state)}
          </button>
        );
      })}
      <label className="inline-select">
        <span>Pace</span>
        <select value={String(pace)} onChange={(e) => bridge.setWalkPace(Number(e.target.value))}>
          {WALK_PACES.map((p) => (
            <option key={p} value={String(p)}>
              {p} step{p === 1 ? '' : 's'}/s
            </option>
          ))}
        </select>
      </label>
      <label className="walk-step">
        <span>Step t</span>
        <input
          type="range"
          min={1}
          max={T}
          step={1}
          value={step}
          aria-valuetext={`step ${step} of ${T}`}
          onChange={(e) => bridge.walkTo(Number(e.target.value))}
        />
        <output className="num">
          t = {step} of {T}
        </output>
      </label>
      {B > 1 && (
        <label className="inline-select">
          <span>Sequence</span>
          <select value={String(seq)} onChange={(e) => bridge.setSeq(Number(e.target.value))}>
            {Array.from({ length: B }, (_, k) => (
              <option key={k} value={String(k)}>
                {k + 1} of {B}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
