/**
 * The heavy half of a cell's descriptor: how the engine runs it. A classic cell hands the shared
 * BPTT driver (engine/bptt.ts) a step kernel; a family that does not fit that driver brings its
 * own workspace and passes. Everything here is looked up once per pass (registry.ts), never per
 * step.
 */
import type { RunOptions } from '../bptt/options';
import type { CellKernel } from '../bptt/cell';
import type { Workspace } from '../bptt/workspace';
import type { WalkOf } from '../backward/types';
import type { Model } from '../model';
import type { Rng } from '../rng';
import type { Batch, ModelSpec, Trace } from '../types';
import type { InitKind } from './catalog';
import type { CellInfo, CellSizes } from './types';

export interface InitOptions {
  /** Scheme for the cell's weights (one of the cell's CellInfo.inits; the readout is always nn.Linear's). */
  init: InitKind;
  /** When not null, every gate block of weight_hh_l0 is rescaled afterwards to this spectral radius ρ. */
  rho: number | null;
  /** LSTM: value of bias_ih_l0's forget rows (bias_hh_l0's forget rows are set to 0). Ignored for other cells. */
  forgetBias: number;
  /** LSTM: chrono initialization (Tallec & Ollivier 2018): b_f ~ log U(1, T−1), b_i = −b_f. Overrides forgetBias. */
  chrono?: boolean;
  /** Longest dependency length T_max that chrono initialization targets; required when chrono is set. */
  T?: number;
  /**
   * LRU: the ring its eigenvalues are drawn from, r_min ≤ |λ| ≤ r_max and 0 ≤ arg λ ≤ max phase
   * (default minimal-LRU's 0, 1, 6.28). Ignored by other cells.
   */
  ring?: { rMin: number; rMax: number; maxPhase: number };
}

export interface JacobianOptions {
  /** The φ the trace was run with (RunOptions.holdForget): f is then a constant, not a function of h. */
  holdForget?: number | null;
}

/** A family's own passes, for cells the classic driver does not run. */
export interface OwnPasses {
  readonly kind: 'own';
  /** Buffers for one (spec, T, B); `trace` must follow engine/types.ts's Trace layouts. */
  createWorkspace(spec: ModelSpec, T: number, B: number, opts: { chunkRows?: number }): Workspace;
  /** Forward only: fills the forward part of ws.trace, returns the loss. */
  runForward(model: Model, batch: Batch, ws: Workspace, opts: RunOptions): number;
  /** Forward and backward: fills ws.trace and overwrites every param.dw. */
  forwardBackward(model: Model, batch: Batch, ws: Workspace, opts: RunOptions): Trace;
}

export interface ClassicPasses {
  readonly kind: 'classic';
  readonly kernel: CellKernel;
}

/** The state Jacobian of one sequence, for the Jacobian-product analyses (engine/jacobian.ts). */
export interface CellJacobian {
  /** n, the size of the state s the Jacobian acts on (H; 2H for the LSTM's (h; c)). */
  size(s: CellSizes): number;
  /** ∂s_t/∂s_{t−1} for sequence `seq`, row-major n×n, from the trace and the model's weights. */
  step(
    model: Model,
    trace: Trace,
    seq: number,
    t: number,
    out: Float64Array,
    opts: JacobianOptions,
  ): void;
  /**
   * The state s_t at step t (0..T) of sequence `seq`, read from a trace, in the same layout as
   * `step` and `reference` use.
   */
  stateAt(trace: Trace, seq: number, t: number): Float64Array;
  /**
   * One step s_{t−1} → s_t of one sequence, written straight from the cell's equations, allocating
   * and slow on purpose: the independent reference the Jacobians are checked against.
   */
  reference(
    model: Model,
    x: Float64Array,
    s: Float64Array,
    holdForget: number | null,
  ): Float64Array;
}

/**
 * The backward walk of a cell with its own passes (engine/backward/walk.ts; the classic cells
 * need none: the shared driver's hook and their CellJacobian serve them), read after an ordinary
 * forwardBackward on `ws`. A recurrence walks a chain of steps; attention reaches every earlier
 * position directly (family/types.ts FamilyWalk).
 */
export type CellWalk = WalkOf<Model, Workspace>;

export interface CellEngine {
  readonly info: CellInfo;
  readonly passes: ClassicPasses | OwnPasses;
  /** Fills every parameter (readout included) from rng, as `opts.init` (one of info.inits) says. */
  init(model: Model, rng: Rng, opts: InitOptions): void;
  /** Present when the state Jacobian analyses apply. */
  readonly jacobian?: CellJacobian;
  /** Own passes: the backward walk, where the cell has a chain to walk. */
  readonly walk?: CellWalk;
}
