/**
 * Names for the runs of a comparison: the letter, then the settings that tell this run apart from
 * the others ("B · LSTM", "A · SGD, lr 0.1"). Settings every run shares are left out; a run that
 * differs in nothing is named by its cell.
 */
import { cellInfo, initLabel } from '../../engine/cells/catalog';
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

/** What tells each run apart, e.g. ["tanh RNN", "LSTM"]. */
export function runDescriptions(configs: readonly TrainConfig[]): string[] {
  const keys = (Object.keys(PART) as (keyof TrainConfig)[]).filter((k) =>
    configs.some((c) => !Object.is(c[k], configs[0]![k])),
  );
  return configs.map((c) => {
    const parts = keys.map((k) => PART[k]!(c));
    return parts.length > 0 ? parts.join(', ') : cellInfo(c.cell).label;
  });
}

/** "A · tanh RNN", "B · LSTM", … */
export function runNames(configs: readonly TrainConfig[]): string[] {
  return runDescriptions(configs).map((d, k) => `${runLetter(k)} · ${d}`);
}
