import { memo } from 'react';
import { CELL_KINDS, INIT_KINDS, OPTIMIZER_KINDS, TASK_IDS } from '../engine/types';
import type { CellKind, InitKind, OptimizerKind, TaskId } from '../engine/types';
import { LIMITS } from '../worker/config';
import { useApp, useBridge } from '../store/hooks';
import type { ControlId } from '../store/urlFields';
import { IntField, SelectField, SliderField, ToggleField } from './controls/fields';
import { TransportButtons } from './controls/Transport';
import { WeightsControls } from './controls/WeightsControls';
import { formatNum } from '../charts/format';

export const CELL_LABELS: Record<CellKind, string> = {
  linear: 'linear',
  rnn: 'tanh RNN',
  lstm: 'LSTM',
  gru: 'GRU',
};
const TASK_LABELS: Record<TaskId, string> = {
  adding: 'Adding problem',
  copy: 'Copy (delayed recall)',
  order: 'Temporal order',
  parity: 'Parity',
  nextchar: 'Next character',
  sine: 'Sine continuation',
};
const INIT_LABELS: Record<InitKind, string> = {
  pytorch: 'PyTorch default U(±1/√H)',
  xavier: 'Xavier / Glorot',
  orthogonal: 'Orthogonal',
  identity: 'Identity (IRNN)',
};
const OPT_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  adam: 'Adam',
};

const choices = <T extends string>(all: readonly T[], labels: Record<T, string>) =>
  all.map((value) => ({ value, label: labels[value] }));

/** Every setting, grouped as Model / Task / Memory / Training / Seed. `only` limits what shows (embeds). */
export const ControlsPanel = memo(function ControlsPanel({
  only,
}: {
  only?: readonly ControlId[] | null;
}) {
  const config = useApp((s) => s.config);
  // Largest ρ over the gate blocks (the slider rescales every block to the same ρ).
  const measuredRho = useApp((s) =>
    s.latest && s.latest.spectrum.length > 0
      ? Math.max(...s.latest.spectrum.map((b) => b.rho))
      : null,
  );
  const bridge = useBridge();
  const set = bridge.setConfig;
  const show = (id: ControlId) => !only || only.includes(id);
  const isLstm = config.cell === 'lstm';
  const rhoValue = config.rho ?? measuredRho ?? 1;

  return (
    <div className="controls" data-panel="controls">
      {(show('play') || show('step') || show('reset') || show('speed')) && only && (
        <TransportButtons only={only} />
      )}
      {(show('cell') || show('H') || show('init')) && (
        <fieldset>
          <legend>Model</legend>
          {show('cell') && (
            <SelectField
              label="Cell"
              value={config.cell}
              choices={choices(CELL_KINDS, CELL_LABELS)}
              onChange={(cell) => set({ cell })}
            />
          )}
          {show('H') && (
            <IntField
              label="Hidden units"
              value={config.H}
              {...LIMITS.H}
              hint={`${LIMITS.H.min}–${LIMITS.H.max}`}
              onChange={(H) => set({ H })}
            />
          )}
          {show('init') && (
            <SelectField
              label="Initialization"
              value={config.init}
              choices={choices(INIT_KINDS, INIT_LABELS)}
              onChange={(init) => set({ init })}
            />
          )}
        </fieldset>
      )}
      {(show('task') || show('T') || show('batch')) && (
        <fieldset>
          <legend>Task</legend>
          {show('task') && (
            <SelectField
              label="Task"
              value={config.task}
              choices={choices(TASK_IDS, TASK_LABELS)}
              onChange={(task) => set({ task })}
            />
          )}
          {show('T') && (
            <IntField
              label="Sequence length"
              value={config.T}
              {...LIMITS.T}
              hint={`${LIMITS.T.min}–${LIMITS.T.max} steps`}
              onChange={(T) => set({ T })}
            />
          )}
          {show('batch') && (
            <IntField
              label="Batch size"
              value={config.batch}
              {...LIMITS.batch}
              hint={`${LIMITS.batch.min}–${LIMITS.batch.max}; lowered when T and H are large, so a step stays under a second`}
              onChange={(batch) => set({ batch })}
            />
          )}
        </fieldset>
      )}
      {(show('rho') || show('forget') || show('hold')) && (
        <fieldset className="memory">
          <legend>Memory</legend>
          {show('rho') && (
            <SliderField
              big
              label="Spectral radius"
              value={rhoValue}
              {...LIMITS.rho}
              step={0.01}
              format={(v) => `ρ = ${v.toFixed(2)}${config.rho === null ? ' (init’s own)' : ''}`}
              onChange={(rho) => set({ rho })}
            >
              {/* Training moves W_hh: say where ρ is now when it has left the value set here. */}
              {measuredRho !== null && Math.abs(measuredRho - rhoValue) >= 0.005 && (
                <small className="hint" data-readout="rho-now">
                  training has moved it: ρ is now {measuredRho.toFixed(2)}; moving the slider
                  rescales W_hh
                </small>
              )}
            </SliderField>
          )}
          {show('forget') && (
            <SliderField
              big
              label="Forget gate bias"
              value={config.forgetBias}
              {...LIMITS.forgetBias}
              step={0.1}
              disabled={!isLstm}
              format={(v) => (isLstm ? formatNum(v) : `${formatNum(v)} (LSTM only)`)}
              onChange={(forgetBias) => set({ forgetBias })}
            />
          )}
          {show('hold') && (
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
                  disabled={!isLstm}
                  onChange={(holdForget) => set({ holdForget })}
                />
              )}
            </ToggleField>
          )}
        </fieldset>
      )}
      {(show('opt') || show('lr') || show('clip') || show('tbptt')) && (
        <fieldset>
          <legend>Training</legend>
          {show('opt') && (
            <SelectField
              label="Optimizer"
              value={config.opt}
              choices={choices(OPTIMIZER_KINDS, OPT_LABELS)}
              onChange={(opt) => set({ opt })}
            />
          )}
          {show('lr') && (
            <SliderField
              label="Learning rate"
              value={Math.log10(config.lr)}
              min={Math.log10(LIMITS.lr.min)}
              max={Math.log10(LIMITS.lr.max)}
              step={0.05}
              format={(v) => formatNum(10 ** v)}
              onChange={(v) => set({ lr: Number((10 ** v).toPrecision(3)) })}
            />
          )}
          {show('clip') && (
            <ToggleField
              label="Clip gradients"
              checked={config.clip > 0}
              onChange={(on) => set({ clip: on ? 1 : 0 })}
            >
              {config.clip > 0 && (
                <SliderField
                  label="Threshold ‖g‖ ≤"
                  value={Math.log10(config.clip)}
                  min={-2}
                  max={2}
                  step={0.05}
                  format={(v) => formatNum(10 ** v)}
                  onChange={(v) => set({ clip: Number((10 ** v).toPrecision(3)) })}
                />
              )}
            </ToggleField>
          )}
          {show('tbptt') && (
            <IntField
              label="Truncation window K"
              value={config.tbptt}
              min={LIMITS.tbptt.min}
              max={LIMITS.tbptt.max}
              hint="0 = full BPTT; else gradients stop K steps back"
              onChange={(tbptt) => set({ tbptt })}
            />
          )}
        </fieldset>
      )}
      {show('seed') && (
        <fieldset>
          <legend>Seed</legend>
          <IntField
            label="Seed"
            value={config.seed}
            {...LIMITS.seed}
            onChange={(seed) => set({ seed })}
          />
        </fieldset>
      )}
      {!only && (
        <fieldset>
          <legend>Weights</legend>
          <WeightsControls />
        </fieldset>
      )}
    </div>
  );
});
