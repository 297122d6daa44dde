import type { CellKind, InitKind, OptimizerKind, TaskId } from '../engine/types';
export type { InitKind, OptimizerKind, TaskId };
export { INIT_KINDS, OPTIMIZER_KINDS, TASK_IDS } from '../engine/types';

/** Everything a user can set; the only state the URL holds. Ranges live in `LIMITS`. */
export interface TrainConfig {
  cell: CellKind;
  task: TaskId;
  /** Sequence length T. */
  T: number;
  /** Hidden units H. */
  H: number;
  batch: number;
  init: InitKind;
  /** Target spectral radius of W_hh after init; null keeps the init's own. */
  rho: number | null;
  /**
   * LSTM forget-gate bias. Init sets b_ih's f rows to it (b_hh's f rows 0); moving the slider later
   * adds the change to b_ih's f rows, keeping what training learned.
   */
  forgetBias: number;
  /** Teaching override: hold f_t ≡ φ for every unit and step; null = off. */
  holdForget: number | null;
  opt: OptimizerKind;
  lr: number;
  /** Global-norm clipping threshold; 0 = off. */
  clip: number;
  /** Truncated BPTT window K; 0 = full BPTT. */
  tbptt: number;
  seed: number;
}

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
} as const;

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
  seed: 1,
};

/**
 * Work of one training step, in multiply-adds up to a constant: G·H·(H + I)·T·batch, with I taken as
 * 24 (the widest task input is 23). Forward plus backward costs about 3× this and the engine runs
 * about 1.7 G multiply-adds per second on one core here. Measured in Chromium with the page drawing
 * (bench/ui/fps.ts at H = 128, T = 1000): 2.5e8 gave 1.3 (LSTM) and 1.6 (RNN) steps/s, too close to
 * the promised 1; 2e8 leaves a margin.
 */
export const MAX_WORK = 2e8;

export function stepWork(c: Pick<TrainConfig, 'cell' | 'H' | 'T' | 'batch'>): number {
  const G = c.cell === 'lstm' ? 4 : c.cell === 'gru' ? 3 : 1;
  return G * c.H * (c.H + 24) * c.T * c.batch;
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
