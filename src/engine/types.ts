/**
 * Shared engine types. Layouts follow PyTorch: every matrix is row-major, a parameter keeps its
 * gradient beside it, and names are state_dict names (nn.RNN / nn.LSTM / nn.GRU for the classic
 * cells; each cell lists its own in its descriptor, cells/<id>/info.ts). Which cells and tasks
 * exist is the registries' business (cells/catalog.ts, tasks/index.ts).
 */
import type { CellKind } from './cells/catalog';

export type { CellKind, InitKind } from './cells/catalog';

export type LossKind = 'mse_last' | 'mse_all' | 'xent_all';
export type OptimizerKind = 'sgd' | 'momentum' | 'adam';

export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ['sgd', 'momentum', 'adam'];
export const LOSS_KINDS: readonly LossKind[] = ['mse_last', 'mse_all', 'xent_all'];

/** A state_dict key: the cell's own parameter names (its CellInfo.params) and `readout.*`. */
export type ParamName = string;

/** A named row-major tensor with its gradient. A vector has cols = 1 and a one-entry shape. */
export interface Param {
  readonly name: ParamName;
  /** PyTorch's shape: [rows, cols] for a matrix (even with one column), [rows] for a vector. */
  readonly shape: readonly [number] | readonly [number, number];
  readonly rows: number;
  readonly cols: number;
  /** Values, row-major, length rows·cols. */
  readonly w: Float64Array;
  /** dL/dw, same layout; overwritten by every backward pass. */
  readonly dw: Float64Array;
}

export interface ModelSpec {
  readonly cell: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly outputSize: number;
  /** N: per-unit state size, for a cell whose descriptor uses one (s6); ignored by the others. */
  readonly stateSize?: number;
}

/** Losses beyond the CLI's three: `xent_last` scores only the final step (classification tasks). */
export type AnyLossKind = LossKind | 'xent_last';

/**
 * One batch of sequences. Layouts: inputs [T][B][I]; targets by loss:
 * mse_last [B][O], mse_all [T][B][O], xent_all [T][B] class ids, xent_last [B] class ids
 * (ids stored as float64 integers).
 */
export interface Batch {
  readonly T: number;
  readonly B: number;
  readonly loss: AnyLossKind;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
}

/** Where the first non-finite number appeared, so the UI can say what exploded. */
export interface NonFinite {
  readonly quantity: 'loss' | 'hidden' | 'cell' | 'dL/dh' | 'dL/dc' | 'gradient';
  /** 1-based time step, or 0 when not tied to a step (loss, parameter gradient). */
  readonly step: number;
  readonly param?: ParamName;
}

/**
 * What one forward+backward pass records. Time index t = 1..T is stored at offset t−1 unless said
 * otherwise. Buffers belong to the workspace and are overwritten by the next pass: copy what you keep.
 */
export interface Trace {
  readonly cell: CellKind;
  readonly T: number;
  readonly B: number;
  readonly H: number;
  /** Width F′ of a traced state row in h and dh (the cell's CellInfo.state.width: H for the classic cells). */
  readonly S: number;
  readonly O: number;
  /** Mean loss over the batch (see loss definitions). */
  loss: number;
  /** The traced state (h_t for the classic cells) for t = 0..T, [(T+1)][B][S]; index 0 is h0. */
  readonly h: Float64Array;
  /** c_t for t = 0..T, [(T+1)][B][H] (LSTM), else null. */
  readonly c: Float64Array | null;
  /** Gate activations [T][B][G·H], gate blocks in PyTorch row order (i,f,g,o / r,z,n); null for linear/rnn. */
  readonly gates: Float64Array | null;
  /** Readout outputs ŷ_t (logits for xent), [T][B][O]. */
  readonly outputs: Float64Array;
  /** Total derivative dL/dh_t of the traced state, [T][B][S]. */
  readonly dh: Float64Array;
  /** Total derivative dL/dc_t, [T][B][H] (LSTM), else null. */
  readonly dc: Float64Array | null;
  /** Frobenius norm over batch×state of dL/dh_t, [T]; filled during the backward pass. */
  readonly dhNorm: Float64Array;
  /** Frobenius norm of dL/dc_t, [T] (LSTM), else null. */
  readonly dcNorm: Float64Array | null;
  /** dL/dh_0 [B][S] and dL/dc_0 [B][H]. */
  readonly dh0: Float64Array;
  readonly dc0: Float64Array | null;
  /** First non-finite value met, or null when everything stayed finite. */
  nonFinite: NonFinite | null;
  /** Attention weights α [B][T][T] (query × key, zero above the diagonal) of a cell that has them. */
  readonly attention?: Float64Array | null;
  /**
   * S6: A = −exp(A_log) [H][N] as this pass used it (the optimizer's update that follows a pass
   * changes A_log, not the trace), so exp(Δ_t·A) can be read off the trace exactly.
   */
  readonly A?: Float64Array | null;
}
