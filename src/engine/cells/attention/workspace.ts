/** The attention cell's workspace: the shared family buffers and its own, in one arena (see index.ts for the math). */
import { exp } from '../../exp';
import { log } from '../../log';
import { cos, sin } from '../../trig';
import { familyBase, familyBuffers, checkDims } from '../../family/workspace';
import type { Layout } from '../../family/workspace';
import type { FamilyDims, FamilyWorkspace } from '../../family/types';

export interface AttentionWorkspace extends FamilyWorkspace {
  /** p_t, [T][H]. */
  readonly pos: Float64Array;
  /** W_in [H][I], W_qkv [3H][H] and its transpose, W_o [H][H] and its transpose, in the arena. */
  readonly win: Float64Array;
  readonly wqkv: Float64Array;
  readonly wqkvT: Float64Array;
  readonly wo: Float64Array;
  readonly woT: Float64Array;
  /** [q_t; k_t; v_t] per row, [T][B][3H]; z_t, [T][B][H]. */
  readonly qkv: Float64Array;
  readonly z: Float64Array;
  /** α, [B][T][T] (zeros above the diagonal). */
  readonly alpha: Float64Array;
  /** One sequence's Vᵀ or Kᵀ, [H][T]; its ∂L/∂(scores), [T][T]. */
  readonly tr: Float64Array;
  readonly dS: Float64Array;
  /** ∂L/∂z [T][B][H], ∂L/∂[q; k; v] [T][B][3H], and the weight gradients. */
  readonly dz: Float64Array;
  readonly dqkv: Float64Array;
  readonly dwin: Float64Array;
  readonly dwqkv: Float64Array;
  readonly dwo: Float64Array;
}

/** p_t[i] = sin(t′/10000^(i/H)) for even i, cos(t′/10000^((i−1)/H)) for odd i, t′ = t − 1. */
export function sinusoids(T: number, H: number, out: Float64Array): void {
  const ln = log(10000);
  for (let i = 0; i < H; i++) {
    const div = exp(((i - (i % 2)) / H) * ln);
    for (let t = 0; t < T; t++) {
      const arg = t / div;
      out[t * H + i] = i % 2 === 0 ? sin(arg) : cos(arg);
    }
  }
}

function layout(d: FamilyDims, B: number): Layout {
  const H = d.hiddenSize;
  return { F: H, S: H, stateLead: B * H, yIsState: false, takesH0: false };
}

export function createAttentionWorkspace(d: FamilyDims, T: number, B: number): AttentionWorkspace {
  checkDims(d, T, B, false);
  const { inputSize: I, hiddenSize: H } = d;
  const TB = T * B;
  const L = layout(d, B);
  const m = familyBuffers(d, T, B, L, {
    pos: T * H,
    win: H * I,
    wqkv: 3 * H * H,
    wqkvT: 3 * H * H,
    wo: H * H,
    woT: H * H,
    qkv: TB * 3 * H,
    z: TB * H,
    alpha: B * T * T,
    tr: H * T,
    dS: T * T,
    dz: TB * H,
    dqkv: TB * 3 * H,
    dwin: H * I,
    dwqkv: 3 * H * H,
    dwo: H * H,
  });
  sinusoids(T, H, m.pos);
  const { pos, win, wqkv, wqkvT, wo, woT, qkv, z, alpha, tr, dS, dz, dqkv, dwin, dwqkv, dwo } = m;
  return {
    ...familyBase('attention', d, T, B, L, m, {}, m.alpha),
    ...{ pos, win, wqkv, wqkvT, wo, woT, qkv, z, alpha, tr, dS, dz, dqkv, dwin, dwqkv, dwo },
  };
}
