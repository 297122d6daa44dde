import { memo } from 'react';
import { cellInfo, cellPage, CELLS, initFor } from '../engine/cells/catalog';
import { TASKS } from '../engine/tasks/catalog';
import { OPTIMIZER_KINDS } from '../engine/types';
import type { AppCellKind, AppInitKind } from '../engine/cells/catalog';
import type { OptimizerKind } from '../engine/types';
import { FREEZE_KINDS, LIMITS } from '../worker/config';
import type { FreezeKind } from '../worker/config';
import { useApp, useBridge } from '../store/hooks';
import { pickedConfig } from '../store/runs';
import { runLetter } from './compare/runLabels';
import type { ControlId } from '../store/urlFields';
import { IntField, SelectField, SliderField, ToggleField } from './controls/fields';
import { MemoryControls } from './controls/MemoryControls';
import { TransportButtons } from './controls/Transport';
import { WeightsControls } from './controls/WeightsControls';
import { formatNum } from '../charts/format';

const OPT_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  adam: 'Adam',
};

const choices = <T extends string>(all: readonly T[], labels: Record<T, string>) =>
  all.map((value) => ({ value, label: labels[value] }));

const FREEZE_LABELS: Record<FreezeKind, string> = {
  none: 'all weights',
  recurrent: 'all but W_hh (recurrence frozen)',
  all: 'nothing (gradients only)',
};
const FREEZE_CHOICES = FREEZE_KINDS.map((value) => ({ value, label: FREEZE_LABELS[value] }));

/** Cells and tasks as their registries list and name them. */
const CELL_CHOICES = CELLS.filter((c) => c.inApp).map((c) => ({
  value: c.id as AppCellKind,
  label: c.label,
}));
const TASK_CHOICES = TASKS.map((t) => ({ value: t.id, label: t.label }));

/** Every setting, grouped as Model / Task / Memory / Training / Seed. `only` limits what shows (embeds). */
export const ControlsPanel = memo(function ControlsPanel({
  only,
}: {
  only?: readonly ControlId[] | null;
}) {
  // In a comparison the controls edit the picked run (task, T, batch and seed apply to every run).
  const config = useApp(pickedConfig);
  const comparing = useApp((s) => s.compare.length > 0);
  const picked = useApp((s) => s.view.run);
  // Largest ρ over the gate blocks (the slider rescales every block to the same ρ): as W_hh was
  // set (start of the run, or this slider) and as training has left it now.
  const rhoSet = useApp((s) =>
    s.latest && s.latest.start.rho.length > 0 ? Math.max(...s.latest.start.rho) : null,
  );
  const measuredRho = useApp((s) =>
    s.latest && s.latest.spectrum.length > 0
      ? Math.max(...s.latest.spectrum.map((b) => b.rho))
      : null,
  );
  const bridge = useBridge();
  const set = bridge.setConfig;
  const show = (id: ControlId) => !only || only.includes(id);
  const info = cellInfo(config.cell);
  const inits = info.inits;
  const blocks = info.gates.length > 1;
  // What "the recurrence" is (its folder's page.ts); none (attention): nothing to truncate or freeze.
  const frozen = cellPage(config.cell).recurrence;
  const recurrent = frozen !== null;
  const freezeChoices = FREEZE_CHOICES.filter((c) => recurrent || c.value !== 'recurrent').map(
    (c) => (c.value === 'recurrent' ? { ...c, label: `all but ${frozen} (recurrence frozen)` } : c),
  );

  return (
    <div className="controls" data-panel="controls">
      {(show('play') || show('step') || show('reset') || show('speed')) && only && (
        <TransportButtons only={only} />
      )}
      {comparing && (
        <p className="controls-run" data-run={picked}>
          Settings of <strong>run {runLetter(picked)}</strong>. Task, sequence length, batch and
          seed are shared by every run.
        </p>
      )}
      {(show('cell') || show('H') || show('init')) && (
        <fieldset>
          <legend>Model</legend>
          {show('cell') && (
            <SelectField
              label="Cell"
              value={config.cell}
              choices={CELL_CHOICES}
              onChange={(cell) =>
                set(
                  // Keep the init if the new cell offers it, else take the new cell's default.
                  initFor(cell, config.init) === config.init
                    ? { cell }
                    : { cell, init: initFor(cell, config.init) as AppInitKind },
                )
              }
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
              choices={inits.map((i) => ({ value: i.id as typeof config.init, label: i.label }))}
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
              choices={TASK_CHOICES}
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
      <MemoryControls
        show={show}
        set={set}
        rhoNow={
          rhoSet !== null && measuredRho !== null ? { set: rhoSet, now: measuredRho, blocks } : null
        }
      />
      {(show('opt') || show('lr') || show('clip') || show('tbptt') || show('freeze')) && (
        <fieldset>
          <legend>Training</legend>
          {show('freeze') && (
            <SelectField
              label="Train"
              value={config.freeze}
              choices={freezeChoices}
              hint={
                config.freeze === 'none'
                  ? undefined
                  : config.freeze === 'recurrent'
                    ? recurrent
                      ? `${frozen} keeps the value it was set to`
                      : 'attention has no recurrence: every weight trains'
                    : 'no weight changes; each iteration draws a fresh batch'
              }
              onChange={(freeze) => set({ freeze })}
            />
          )}
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
          {show('tbptt') && recurrent && (
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
