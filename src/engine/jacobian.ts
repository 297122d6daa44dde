/**
 * State Jacobians of a recorded trace: the one-step ∂s_t/∂s_{t−1}, its spectral norm per step, and
 * the products ∂s_T/∂s_t ("how much of step t survives to step T") beside the ρ^(T−t) and
 * σ_max^(T−t) curves of Pascanu, Mikolov & Bengio (2013).
 *
 * The state s and its Jacobian are the cell's (CellEngine.jacobian): h for linear, rnn and gru
 * (size H), (h; c) for the LSTM (size 2H). Everything is read from the trace and the model's
 * current weights: call it right after the pass that made the trace.
 */
import type { CellJacobian, JacobianOptions } from './cells/engine';
import { cellEngine } from './cells/registry';
import type { Model } from './model';
import { recurrentBlock, spectralNorm, spectralRadius } from './spectrum';
import type { CellKind, Trace } from './types';

export type { JacobianOptions } from './cells/engine';

/** The cell's Jacobian (its CellEngine.jacobian); throws when the analyses do not apply to it. */
export function cellJacobian(cell: CellKind): CellJacobian {
  const j = cellEngine(cell).jacobian;
  if (j === undefined) throw new RangeError(`state Jacobians are not defined for ${cell}`);
  return j;
}

/** Size of the recurrent state the Jacobians act on: 2H for the LSTM (h and c), H otherwise. */
export function stateSize(cell: CellKind, H: number): number {
  return cellJacobian(cell).size({ inputSize: 1, hiddenSize: H, outputSize: 1 });
}

function checkIndex(trace: Trace, seq: number, t: number): void {
  if (!Number.isInteger(seq) || seq < 0 || seq >= trace.B)
    throw new RangeError(`sequence ${seq} outside 0..${trace.B - 1}`);
  if (!Number.isInteger(t) || t < 1 || t > trace.T)
    throw new RangeError(`step ${t} outside 1..${trace.T}`);
}

/**
 * Writes ∂s_t/∂s_{t−1} for sequence `seq` (t = 1..T) into out, row-major n×n with n = stateSize
 * (each cell's formula is in its folder: cells/<id>/jacobian.ts, cells/elementwise.ts).
 */
export function stepJacobian(
  model: Model,
  trace: Trace,
  seq: number,
  t: number,
  out: Float64Array,
  opts: JacobianOptions = {},
): void {
  checkIndex(trace, seq, t);
  const n = stateSize(trace.cell, trace.H);
  if (out.length !== n * n) throw new RangeError(`out must hold ${n}×${n} numbers`);
  cellJacobian(trace.cell).step(model, trace, seq, t, out, opts);
}

/** Spectral norm ‖∂s_t/∂s_{t−1}‖₂ for t = 1..T (index t−1). */
export function stepJacobianNorms(
  model: Model,
  trace: Trace,
  seq: number,
  opts: JacobianOptions = {},
): Float64Array {
  const n = stateSize(trace.cell, trace.H);
  const J = new Float64Array(n * n);
  const out = new Float64Array(trace.T);
  for (let t = 1; t <= trace.T; t++) {
    stepJacobian(model, trace, seq, t, J, opts);
    out[t - 1] = spectralNorm(J, n, n);
  }
  return out;
}

/** C = A·B for n×n row-major matrices (C must not alias A or B). */
export function matmulSquare(A: Float64Array, B: Float64Array, C: Float64Array, n: number): void {
  C.fill(0);
  for (let i = 0; i < n; i++) {
    const ci = i * n;
    for (let k = 0; k < n; k++) {
      const a = A[ci + k] as number;
      if (a === 0) continue;
      const bk = k * n;
      for (let j = 0; j < n; j++) C[ci + j] = (C[ci + j] as number) + a * (B[bk + j] as number);
    }
  }
}

/**
 * Calls visit(t, P) for t = T, T−1, …, stop with P = ∂s_T/∂s_t = J_T·J_{T−1}⋯J_{t+1} (P = I at
 * t = T). Built from T downwards, so steps before `stop` are never formed. P is a scratch buffer
 * reused between calls: copy what you keep.
 */
export function forEachProduct(
  model: Model,
  trace: Trace,
  seq: number,
  visit: (t: number, P: Float64Array) => void,
  opts: JacobianOptions = {},
  stop = 1,
): void {
  const n = stateSize(trace.cell, trace.H);
  let P = new Float64Array(n * n);
  let next = new Float64Array(n * n);
  const J = new Float64Array(n * n);
  for (let i = 0; i < n; i++) P[i * n + i] = 1;
  visit(trace.T, P);
  for (let t = trace.T - 1; t >= stop; t--) {
    stepJacobian(model, trace, seq, t + 1, J, opts);
    matmulSquare(P, J, next, n);
    [P, next] = [next, P];
    visit(t, P);
  }
}

/** The full product ∂s_T/∂s_t as a new n×n row-major matrix (for checks and on-demand display). */
export function jacobianProduct(
  model: Model,
  trace: Trace,
  seq: number,
  t: number,
  opts: JacobianOptions = {},
): Float64Array {
  checkIndex(trace, seq, t);
  const n = stateSize(trace.cell, trace.H);
  const out = new Float64Array(n * n);
  forEachProduct(
    model,
    trace,
    seq,
    (s, P) => {
      if (s === t) out.set(P);
    },
    opts,
    t,
  );
  return out;
}

/** The candidate block (LSTM g, GRU n: the third gate block) of a gated cell, else 0. */
function candidateBlock(cell: CellKind): number {
  return cellEngine(cell).info.gates.length >= 3 ? 2 : 0;
}

export interface ProductCurves {
  /** ‖∂s_T/∂s_t‖₂ for t = 1..T (index t−1); 1 at t = T. s = h, or (h; c) for the LSTM. */
  prodNorm: Float64Array;
  /** ρ^(T−t), ρ the spectral radius of the reference block of W_hh. */
  rhoRef: Float64Array;
  /** σ_max^(T−t), σ_max the largest singular value of the same block. */
  sigmaRef: Float64Array;
  /** The ρ and σ_max used, and which W_hh gate block they come from. */
  rho: number;
  sigmaMax: number;
  refGate: number;
}

/**
 * The survival curve ‖∂s_T/∂s_t‖₂ and its reference curves. The reference block is W_hh itself for
 * linear and rnn; for gated cells it defaults to the candidate block (LSTM g, GRU n), the one a
 * plain RNN's W_hh corresponds to — the gated curve is not bounded by it, which is the point.
 */
export function jacobianProducts(
  model: Model,
  trace: Trace,
  seq: number,
  opts: JacobianOptions & { refGate?: number } = {},
): ProductCurves {
  const { T, H, cell } = trace;
  const refGate = opts.refGate ?? candidateBlock(cell);
  const block = recurrentBlock(model, refGate);
  const rho = spectralRadius(block, H);
  const sigmaMax = spectralNorm(block, H, H);
  const n = stateSize(cell, H);
  const prodNorm = new Float64Array(T);
  const rhoRef = new Float64Array(T);
  const sigmaRef = new Float64Array(T);
  forEachProduct(
    model,
    trace,
    seq,
    (t, P) => {
      prodNorm[t - 1] = t === T ? 1 : spectralNorm(P, n, n);
      rhoRef[t - 1] = rho ** (T - t);
      sigmaRef[t - 1] = sigmaMax ** (T - t);
    },
    opts,
  );
  return { prodNorm, rhoRef, sigmaRef, rho, sigmaMax, refGate };
}
