/**
 * Messages between the page and the training worker. Every message carries `v` (PROTOCOL_VERSION);
 * a message with another version, an unknown `type` or out-of-range fields is answered with an
 * `error` message by `parseToWorker`, never by a crash. Big arrays travel as typed arrays in the
 * transfer list; a snapshot's arrays are fresh copies, never the trainer's workspace.
 */
import * as v from 'valibot';
import type { AnyLossKind, CellKind, NonFinite, ParamName } from '../engine/types';
import type { Diagnosis } from './trainer/growth';
import type { FamilyFrame } from './familyFrame';
import type { TrainConfig } from './config';
import type { Detail, SweepDoneMessage, SweepPointMessage } from './runsProtocol';
import { PROTOCOL_VERSION } from './version';
import type { ProtocolVersion as V } from './version';
import type { ToWorkerSchema } from './toWorker';
import type {
  AnalysisMessage,
  BackwardMessage,
  BackwardNormsMessage,
  GradcheckMessage,
  ScanMessage,
  WeightsMessage,
} from './answers';

export { PROTOCOL_VERSION };
export type { Detail, SweepDoneMessage, SweepPointMessage };
export type {
  AnalysisKind,
  AnalysisMessage,
  AnalyzeKind,
  BackwardMessage,
  BackwardNormsMessage,
  GradcheckMessage,
  ScanMessage,
  StepTerms,
  WeightsMessage,
} from './answers';

// Page → worker: `ToWorker`, inferred from its schema (ToWorkerSchema, at the end of this file).

// ---------------------------------------------------------------------------------------------
// Worker → page

/** Eigenvalues and extreme singular values of one gate block of W_hh. */
export interface GateSpectrum {
  /** Gate name ('h' for rnn/linear, else i/f/g/o or r/z/n). */
  gate: string;
  /** Real and imaginary parts of the eigenvalues, length H. */
  re: Float64Array;
  im: Float64Array;
  /** Spectral radius max |λ|. */
  rho: number;
  /** Largest and smallest singular values. */
  sigmaMax: number;
  sigmaMin: number;
}

/**
 * What is drawn after an iteration. Arrays are fresh copies owned by the receiver. Time index
 * t = 1..T sits at offset t−1; per-unit arrays are [T][H] row-major for the selected sequence.
 */
