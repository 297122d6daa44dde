/**
 * The backward pass one step at a time, for one sequence of a batch: what the gradient is at each
 * step, what moved it there, and what each step adds to ∂L/∂W_hh. Everything comes from one run of
 * the engine's own BPTT (terms.ts) on the given weights and batch, so the vectors are the engine's
 * dL/dh_t (the CLI's `dL_dh`), and the per-step terms sum to its ∂L/∂W_hh.
 *
 * Stepping back from t to t−1 (s = h, or (h; c) for the LSTM, whose Jacobian acts on both):
 *   ∂L/∂s_{t−1} = J_tᵀ ∂L/∂s_t + (the loss's own term at t−1),   J_t = ∂s_t/∂s_{t−1}.
 * The factor that moved it is ‖J_tᵀ u‖/‖u‖ for the u actually carried (the direction taken); ‖J_t‖₂
 * is the most any direction could be stretched. For the LSTM the adjoint of c in s (h held fixed) is
 * f_{t+1} ⊙ ∂L/∂c_{t+1}, the driver's belt carry; ∂L/∂c_t itself (total, also through h_t) is what
 * the belt panel shows. A truncation cut (TBPTT) carries nothing: factor 0.
 */
import { isCut } from '../bptt';
import type { RunOptions } from '../bptt';
import { cellInfo, recurrentMatrix } from '../cells/catalog';
import { norm2 } from '../linalg';
import type { Model } from '../model';
import { recurrentBlock, spectralNorm, spectralRadius } from '../spectrum';
import type { Batch, CellKind } from '../types';
import type { StepNormCursor } from './stepNorms';
import { relativeGap } from './terms';
import type { ParamTerms } from './types';
import { walkPass } from './walkPass';

export type { ParamTerms } from './types';

export interface BackwardWalk {
  readonly cell: CellKind;
  readonly T: number;
  readonly B: number;
  readonly H: number;
  /** Width of a dL/dh_t row (the traced state). */
  readonly S: number;
  /** The sequence of the batch the per-sequence arrays follow. */
  readonly seq: number;
  readonly loss: number;
  /** Truncation window K of the pass (0 = full BPTT). */
  readonly truncate: number;
  /** dL/dh_t of the sequence, [T][S] (t = 1..T at offset (t−1)·S); dL/dh_0 apart. */
  readonly dh: Float64Array;
  readonly dh0: Float64Array;
  /** ‖dL/dh_t‖ of the sequence, [T]. */
  readonly norm: Float64Array;
  /** ‖dL/dh_t‖ over the whole batch (the gradient panel's curve), [T]. */
  readonly batchNorm: Float64Array;
  /** ‖the loss's own term at t‖ = ‖W_outᵀ ∂L/∂ŷ_t‖ of the sequence, [T] (0 where t is not scored). */
  readonly local: Float64Array;
  /** ‖∂L/∂s_t‖ of the sequence over the whole state (h, and c's adjoint for the LSTM), [T]. */
  readonly stateNorm: Float64Array;
  /** ‖J_tᵀ u_t‖: what step t hands back to step t−1, [T] (index t−1; 0 at a cut). */
  readonly carried: Float64Array;
  /** carried / ‖u_t‖: the factor of the direction taken, [T] (NaN where ‖u_t‖ = 0). */
  readonly gain: Float64Array;
  /** Running product Π_{s=t+1..T} gain_s, [T] (1 at t = T). */
  readonly product: Float64Array;
  /** 1 where the step t → t−1 is cut by truncation, [T]. */
  readonly cut: Uint8Array;
  /** LSTM: dL/dc_t of the sequence [T][H], f_t [T][H], and ‖f_t ⊙ dL/dc_t‖/‖dL/dc_t‖ [T]. */
  readonly dc: Float64Array | null;
  readonly forget: Float64Array | null;
  readonly beltGain: Float64Array | null;
  /**
   * ρ and σ_max of the reference block of W_hh (the candidate block of a gated cell), and its
   * index; NaN for a cell without W_hh.
   */
  readonly rho: number;
  readonly sigmaMax: number;
  readonly refGate: number;
  /** Per-step terms of each recurrent parameter (over the whole batch). */
  readonly terms: readonly ParamTerms[];
  /** For each term: max|Σ_t C_t − ∂L/∂θ| / max|∂L/∂θ| against the pass's own gradient. */
  readonly sumGap: readonly number[];
  /**
   * Attention: α of the sequence, [T][T] (row t: the weight position t gives each s ≤ t), the arcs
   * the gradient takes back in one hop; there is no chain, so carried, gain and product are NaN.
   * Null for the recurrences.
   */
  readonly arcs: Float64Array | null;
}

