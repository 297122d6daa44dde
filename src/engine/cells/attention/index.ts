/**
 * One causal self-attention layer, one head, with a residual (Vaswani et al. 2017), as the
 * contract defines it: e_t = W_in u_t + b_in + p_t (sinusoidal p_t, positions from 0),
 * [q; k; v] = W_qkv e_t + b_qkv, α_ts = softmax_{s≤t}(q_t·k_s/√H), z_t = Σ_{s≤t} α_ts v_s,
 * y_t = e_t + W_o z_t + b_o. Parameter names as torch.nn.MultiheadAttention(H, 1)'s. The traced
 * "state" is e_t: ∂L/∂e_t is the total derivative through its own path and every later position
 * that attends to it. There is no recurrence, so TBPTT does not apply. Forward and backward:
 * kernel.ts.
 */
import { exp } from '../../exp';
import { log } from '../../log';
import { cos, sin } from '../../trig';
import { familyBase, familyBuffers, checkDims } from '../../family/workspace';
import type { Layout } from '../../family/workspace';
import type { FamilyCell, FamilyDims, FamilyWorkspace } from '../../family/types';
import { attentionBackward, attentionForward } from './kernel';

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

function layout(d: FamilyDims): Layout {
  return { F: d.hiddenSize, S: d.hiddenSize, stateLead: 0, yIsState: false, takesH0: false };
}

export const attentionCell: FamilyCell<AttentionWorkspace> = {
  id: 'attention',
  paramShapes: ({ inputSize: I, hiddenSize: H }) => [
    { name: 'input.weight', rows: H, cols: I, vector: false },
    { name: 'input.bias', rows: H, cols: 1, vector: true },
    { name: 'attn.in_proj_weight', rows: 3 * H, cols: H, vector: false },
    { name: 'attn.in_proj_bias', rows: 3 * H, cols: 1, vector: true },
    { name: 'attn.out_proj.weight', rows: H, cols: H, vector: false },
    { name: 'attn.out_proj.bias', rows: H, cols: 1, vector: true },
  ],
  readoutWidth: (d) => d.hiddenSize,
  truncates: false,
  takesH0: false,
  createWorkspace(d, T, B) {
    checkDims(d, T, B, false);
    const { inputSize: I, hiddenSize: H } = d;
    const TB = T * B;
    const L = layout(d);
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
  },
  forward: attentionForward,
  backward: attentionBackward,
};
