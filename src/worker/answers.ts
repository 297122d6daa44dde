/**
 * The worker's answers to on-demand requests (analyze, including the backward walk; gradcheck;
 * getWeights); protocol.ts puts them in its FromWorker union. Arrays are fresh copies owned by the
 * receiver.
 */
import type { CellKind, ParamName } from '../engine/types';
import type { ScanViewData } from '../engine/scan/view';
import type { ProtocolVersion as V } from './version';

export type AnalysisKind = 'jacobian' | 'belt';
/** What `analyze` may ask for: an analysis, the backward walk or the parallel scan of the selected sequence. */
export type AnalyzeKind = AnalysisKind | 'backward' | 'scan';

export type AnalysisMessage =
  | {
      v: V;
      type: 'analysis';
      runId: number;
      kind: 'jacobian';
      iteration: number;
      seq: number;
      /** ‖∂h_T/∂h_t‖₂ for t = 1..T (product of step Jacobians), [T]. */
      prodNorm: Float64Array;
      /** ρ^(T−t) and σ_max^(T−t) reference curves, [T]. */
      rhoRef: Float64Array;
      sigmaRef: Float64Array;
    }
  | {
      v: V;
      type: 'analysis';
      runId: number;
      kind: 'belt';
      iteration: number;
      seq: number;
      /**
       * The engine's belt curves (src/engine/jacobian/belt.ts): beltProduct [T][H] (Π f per unit),
       * fullDiag [T][H] (diagonal of the full ∂c_T/∂c_t), fullNorm [T], offDiagMax [T].
       */
      curves: Record<string, Float64Array>;
    };

/** One recurrent parameter's per-step terms of ∂L/∂θ (engine/backward/terms.ts, without the sum). */
export interface StepTerms {
  /** state_dict name, e.g. weight_hh_l0. */
  name: string;
  rows: number;
  cols: number;
  /** ‖C_t‖_F per step, [T]. */
  norms: Float64Array;
  /** Gate blocks of the rows (i, f, g, o …) and ‖C_t‖_F per block, [T][blocks]; [] when one block. */
  blocks: string[];
  blockNorms: Float64Array;
  /** ‖Σ_{s=t..T} C_s‖_F per t, [T]; index 0 is ‖∂L/∂θ‖_F. */
  partial: Float64Array;
  /** max|Σ_t C_t − ∂L/∂θ| / max|∂L/∂θ|, measured in the worker against the pass's gradient. */
  sumGap: number;
}

/**
 * The backward pass of the selected sequence, step by step (engine/backward/walk.ts): answers
 * `analyze` `backward`. Arrays over t hold step t at offset t−1; per-unit arrays are [T][S] or [T][H].
 * ‖J_t‖₂ follows in `backwardNorms` messages, a few steps at a time.
 */
export interface BackwardMessage {
  v: V;
  type: 'backward';
  runId: number;
  run: number;
  iteration: number;
  /** The snapshot trace (Snapshot.trace) this walk was computed from. */
  trace: number;
  cell: CellKind;
  T: number;
  B: number;
  H: number;
  S: number;
  seq: number;
  loss: number;
  /** Truncation window K of the pass (0 = full BPTT). */
  truncate: number;
  dh: Float64Array;
  dh0: Float64Array;
  norm: Float64Array;
  batchNorm: Float64Array;
  local: Float64Array;
  stateNorm: Float64Array;
  carried: Float64Array;
  gain: Float64Array;
  product: Float64Array;
  cut: Uint8Array;
  dc: Float64Array | null;
  forget: Float64Array | null;
  beltGain: Float64Array | null;
  /** Attention: α of the sequence [T][T], the arcs (no chain: carried, gain, product are NaN). */
  arcs: Float64Array | null;
  /** ρ and σ_max of W_hh's reference block (NaN for a cell without W_hh). */
  rho: number;
  sigmaMax: number;
  refGate: number;
  terms: StepTerms[];
}

/** ‖J_t‖₂ of a walk's steps from `from` down: values[k] is step from − k. */
export interface BackwardNormsMessage {
  v: V;
  type: 'backwardNorms';
  runId: number;
  run: number;
  trace: number;
  seq: number;
  from: number;
  values: Float64Array;
  /** True when step 1 is included (the last message of this walk). */
  done: boolean;
}

/**
 * The parallel scan of the selected sequence, one lane shown (engine/scan/view.ts): answers
 * `analyze` `scan` for a scannable cell (CellInfo.scan).
 */
export interface ScanMessage extends ScanViewData {
  v: V;
  type: 'scan';
  runId: number;
  run: number;
  /** The snapshot trace (Snapshot.trace) this scan was computed from. */
  trace: number;
  cell: CellKind;
  seq: number;
  /** Truncation window K of the pass (0 = full BPTT): a cut is a decay of 0 in the backward pairs. */
  truncate: number;
}

export interface GradcheckMessage {
  v: V;
  type: 'gradcheck';
  runId: number;
  maxRelError: number;
  /** Where the largest relative error was found. */
  worst: { param: ParamName; index: number } | null;
  checked: number;
}

export interface WeightsMessage {
  v: V;
  type: 'weights';
  runId: number;
  weights: Record<string, number[]>;
  /** PyTorch's shapes: [rows, cols] for a matrix (even with one column), [n] for a vector. */
  shapes: Record<string, number[]>;
}
