/**
 * Training state per run of a comparison, as the page keeps it: each run's newest snapshot, its
 * newest full-detail one (what the picked-run panels draw), its histories and its divergence. Pure
 * functions: the bridge folds snapshots in with them, and the store's top-level training fields
 * (latest, loss, grad, diverged) mirror the picked run, so every single-run panel shows that run
 * unchanged.
 */
import type { DivergedMessage, Snapshot } from '../worker/protocol';
import { fitRing, fitWorkBudget } from '../worker/config';
import type { TrainConfig } from '../worker/config';
import { appendGrad, appendLoss, EMPTY_GRAD, EMPTY_LOSS } from './history';
import type { GradHistory, LossHistory } from './history';
import type { RunState } from './lessons/expect';

export interface RunTraining {
  /** Newest snapshot, full or light. */
  readonly latest: Snapshot | null;
  /** Newest full-detail snapshot of the same run (null until one arrives). */
  readonly full: Snapshot | null;
  readonly loss: LossHistory;
  readonly grad: GradHistory;
  readonly diverged: DivergedMessage | null;
}

export const EMPTY_RUN: RunTraining = {
  latest: null,
  full: null,
  loss: EMPTY_LOSS,
  grad: EMPTY_GRAD,
  diverged: null,
};

/** Folds one snapshot into its run; a new run number (a reset or rebuild) starts the histories afresh. */
export function foldSnapshot(prev: RunTraining, snap: Snapshot): RunTraining {
  const same = prev.latest !== null && prev.latest.run === snap.run;
  const base = same || prev.latest === null ? prev : EMPTY_RUN;
  return {
    latest: snap,
    full: snap.detail === 'full' ? snap : same ? prev.full : null,
    loss: appendLoss(base.loss, snap),
    grad: appendGrad(base.grad, snap),
    diverged: base.diverged,
  };
}

/** The store's top-level training fields for the picked run. */
export function mirrorPicked(runs: readonly RunTraining[], pick: number) {
  const r = runs[Math.min(pick, runs.length - 1)] ?? EMPTY_RUN;
  return { latest: r.full, loss: r.loss, grad: r.grad, diverged: r.diverged };
}

/** Task, sequence length, batch and seed: one data stream, so batch k is the same for every run. */
export const SHARED_KEYS = [
  'task',
  'T',
  'batch',
  'seed',
] as const satisfies readonly (keyof TrainConfig)[];
export type SharedKey = (typeof SHARED_KEYS)[number];

export function isShared(key: string): key is SharedKey {
  return (SHARED_KEYS as readonly string[]).includes(key);
}

/** Every run's config: run A's (the store's `config`), then the compared ones. */
export function runConfigs(s: {
  config: TrainConfig;
  compare: readonly TrainConfig[];
}): readonly TrainConfig[] {
  return [s.config, ...s.compare];
}

/**
 * Every run's config with its LRU ring kept valid (fitRing) and the shared batch lowered, if needed,
 * so that each run's step fits the work budget (worker/config.ts fitWorkBudget); the note says what
 * changed.
 */
export function fitRuns(
  config: TrainConfig,
  compare: readonly TrainConfig[],
): { config: TrainConfig; compare: TrainConfig[]; note: string | null } {
  // Each run's LRU ring keeps r_min < r_max (its initialization needs it).
  const notes = new Set<string>();
  const ringed = [config, ...compare].map((c) => {
    const r = fitRing(c);
    if (r.note !== null) notes.add(r.note);
    return r.config;
  });
  let batch = config.batch;
  let note: string | null = null;
  for (const c of ringed) {
    const fit = fitWorkBudget({ ...c, batch: config.batch });
    if (fit.config.batch < batch) {
      batch = fit.config.batch;
      note = fit.note;
    }
  }
  if (note !== null) notes.add(note);
  return {
    config: { ...ringed[0]!, batch },
    compare: ringed.slice(1).map((c) => ({ ...c, batch })),
    note: notes.size > 0 ? [...notes].join('; ') : null,
  };
}

/** The picked run's config: what the controls edit (a stored reference, fit for a selector). */
export function pickedConfig(s: {
  config: TrainConfig;
  compare: readonly TrainConfig[];
  view: { run: number };
}): TrainConfig {
  return s.view.run === 0 ? s.config : (s.compare[s.view.run - 1] ?? s.config);
}

/** The runs that have a snapshot, in order, as a comparison lesson's expectations read them. */
export function runStates(runs: readonly RunTraining[]): RunState[] {
  const out: RunState[] = [];
  for (const r of runs) {
    if (r.latest === null) break;
    out.push({ s: r.latest, h: r.loss, diverged: r.diverged?.iteration ?? null });
  }
  return out;
}
