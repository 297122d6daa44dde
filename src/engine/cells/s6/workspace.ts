/** The s6 cell's workspace: the shared family buffers and its own, in one arena (see index.ts for the math). */
import { familyBase, familyBuffers, checkDims } from '../../family/workspace';
import type { Layout } from '../../family/workspace';
import type { FamilyDims, FamilyWorkspace } from '../../family/types';

export interface S6Workspace extends FamilyWorkspace {
  readonly N: number;
  /** W_in [H][I]; [W_Δ; W_B; W_C] [(H+2N)][H] and its transpose, in the arena. */
  readonly win: Float64Array;
  readonly wp: Float64Array;
  readonly wpT: Float64Array;
  /** x̃_t, [T][B][H]. */
  readonly xt: Float64Array;
  /** [Δ_t | B_t | C_t] per row, [T][B][H + 2N]; σ(W_Δ x̃_t + b_Δ) (= ∂Δ/∂pre), [T][B][H]. */
  readonly proj: Float64Array;
  readonly sig: Float64Array;
  /** A = −exp(A_log), [H][N], and Σ ∂L/∂A. */
  readonly A: Float64Array;
  readonly dA: Float64Array;
  /** exp(Δ_t·A) of every step, [T][B][H·N] (the forward scan's decays, the reverse scan's too). */
  readonly decay: Float64Array;
  /** ∂L/∂[pre-Δ | B_t | C_t] [T][B][H + 2N], ∂L/∂x̃ [T][B][H], and the weight gradients. */
  readonly dproj: Float64Array;
  readonly dxt: Float64Array;
  readonly dwin: Float64Array;
  readonly dwp: Float64Array;
  readonly dD: Float64Array;
}

function layout(d: FamilyDims, B: number): Layout {
  return {
    F: d.hiddenSize,
    S: d.hiddenSize * d.stateSize,
    stateLead: B * d.hiddenSize * d.stateSize,
    yIsState: false,
    takesH0: false,
  };
}

export function createS6Workspace(d: FamilyDims, T: number, B: number): S6Workspace {
  checkDims(d, T, B, true);
  const { inputSize: I, hiddenSize: H, stateSize: N } = d;
  const TB = T * B;
  const P = H + 2 * N;
  const L = layout(d, B);
  const m = familyBuffers(d, T, B, L, {
    win: H * I,
    wp: P * H,
    wpT: P * H,
    xt: TB * H,
    proj: TB * P,
    sig: TB * H,
    A: H * N,
    dA: H * N,
    decay: TB * H * N,
    dproj: TB * P,
    dxt: TB * H,
    dwin: H * I,
    dwp: P * H,
    dD: H,
  });
  const gates = { delta: { data: m.proj, off: 0, stride: P } };
  const { win, wp, wpT, xt, proj, sig, A, dA, decay, dproj, dxt, dwin, dwp, dD } = m;
  return {
    ...familyBase('s6', d, T, B, L, m, gates, null),
    ...{ N, win, wp, wpT, xt, proj, sig, A, dA, decay, dproj, dxt, dwin, dwp, dD },
  };
}
