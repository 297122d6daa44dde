/**
 * State Jacobians of a recorded trace: the one-step ∂s_t/∂s_{t−1}, its spectral norm per step, and
 * the products ∂s_T/∂s_t ("how much of step t survives to step T") beside the ρ^(T−t) and
 * σ_max^(T−t) curves of Pascanu, Mikolov & Bengio (2013).
 *
 * The state s is h for linear, rnn and gru (size H), and (h; c) for the LSTM (size 2H: rows and
 * columns 0..H−1 are h, H..2H−1 are c), because c_{t−1} reaches h_t through the gates' product with
 * c and through the belt, so h alone is not a state. Everything is read from the trace and the
 * model's current weights: call it right after the pass that made the trace.
 */
import type { Model } from './model';
import { recurrentBlock, spectralNorm, spectralRadius } from './spectrum';
import type { CellKind, Trace } from './types';

export interface JacobianOptions {
  /** The φ the trace was run with (RunOptions.holdForget): f is then a constant, not a function of h. */
  holdForget?: number | null;
}

/** Size of the recurrent state: 2H for the LSTM (h and c), H otherwise. */
export function stateSize(cell: CellKind, H: number): number {
  return cell === 'lstm' ? 2 * H : H;
}

function checkIndex(trace: Trace, seq: number, t: number): void {
  if (!Number.isInteger(seq) || seq < 0 || seq >= trace.B)
    throw new RangeError(`sequence ${seq} outside 0..${trace.B - 1}`);
  if (!Number.isInteger(t) || t < 1 || t > trace.T)
    throw new RangeError(`step ${t} outside 1..${trace.T}`);
}

/**
 * Writes ∂s_t/∂s_{t−1} for sequence `seq` (t = 1..T) into out, row-major n×n with n = stateSize:
 * linear W_hh; tanh RNN diag(1 − h_t²)·W_hh; GRU the full H×H (through z, r, n and the z ⊙ h_{t−1}
 * path); LSTM the full 2H×2H over (h, c), blocks
 *   ∂c_t/∂h_{t−1} = diag(g·i(1−i))W_i + diag(c_{t−1}·f(1−f))W_f + diag(i(1−g²))W_g,  ∂c_t/∂c_{t−1} = diag(f),
 *   ∂h_t/∂h_{t−1} = diag(tanh c_t·o(1−o))W_o + diag(o(1−tanh² c_t))·∂c_t/∂h_{t−1},
 *   ∂h_t/∂c_{t−1} = diag(o(1−tanh² c_t)·f).
 * With holdForget the W_f term is absent (f does not depend on h).
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
  const { cell, B, H } = trace;
  const n = stateSize(cell, H);
  if (out.length !== n * n) throw new RangeError(`out must hold ${n}×${n} numbers`);
  const W = model.param('weight_hh_l0').w;
  const hNow = (t * B + seq) * H;
  const hPrev = ((t - 1) * B + seq) * H;
  if (cell === 'linear' || cell === 'rnn') {
    for (let u = 0; u < H; u++) {
      const h = trace.h[hNow + u] as number;
      const d = cell === 'rnn' ? 1 - h * h : 1;
      for (let j = 0; j < H; j++) out[u * H + j] = d * (W[u * H + j] as number);
    }
    return;
  }
  const GH = (cell === 'lstm' ? 4 : 3) * H;
  const gates = trace.gates;
  if (gates === null) throw new RangeError(`trace of a ${cell} has no gates`);
  const g0 = ((t - 1) * B + seq) * GH;
  const HH = H * H;
  if (cell === 'gru') {
    const bhh = model.param('bias_hh_l0').w;
    for (let u = 0; u < H; u++) {
      const r = gates[g0 + u] as number;
      const z = gates[g0 + H + u] as number;
      const nn = gates[g0 + 2 * H + u] as number;
      // W_hn h_{t−1} + b_hn, the term r multiplies; recomputed because the trace does not keep it.
      let m = bhh[2 * H + u] as number;
      for (let j = 0; j < H; j++)
        m += (W[2 * HH + u * H + j] as number) * (trace.h[hPrev + j] as number);
      const dn = (1 - z) * (1 - nn * nn);
      const aN = dn * r;
      const aR = dn * m * r * (1 - r);
      const aZ = ((trace.h[hPrev + u] as number) - nn) * z * (1 - z);
      for (let j = 0; j < H; j++) {
        out[u * H + j] =
          aR * (W[u * H + j] as number) +
          aZ * (W[HH + u * H + j] as number) +
          aN * (W[2 * HH + u * H + j] as number) +
          (u === j ? z : 0);
      }
    }
    return;
  }
  const c = trace.c;
  if (c === null) throw new RangeError('LSTM trace has no cell states');
  const hold = opts.holdForget !== undefined && opts.holdForget !== null;
  out.fill(0);
  for (let u = 0; u < H; u++) {
    const i = gates[g0 + u] as number;
    const f = gates[g0 + H + u] as number;
    const g = gates[g0 + 2 * H + u] as number;
    const o = gates[g0 + 3 * H + u] as number;
    const tc = Math.tanh(c[hNow + u] as number);
    const aI = g * i * (1 - i);
    const aF = hold ? 0 : (c[hPrev + u] as number) * f * (1 - f);
    const aG = i * (1 - g * g);
    const aO = tc * o * (1 - o);
    const gam = o * (1 - tc * tc);
    const hRow = u * 2 * H;
    const cRow = (H + u) * 2 * H;
    for (let j = 0; j < H; j++) {
      const k = u * H + j;
      const dc =
        aI * (W[k] as number) + aF * (W[HH + k] as number) + aG * (W[2 * HH + k] as number);
      out[cRow + j] = dc;
      out[hRow + j] = aO * (W[3 * HH + k] as number) + gam * dc;
    }
    out[cRow + H + u] = f;
    out[hRow + H + u] = gam * f;
  }
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
  if (trace.cell === 'linear') {
    // Every step's Jacobian is W_hh itself.
    stepJacobian(model, trace, seq, 1, J, opts);
    return out.fill(spectralNorm(J, n, n));
  }
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
  const refGate = opts.refGate ?? (cell === 'lstm' || cell === 'gru' ? 2 : 0);
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
