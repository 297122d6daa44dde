import { useEffect } from 'react';
import { useApp, useBridge, useCommandState } from '../../store/hooks';
import { ariaKeys, COMMANDS } from '../../store/commands';
import type { CommandId } from '../../store/commands';
import { SCAN_PACES } from '../../store/scan';
import type { ScanMessage } from '../../worker/protocol';
import { laneName } from './scanText';

const BUTTONS: readonly CommandId[] = ['scanStart', 'scanPrev', 'scanPlay', 'scanNext'];

/**
 * Back to the pairs, Previous level, Autoplay, Next level (store/commands.ts, keys Home ← Space →),
 * the pace, the level slider, which pass, which lane and sequence. Autoplay ticks here.
 */
export function ScanControls({ d, B, H }: { d: ScanMessage; B: number; H: number }) {
  const state = useCommandState();
  const bridge = useBridge();
  const pace = useApp((s) => s.scan.pace);
  const pass = useApp((s) => s.scan.pass);
  const { scanPlaying: playing, scanLevel: level } = state;
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(() => bridge.nextLevel(), 1000 / pace);
    return () => clearTimeout(id);
  }, [playing, pace, level, bridge]);
  return (
    <div className="walk-controls" role="group" aria-label="Parallel scan">
      {BUTTONS.map((id) => {
        const c = COMMANDS[id];
        return (
          <button
            key={id}
            type="button"
            className={id === 'scanNext' ? 'btn btn-primary' : 'btn'}
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
        <select value={String(pace)} onChange={(e) => bridge.setScanPace(Number(e.target.value))}>
          {SCAN_PACES.map((p) => (
            <option key={p} value={String(p)}>
              {p} level{p === 1 ? '' : 's'}/s
            </option>
          ))}
        </select>
      </label>
      <label className="walk-step">
        <span>Level</span>
        <input
          type="range"
          min={0}
          max={d.depth}
          step={1}
          value={level}
          aria-valuetext={`level ${level} of ${d.depth}`}
          onChange={(e) => bridge.scanTo(Number(e.target.value))}
        />
        <output className="num" data-testid="scan-level">
          ℓ = {level} of {d.depth}
        </output>
      </label>
      <label className="inline-select">
        <span>Pass</span>
        <select
          value={pass}
          onChange={(e) =>
            bridge.setScanPass(e.target.value === 'backward' ? 'backward' : 'forward')
          }
        >
          <option value="forward">forward: states</option>
          <option value="backward">backward: dL/dh (reverse scan)</option>
        </select>
      </label>
      <label className="inline-select">
        <span>Lane</span>
        <input
          type="number"
          className="scan-lane"
          min={1}
          max={d.U}
          value={d.lane + 1}
          aria-describedby="scan-lane-name"
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (Number.isFinite(v) && v >= 1 && v <= d.U) bridge.setScanLane(v - 1);
          }}
        />
        <span id="scan-lane-name" className="walk-note">
          {laneName(d.lane, d.U, H, d.complex)} of {d.U}
        </span>
      </label>
      {B > 1 && (
        <label className="inline-select">
          <span>Sequence</span>
          <select value={String(d.seq)} onChange={(e) => bridge.setSeq(Number(e.target.value))}>
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
