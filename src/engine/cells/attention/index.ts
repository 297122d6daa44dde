/**
 * One causal self-attention layer, one head, with a residual (Vaswani et al. 2017), as the
 * contract defines it: e_t = W_in u_t + b_in + p_t (sinusoidal p_t, positions from 0),
 * [q; k; v] = W_qkv e_t + b_qkv, α_ts = softmax_{s≤t}(q_t·k_s/√H), z_t = Σ_{s≤t} α_ts v_s,
 * y_t = e_t + W_o z_t + b_o. Parameter names as torch.nn.MultiheadAttention(H, 1)'s. The traced
 * "state" is e_t: ∂L/∂e_t is the total derivative through its own path and every later position
 * that attends to it. There is no recurrence, so TBPTT does not apply. Forward and backward:
 * kernel.ts.
 */
import { familyCell } from '../../family/model';
import { ATTENTION } from './info';
import { attentionBackward as backward, attentionForward as forward } from './kernel';
import { attentionWalk as walk } from './walk';
import { createAttentionWorkspace as createWorkspace } from './workspace';
import type { AttentionWorkspace } from './workspace';

export type { AttentionWorkspace } from './workspace';

export const attentionCell = familyCell<AttentionWorkspace>(
  ATTENTION,
  { truncates: false, takesH0: false },
  { createWorkspace, forward, backward, walk },
);
