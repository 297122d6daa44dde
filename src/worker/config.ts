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
