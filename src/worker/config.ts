/**
 * The train config: everything a user can set, and the only state the URL holds. Its valibot
 * schema below is the one definition of its keys, types and ranges: the TypeScript type is
 * inferred from it, the worker protocol validates `init`/`setConfig` with it, and the URL codec
 * and the embed messages (store/urlFields.ts) build their lenient readers from it. Which cells,
 * tasks and initializations exist comes from the engine's registries.
 */
import * as v from 'valibot';
import { APP_CELL_IDS, APP_INIT_KINDS, cellInfo } from '../engine/cells/catalog';
import { TASK_IDS } from '../engine/tasks/catalog';
import { OPTIMIZER_KINDS } from '../engine/types';
import type { AppInitKind as InitKind } from '../engine/cells/catalog';
import type { OptimizerKind } from '../engine/types';
import type { TaskId } from '../engine/tasks/catalog';

export type { InitKind, OptimizerKind, TaskId };
export { APP_INIT_KINDS as INIT_KINDS, OPTIMIZER_KINDS, TASK_IDS };

/**
 * Which weights training updates: every one (`none` frozen), all but the parameters that set the
 * recurrence (`recurrent`: W_hh for the classic cells, the LRU's λ, the RG-LRU's a, S6's A; see
 * CellInfo.recurrent; a lesson about W_hh's geometry keeps the W_hh it set), or none (`all`:
 * gradients only, a fresh batch each iteration).
 */
export const FREEZE_KINDS = ['none', 'recurrent', 'all'] as const;
export type FreezeKind = (typeof FREEZE_KINDS)[number];

