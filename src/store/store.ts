import { createStore, type StateCreator } from 'zustand/vanilla';
import type {
  AnalysisMessage,
  DivergedMessage,
  GradcheckMessage,
  KernelKind,
  Snapshot,
  Speed,
} from '../worker/protocol';
import { DEFAULT_CONFIG, type TrainConfig } from '../worker/config';
import { EMPTY_GRAD, EMPTY_LOSS, type GradHistory, type LossHistory } from './history';
import type { ExpectState } from './lessons/expect';
import { EMPTY_RUN, type RunTraining } from './runs';
import { EMPTY_SWEEP, type SweepState } from './sweepState';
import { DEFAULT_VIEW, type ViewState } from './urlFields';
import { EMPTY_WALK, type WalkState } from './walk';
import { EMPTY_SCAN, type ScanState } from './scan';

/** Everything a user can set (the URL mirrors it), plus the lesson it came from. */
export interface ConfigSlice {
  /** Run A's config (the only run unless compared). */
  config: TrainConfig;
  /**
   * Configs of the runs compared with run A (B, C, D), [] when there is no comparison. They share
   * run A's task, T, batch and seed (runs.ts SHARED_KEYS), so every run sees the same batches.
   */
  compare: readonly TrainConfig[];
  lesson: string | null;
  /** What the URL decoder had to change (shown once, dismissible). */
  urlProblems: readonly string[];
}

/** What the page shows, not how the net trains. */
export interface ViewSlice {
  view: ViewState;
  /** Loss chart on a log axis. */
  lossLog: boolean;
  /** Unit of the belt panel; null = the unit with the largest |c|. */
  unit: number | null;
  /** Gate block shown by the spectrum panel. */
  gate: number;
  speed: Speed;
  /** The backward walk (view=backward): the worker's data and where the student is. */
  walk: WalkState;
  /** The parallel scan (view=scan): the worker's data for one lane and the level on screen. */
  scan: ScanState;
}

export type Status = 'starting' | 'paused' | 'running' | 'diverged';

/** Where the runs train: how many workers for how many runs, and the cores the browser reported. */
export interface RunLayout {
  runs: number;
  workers: number;
  /** navigator.hardwareConcurrency, or null when the browser does not say. */
  cores: number | null;
}

/**
 * Training state as the worker reports it. Replaced, never mutated. `runs` holds every run's state
 * (index = run id); latest, loss, grad and diverged mirror the picked run (view.run).
 */
export interface TrainingSlice {
  status: Status;
  /**
   * A transport command the session has not acknowledged yet: `status` already shows where it
   * leads, the readouts (iteration, loss) still show the last snapshot before it.
   */
  awaitingAck: boolean;
  mode: 'worker' | 'inline' | null;
  /** Matrix kernels the engine reported in `ready`. */
  kernels: KernelKind | null;
  latest: Snapshot | null;
  loss: LossHistory;
  grad: GradHistory;
  diverged: DivergedMessage | null;
  gradcheck: GradcheckMessage | null;
  gradcheckBusy: boolean;
  analysis: AnalysisMessage | null;
  /** The lesson's expectations checked against this run (null without a lesson). */
  expect: ExpectState | null;
  /** The latest error or notice from the worker, shown until dismissed. */
  notice: string | null;
  runs: readonly RunTraining[];
  layout: RunLayout | null;
  sweep: SweepState;
}

export type AppState = ConfigSlice & ViewSlice & TrainingSlice;

const configSlice: StateCreator<AppState, [], [], ConfigSlice> = () => ({
  config: DEFAULT_CONFIG,
  compare: [],
  lesson: null,
  urlProblems: [],
});

const viewSlice: StateCreator<AppState, [], [], ViewSlice> = () => ({
  view: DEFAULT_VIEW,
  lossLog: true,
  unit: null,
  gate: 0,
  speed: 'max',
  walk: EMPTY_WALK,
  scan: EMPTY_SCAN,
});

export const INITIAL_TRAINING: TrainingSlice = {
  status: 'starting',
  awaitingAck: false,
  mode: null,
  kernels: null,
  latest: null,
  loss: EMPTY_LOSS,
  grad: EMPTY_GRAD,
  diverged: null,
  gradcheck: null,
  gradcheckBusy: false,
  analysis: null,
  expect: null,
  notice: null,
  runs: [EMPTY_RUN],
  layout: null,
  sweep: EMPTY_SWEEP,
};

const trainingSlice: StateCreator<AppState, [], [], TrainingSlice> = () => INITIAL_TRAINING;

export function createAppStore(init?: Partial<AppState>) {
  return createStore<AppState>()((...a) => ({
    ...configSlice(...a),
    ...viewSlice(...a),
    ...trainingSlice(...a),
    ...init,
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