/**
 * The walk for sequence `seq` of `batch` under `model`'s weights, and a cursor over its ‖J_t‖₂
 * (too slow to compute for every step at once at the largest sizes for the classic cells' dense
 * Jacobians; a sweep over the diagonal ones for the families). Overwrites model's param.dw.
 */
export function backwardWalk(
  model: Model,
  batch: Batch,
  seq: number,
  opts: RunOptions = {},
): { walk: BackwardWalk; norms: StepNormCursor | null } {
  const info = cellInfo(model.spec.cell);
  const { T, B } = batch;
  if (!Number.isInteger(seq) || seq < 0 || seq >= B)
    throw new RangeError(`sequence ${seq} outside 0..${B - 1}`);
  const pass = walkPass(model, batch, seq, opts);
  const { trace, terms, n } = pass;
  const { H, S } = trace;
  const K = opts.truncate ?? 0;
  const belt = info.cellState && trace.dc !== null && trace.gates !== null;
  const G = info.gates.length;

  const dh = new Float64Array(T * S);
  for (let t = 1; t <= T; t++) {
    const off = ((t - 1) * B + seq) * S;
    dh.set(trace.dh.subarray(off, off + S), (t - 1) * S);
  }
  const dh0 = trace.dh0.slice(seq * S, (seq + 1) * S);
  const dc = belt ? new Float64Array(T * H) : null;
  const forget = belt ? new Float64Array(T * H) : null;
  if (dc !== null && forget !== null) {
    for (let t = 1; t <= T; t++) {
      const off = ((t - 1) * B + seq) * H;
      dc.set(trace.dc!.subarray(off, off + H), (t - 1) * H);
      const g = ((t - 1) * B + seq) * G * H + H; // the f block
      forget.set(trace.gates!.subarray(g, g + H), (t - 1) * H);
    }
  }

  const norm = new Float64Array(T);
  const local = new Float64Array(T);
  const stateNorm = new Float64Array(T);
  const carried = new Float64Array(T);
  const gain = new Float64Array(T);
  const cut = new Uint8Array(T);
  const beltGain = belt ? new Float64Array(T) : null;
  const u = new Float64Array(n);
  const v = new Float64Array(Math.max(n, S));
  for (let t = T; t >= 1; t--) {
    norm[t - 1] = norm2(dh, (t - 1) * S, S);
    local[t - 1] = norm2(v, 0, pass.local(t, v));
    pass.fillU(t, u);
    stateNorm[t - 1] = norm2(u, 0, n);
    if (pass.stepBack === null) {
      carried[t - 1] = NaN; // no chain: nothing is carried from step to step
    } else if (isCut(T, K, t)) {
      cut[t - 1] = 1;
      carried[t - 1] = 0;
    } else {
      pass.stepBack(t, u, v);
      carried[t - 1] = norm2(v, 0, n);
    }
    const un = stateNorm[t - 1]!;
    gain[t - 1] = un > 0 ? carried[t - 1]! / un : NaN;
    if (beltGain !== null) {
      const r = (t - 1) * H;
      const dn = norm2(dc!, r, H);
      for (let k = 0; k < H; k++) v[k] = forget![r + k]! * dc![r + k]!;
      beltGain[t - 1] = cut[t - 1] ? 0 : dn > 0 ? norm2(v, 0, H) / dn : NaN;
    }
  }
  const product = new Float64Array(T);
  product[T - 1] = 1;
  // Once nothing is carried (a cut), nothing arrives further back either: 0, not 0 · NaN.
  for (let t = T - 1; t >= 1; t--) product[t - 1] = product[t] === 0 ? 0 : product[t]! * gain[t]!;

  // ρ and σ_max of W_hh's reference block (the candidate block of a gated cell); NaN for a cell
  // without W_hh, whose walk is measured by ‖J_t‖₂ alone.
  const hasWhh = recurrentMatrix(info.id) !== null;
  const refGate = hasWhh && G >= 3 ? 2 : 0;
  const block = hasWhh ? recurrentBlock(model, refGate) : null;
  const walk: BackwardWalk = {
    cell: info.id as CellKind,
    T,
    B,
    H,
    S,
    seq,
    loss: trace.loss,
    truncate: K > 0 && K < T ? K : 0,
    dh,
    dh0,
    norm,
    batchNorm: trace.dhNorm.slice(),
    local,
    stateNorm,
    carried,
    gain,
    product,
    cut,
    dc,
    forget,
    beltGain,
    rho: block === null ? NaN : spectralRadius(block, H),
    sigmaMax: block === null ? NaN : spectralNorm(block, H, H),
    refGate,
    terms,
    sumGap: terms.map((p) => relativeGap(p.sum, model.param(p.name).dw)),
    arcs: pass.arcs,
  };
  return { walk, norms: pass.norms() };
}
