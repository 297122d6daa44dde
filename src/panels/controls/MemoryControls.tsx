import { cellHas, cellInfo, cellPage } from '../../engine/cells/catalog';
import { formatNum } from '../../charts/format';
import { useApp } from '../../store/hooks';
import type { ControlId } from '../../store/urlFields';
import { LIMITS } from '../../worker/config';
import type { TrainConfig } from '../../worker/config';
import { IntField, SliderField, ToggleField } from './fields';

/** Smallest gap kept between r_min and r_max on the sliders (the ring needs r_min < r_max). */
const GAP = 0.001;

/**
 * The Memory group: the spectral radius and forget gate of the classic cells, the LRU's ring and
 * S6's state size; each cell shows only what it has (CellInfo.controls), and a family says where
 * its memory lives instead.
 */
export function MemoryControls({
  show,
  set,
  rhoNow,
}: {
  show: (id: ControlId) => boolean;
  set: (patch: Partial<TrainConfig>) => void;
  /** Largest ρ over the gate blocks as set and now (null before the first snapshot). */
  rhoNow: { set: number; now: number; blocks: boolean } | null;
}) {
  const config = useApp((s) => s.config);
  const has = (c: Parameters<typeof cellHas>[1]) => cellHas(config.cell, c);
  const where = cellPage(config.cell).memory;
  const showRho = show('rho') && has('rho');
  const showForget = show('forget') && has('forgetBias');
  const showHold = show('hold') && has('holdForget');
  const showRing = show('ring') && has('ring');
  const showN = show('N') && has('stateSize');
  const family = cellInfo(config.cell).family !== 'classic';
  // An embed that chose only classic controls shows nothing here for a family, not a lone hint.
  const anyAsked = show('rho') || show('forget') || show('ring') || show('N');
  if (!(showRho || showForget || showHold || showRing || showN || (family && anyAsked)))
    return null;
  const rhoValue = config.rho ?? rhoNow?.set ?? 1;
  return (
    <fieldset className="memory">
      <legend>Memory</legend>
      {where && (
        <p className="hint" data-hint="memory">
          {where}
        </p>
      )}
      {showRho && (
        <SliderField
          big
          label="Spectral radius"
          value={rhoValue}
          {...LIMITS.rho}
          step={0.01}
          format={(v) => `ρ = ${v.toFixed(2)}${config.rho === null ? ' (init’s own)' : ''}`}
          onChange={(rho) => set({ rho })}
        >
          {/* Training moves W_hh: say where ρ is now beside where it was set. */}
          {rhoNow !== null && (
            <small className="hint" data-readout="rho-now">
              set at start: {formatNum(rhoNow.set, 2)} · now: {formatNum(rhoNow.now, 2)}
              {rhoNow.blocks ? ' (largest over the gate blocks)' : ''}
              {Math.abs(rhoNow.now - rhoNow.set) >= 0.005
                ? '; moving the slider rescales W_hh'
                : ''}
            </small>
          )}
        </SliderField>
      )}
      {showForget && (
        <SliderField
          big
          label="Forget gate bias"
          value={config.forgetBias}
          {...LIMITS.forgetBias}
          step={0.1}
          format={formatNum}
          onChange={(forgetBias) => set({ forgetBias })}
        />
      )}
      {showHold && (
        <ToggleField
          label="Hold forget gate"
          checked={config.holdForget !== null}
          onChange={(on) => set({ holdForget: on ? 1 : null })}
        >
          {config.holdForget !== null && (
            <SliderField
              label="φ (teaching override)"
              value={config.holdForget}
              {...LIMITS.holdForget}
              step={0.01}
              format={(v) => `f ≡ ${v.toFixed(2)}`}
              onChange={(holdForget) => set({ holdForget })}
            />
          )}
        </ToggleField>
      )}
      {showRing && (
        <>
          <SliderField
            big
            label="Ring: r_min"
            value={config.rmin}
            min={LIMITS.rmin.min}
            max={Math.max(LIMITS.rmin.min, config.rmax - GAP)}
            step={GAP}
            format={(v) => `|λ| ≥ ${v.toFixed(3)}`}
            onChange={(rmin) => set({ rmin })}
          />
          <SliderField
            big
            label="Ring: r_max"
            value={config.rmax}
            min={Math.min(LIMITS.rmax.max, config.rmin + GAP)}
            max={LIMITS.rmax.max}
            step={GAP}
            format={(v) => `|λ| ≤ ${v.toFixed(3)}`}
            onChange={(rmax) => set({ rmax })}
          />
          <SliderField
            label="Ring: max phase"
            value={config.phase}
            {...LIMITS.phase}
            step={0.01}
            format={(v) => `${v.toFixed(2)} rad (${((v * 180) / Math.PI).toFixed(0)}°)`}
            onChange={(phase) => set({ phase })}
          >
            <small className="hint">
              A new ring draws new λ: moving these restarts the run from its seed.
            </small>
          </SliderField>
        </>
      )}
      {showN && (
        <IntField
          label="State size N"
          value={config.N}
          {...LIMITS.N}
          hint={`${LIMITS.N.min}–${LIMITS.N.max} per channel: the state holds H × N numbers (Mamba: 16)`}
          onChange={(N) => set({ N })}
        />
      )}
    </fieldset>
  );
}
