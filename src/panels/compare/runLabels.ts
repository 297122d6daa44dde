/**
 * Names for the runs of a comparison: the letter, then the settings that tell this run apart from
 * the others ("B · LSTM", "A · SGD, lr 0.1"). Settings every run shares are left out, and so is
 * a setting the run's cell does not have (a tanh RNN has no forget bias); a run that differs in
 * nothing is named by its cell.
 */
import { cellHas, cellInfo, initLabel } from '../../engine/cells/catalog';
import type { CellControl } from '../../engine/cells/types';
import { DEFAULT_CONFIG } from '../../worker/config';
import type { TrainConfig } from '../../worker/config';
import { RUN_LETTERS } from '../../worker/runsProtocol';

/** A setting's value as a person writes it: 0.01, 1.5, 3 (three significant digits at most). */
const num = (x: number): string => String(Number(x.toPrecision(3))).replace('-', '−');

const OPT: Record<string, string> = { sgd: 'SGD', momentum: 'SGD + momentum', adam: 'Adam' };

/** How one setting reads in a run's name. */
const PART: { [K in keyof TrainConfig]?: (c: TrainConfig) => string } = {
  cell: (c) => cellInfo(c.cell).label,
  H: (c) => `H ${c.H}`,
  init: (c) => initLabel(c.init),
  rho: (c) => (c.rho === null ? 'init’s ρ' : `ρ ${num(c.rho)}`),
  forgetBias: (c) => `forget bias ${num(c.forgetBias)}`,
  holdForget: (c) => (c.holdForget === null ? 'f free' : `f ≡ ${num(c.holdForget)}`),
  opt: (c) => OPT[c.opt] ?? c.opt,
  lr: (c) => `lr ${num(c.lr)}`,
  clip: (c) => (c.clip > 0 ? `clip ${num(c.clip)}` : 'no clipping'),
  tbptt: (c) => (c.tbptt > 0 ? `K ${c.tbptt}` : 'full BPTT'),
  freeze: (c) => (c.freeze === 'none' ? 'all trained' : `${c.freeze} frozen`),
};

export function runLetter(k: number): string {
  return RUN_LETTERS[k] ?? String(k + 1);
}

const CONTROLS: ReadonlySet<string> = new Set<CellControl>(['rho', 'forgetBias', 'holdForget']);

/** Whether `key` means anything for this run's cell (its cell-specific controls). */
const applies = (c: TrainConfig, key: keyof TrainConfig): boolean =>
  !CONTROLS.has(key) || cellHas(c.cell, key as CellControl);

/** What tells each run apart, e.g. ["tanh RNN", "LSTM"]. */
export function runDescriptions(configs: readonly TrainConfig[]): string[] {
  // A key tells runs apart when its value differs among them, a cell without it counting as the
  // default: an LSTM beside a tanh RNN is named by its forget bias only when that is not the default.
  const seen = (c: TrainConfig, k: keyof TrainConfig): unknown =>
    applies(c, k) ? c[k] : DEFAULT_CONFIG[k];
  const keys = (Object.keys(PART) as (keyof TrainConfig)[]).filter((k) =>
    configs.some((c) => !Object.is(seen(c, k), seen(configs[0]!, k))),
  );
  return configs.map((c) => {
    const parts = keys.filter((k) => applies(c, k)).map((k) => PART[k]!(c));
    return parts.length > 0 ? parts.join(', ') : cellInfo(c.cell).label;
  });
}

/** "A · tanh RNN", "B · LSTM", … */
export function runNames(configs: readonly TrainConfig[]): string[] {
  return runDescriptions(configs).map((d, k) => `${runLetter(k)} · ${d}`);
}