export interface Snapshot {
  v: V;
  type: 'snapshot';
  /** Which run of a comparison (0 = A … 3 = D); a single run is run 0. */
  runId: number;
  /** 'light' (a compared run not picked): per-unit arrays empty, spectrum [], stepJacNorms null. */
  detail: Detail;
  /** Increments with every snapshot the trainer emits (a new object identity for the store). */
  version: number;
  /** Increments on every rebuild or reset: when it changes, clear the loss history. */
  run: number;
  /** Training iterations done since the last (re)build. */
  iteration: number;
  running: boolean;
  /** The config in effect. */
  config: TrainConfig;
  /** Loss of the latest trace (of the current batch, before the update). */
  loss: number;
  /** Every training loss since the previous snapshot, oldest first (so a history misses none). */
  lossesSince: Float64Array;
  /** Their iteration numbers (1-based: the iteration that produced the loss). */
  itersSince: Float64Array;
  /** Their pre-clip global gradient norms. */
  normsSince: Float64Array;
  /** 1 where that iteration was clipped. */
  clippedSince: Uint8Array;
  /** Their accuracies on their batches (before the update), NaN for regression tasks. */
  accuraciesSince: Float64Array;
  /** A 32-bit hash of each of their batches (inputs and targets): equal across compared runs. */
  hashesSince: Float64Array;
  /** Global gradient norm ‖∇L‖ before clipping, of the latest trace. */
  preClipNorm: number;
  clipped: boolean;
  /** Task accuracy on the latest batch, or null for regression tasks. */
  accuracy: number | null;
  chanceLoss: number;
  chanceAccuracy: number | null;
  solvedLoss: number;
  taskLoss: AnyLossKind;
  T: number;
  B: number;
  H: number;
  cell: CellKind;
  /** Selected sequence and gate block. */
  seq: number;
  gate: number;
  /** Teaching override in effect: f_t held at φ; null when off. Always show it when set. */
  holdForget: number | null;
  /** Truncation window K in effect (0 = full BPTT). */
  tbptt: number;
  /** ‖dL/dh_t‖ over batch × units, [T]. */
  dhNorm: Float64Array;
  /** ‖dL/dc_t‖, [T] (LSTM), else null. */
  dcNorm: Float64Array | null;
  /**
   * The traced state of the selected sequence, [T][stateWidth] (t = 1..T): h_t (H wide), the LRU's
   * [Re x_t; Im x_t] (2H), attention's e_t (H); S6's s_t as each channel's norm over n (H).
   */
  hidden: Float64Array;
  /** Width of a row of `hidden` and `dhUnit`. */
  stateWidth: number;
  /** True when those rows are per-channel norms of a wider state (S6), not the state itself. */
  stateNorms: boolean;
  /** The newer families' own quantities (worker/familyFrame.ts); null for the classic cells. */
  family: FamilyFrame | null;
  /** The inputs x_t of the selected sequence, [T][I] (where the task put its markers and symbols). */
  inputs: Float64Array;
  /** c_t of the selected sequence, [T][H] (LSTM), else null. */
  cellState: Float64Array | null;
  /** Gate activations of the selected sequence, [T][G·H], PyTorch block order; null for rnn/linear. */
  gates: Float64Array | null;
  /** dL/d(state_t) of the selected sequence, [T][stateWidth], reduced as `hidden` is. */
  dhUnit: Float64Array;
  /** dL/dc_t of the selected sequence, [T][H] (LSTM), else null. */
  dcUnit: Float64Array | null;
  /** Spectrum of each gate block of W_hh (one entry for rnn/linear); recomputed when W_hh changed, throttled. */
  spectrum: GateSpectrum[];
  /** Iteration at which `spectrum` was computed. */
  spectrumIteration: number;
  /** ‖∂h_t/∂h_{t−1}‖₂ of the selected sequence, [T] (rnn/linear, on a time budget), else null. */
  stepJacNorms: Float64Array | null;
  /** Iteration at which `stepJacNorms` was computed. */
  stepJacIteration: number;
  /**
   * W_hh as it was last set (start of the run, a weights file, the ρ slider): per gate block its
   * spectral radius ρ₀ and largest singular value, and the iteration it was set at.
   */
  start: { iteration: number; rho: number[]; sigmaMax: number[] };
  /** ‖W₀^k‖₂ for k = 1..K (K = min(T − 1, 64)) of that W_hh, rnn/linear only; else null. */
  startPowers: Float64Array | null;
  /**
   * Saturated share of the selected sequence (|·| > 0.99: tanh′ < 0.02) and what was measured
   * (hₜ of a tanh RNN, tanh(cₜ), the GRU's nₜ); null for cells without a squashing state.
   */
  saturated: { fraction: number; of: string } | null;
  /** Increments with every forward/backward pass: which trace this snapshot shows. */
  trace: number;
  /** First non-finite value of the latest pass, or null. */
  nonFinite: NonFinite | null;
  /** Measured training steps per second (0 when paused). */
  stepsPerSecond: number;
  /**
   * How many page messages the session had handled when it built this snapshot. The page counts
   * what it sent: a snapshot with fewer does not yet reflect the page's latest command (its
   * `running` is older than what the page asked for).
   */
  acked: number;
}

export interface DivergedMessage {
  v: V;
  type: 'diverged';
  runId: number;
  /** The iteration whose pass went non-finite; training paused and the last finite snapshot is kept. */
  iteration: number;
  quantity: NonFinite['quantity'];
  step: number;
  param?: ParamName;
  /** Which parameter's updates blew up and what the gradient through time did meanwhile. */
  diagnosis?: Diagnosis;
}

export type FromWorker =
  | Snapshot
  | DivergedMessage
  | AnalysisMessage
  | BackwardMessage
  | BackwardNormsMessage
  | ScanMessage
  | GradcheckMessage
  | WeightsMessage
  | SweepPointMessage
  | SweepDoneMessage
  /** runId: the run the failing message addressed, or null when it names none (a bad message). */
  | { v: V; type: 'error'; runId: number | null; message: string }
  /** The worker is up (it hosts runs, so it names none). */
  | { v: V; type: 'ready'; mode: 'worker' | 'inline'; kernels: KernelKind };

/** Which matrix kernels the engine runs: WebAssembly SIMD, or the TypeScript fallback. */
export type KernelKind = 'simd' | 'typescript';

export function errorMessage(message: string, runId: number | null = null): FromWorker {
  return { v: PROTOCOL_VERSION, type: 'error', runId, message };
}

// ---------------------------------------------------------------------------------------------
// Page → worker: the messages as toWorker.ts validates them (the page bundle carries no validator).

/** A page → worker message, as its schema (toWorker.ts) defines it. */
export type ToWorker = v.InferInput<ToWorkerSchema>;
/** A message as the session handles it: per-run messages always name their run. */
export type ParsedToWorker = v.InferOutput<ToWorkerSchema>;
export type ToWorkerType = ToWorker['type'];
export type Speed = number | 'max';