/** Allowed ranges of the numeric keys (the schema's bounds; sliders and fields read them too). */
export const LIMITS = {
  T: { min: 1, max: 1000 },
  H: { min: 1, max: 128 },
  batch: { min: 1, max: 64 },
  rho: { min: 0, max: 2 },
  forgetBias: { min: -5, max: 5 },
  holdForget: { min: 0, max: 1 },
  lr: { min: 1e-4, max: 1 },
  clip: { min: 0, max: 100 },
  tbptt: { min: 0, max: 1000 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  N: { min: 1, max: 64 },
  rmin: { min: 0, max: 1 },
  rmax: { min: 0, max: 1 },
  phase: { min: 0.01, max: 6.29 },
} as const;

type Range = { readonly min: number; readonly max: number };
const int = (r: Range) => v.pipe(v.number(), v.integer(), v.minValue(r.min), v.maxValue(r.max));
const num = (r: Range) => v.pipe(v.number(), v.finite(), v.minValue(r.min), v.maxValue(r.max));

/** Key order is the order links are written in. */
export const TrainConfigSchema = v.strictObject({
  /** One of the cells the page trains and draws (CellInfo.inApp). */
  cell: v.picklist(APP_CELL_IDS),
  task: v.picklist(TASK_IDS),
  /** Sequence length T. */
  T: int(LIMITS.T),
  /** Hidden units H. */
  H: int(LIMITS.H),
  batch: int(LIMITS.batch),
  /**
   * One of the cell's initializations (CellInfo.inits); a link or an embed message that names
   * another is told so (worker/cellFit.ts).
   */
  init: v.picklist(APP_INIT_KINDS),
  /** Target spectral radius of W_hh after init; null keeps the init's own. */
  rho: v.nullable(num(LIMITS.rho)),
  /**
   * Forget-gate bias (cells with the forgetBias control). Init sets b_ih's f rows to it (b_hh's f
   * rows 0); moving the slider later adds the change to b_ih's f rows, keeping what training learned.
   */
  forgetBias: num(LIMITS.forgetBias),
  /** Teaching override: hold f_t ≡ φ for every unit and step; null = off. */
  holdForget: v.nullable(num(LIMITS.holdForget)),
  opt: v.picklist(OPTIMIZER_KINDS),
  lr: num(LIMITS.lr),
  /** Global-norm clipping threshold; 0 = off. */
  clip: num(LIMITS.clip),
  /** Truncated BPTT window K; 0 = full BPTT. */
  tbptt: int(LIMITS.tbptt),
  /** Weights held fixed during training (FreezeKind). */
  freeze: v.picklist(FREEZE_KINDS),
  seed: int(LIMITS.seed),
  /** S6's state size N per channel (Mamba's d_state); other cells ignore it. */
  N: int(LIMITS.N),
  /**
   * The LRU's initialization ring: |λ| uniform by area on [rmin, rmax], arg λ uniform on
   * [0, phase] (Orvieto et al. 2023); other cells ignore them. fitRing keeps rmin < rmax.
   */
  rmin: num(LIMITS.rmin),
  rmax: num(LIMITS.rmax),
  phase: num(LIMITS.phase),
});

/** Any subset of the keys, each valid. */
export const TrainConfigPatchSchema = v.partial(TrainConfigSchema);

export type TrainConfig = v.InferOutput<typeof TrainConfigSchema>;

export const DEFAULT_CONFIG: TrainConfig = {
  cell: 'rnn',
  task: 'adding',
  T: 50,
  H: 32,
  batch: 16,
  init: 'pytorch',
  rho: 0.8,
  forgetBias: 0,
  holdForget: null,
  opt: 'adam',
  lr: 0.01,
  clip: 1,
  tbptt: 0,
  freeze: 'none',
  seed: 1,
  N: 16,
  rmin: 0,
  rmax: 1,
  phase: 6.28,
};

/**
 * Work of one training step, in multiply-adds up to a constant: the cell's multiply-adds per step
 * (CellInfo.macsPerStep; G·H·(H + I) for the classic cells) × T × batch, with I taken as 24 (the
 * widest task input is 23). Forward plus backward costs about 3× this and the engine runs about
 * 1.7 G multiply-adds per second on one core here. Measured in Chromium with the page drawing
 * (bench/ui/fps.ts at H = 128, T = 1000): 2.5e8 gave 1.3 (LSTM) and 1.6 (RNN) steps/s, too close to
 * the promised 1; 2e8 leaves a margin.
 */
export const MAX_WORK = 2e8;

export function stepWork(c: Pick<TrainConfig, 'cell' | 'H' | 'T' | 'batch' | 'N'>): number {
  const sizes = { inputSize: 24, hiddenSize: c.H, outputSize: 1, stateSize: c.N };
  return cellInfo(c.cell).macsPerStep(sizes, c.T) * c.T * c.batch;
}

/**
 * The config with its batch lowered, if needed, so one step fits MAX_WORK (the batch is the knob
 * that changes nothing about what the panels show but the noise). Returns a note when it changed.
 */
export function fitWorkBudget(c: TrainConfig): { config: TrainConfig; note: string | null } {
  if (stepWork(c) <= MAX_WORK) return { config: c, note: null };
  const perSeq = stepWork({ ...c, batch: 1 });
  const batch = Math.max(1, Math.floor(MAX_WORK / perSeq));
  if (batch >= c.batch) return { config: c, note: null };
  return {
    config: { ...c, batch },
    note: `batch ${c.batch} is too much work at T=${c.T}, H=${c.H} (${c.cell}) for one step per second; using batch ${batch}`,
  };
}

/** Smallest gap kept between the LRU ring's radii (its initialization needs r_min < r_max). */
const RING_GAP = 0.001;

/** The config with rmin < rmax (swapped, or rmin lowered when they are equal), and a note when changed. */
export function fitRing(c: TrainConfig): { config: TrainConfig; note: string | null } {
  if (c.rmin < c.rmax) return { config: c, note: null };
  const [rmin, rmax] =
    c.rmin > c.rmax
      ? [c.rmax, c.rmin]
      : [Math.max(0, c.rmax - RING_GAP), Math.max(c.rmax, RING_GAP)];
  return {
    config: { ...c, rmin, rmax },
    note: `the LRU ring needs rmin < rmax (got rmin=${c.rmin}, rmax=${c.rmax}); using rmin=${rmin}, rmax=${rmax}`,
  };
}

/** Config keys whose change needs a fresh model (everything else is applied to the live one). */
export const REBUILD_KEYS = [
  'cell',
  'task',
  'T',
  'H',
  'batch',
  'init',
  'seed',
  'N',
  'rmin',
  'rmax',
  'phase',
] as const satisfies readonly (keyof TrainConfig)[];

/** Whether `patch` changes a key that rebuilds the model (an undefined value changes nothing). */
export function isRebuild(cur: TrainConfig, patch: Partial<TrainConfig>): boolean {
  return REBUILD_KEYS.some((k) => patch[k] !== undefined && patch[k] !== cur[k]);
}
