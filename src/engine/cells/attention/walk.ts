/**
 * Attention's backward walk (engine/backward/familyWalk.ts): no chain of steps. ∂L/∂e_s gathers,
 * in one hop, the residual path at s and every later position t that attends to s (weight α_ts, the
 * arcs); the loss's own term at s is the residual one, W_outᵀ ∂L/∂ŷ_s. Position t's copy of the
 * input projection [W_q; W_k; W_v] gets Σ_b [∂L/∂q_t; ∂L/∂k_t; ∂L/∂v_t]·e_tᵀ, the rows kernel.ts
 * sums over all positions for its gradient.
 */
import { readoutTerm } from '../../backward/familyWalk';
import type { ParamTerms } from '../../backward/types';
import type { FamilyWalk } from '../../family/types';
import { norm2 } from '../../linalg';
import type { AttentionWorkspace } from './workspace';

export const attentionWalk: FamilyWalk<AttentionWorkspace> = {
  kind: 'direct',
  local: (_model, ws, seq, t, out) => readoutTerm(ws, seq, t, out),
  arcs: (ws, seq) => ws.alpha.slice(seq * ws.T * ws.T, (seq + 1) * ws.T * ws.T),
  terms(_model, ws) {
    const { T, B, H, dqkv } = ws;
    const H3 = 3 * H;
    const e = ws.x; // steps 1..T, past trace.state's lead rows
    const C = new Float64Array(H3 * H);
    const sum = new Float64Array(H3 * H);
    const norms = new Float64Array(T);
    const partial = new Float64Array(T);
    const blockNorms = new Float64Array(T * 3);
    for (let t = T; t >= 1; t--) {
      C.fill(0);
      for (let b = 0; b < B; b++) {
        const row = (t - 1) * B + b;
        for (let r = 0; r < H3; r++) {
          const g = dqkv[row * H3 + r]!;
          if (g === 0) continue;
          for (let j = 0; j < H; j++) C[r * H + j] = C[r * H + j]! + g * e[row * H + j]!;
        }
      }
      for (let k = 0; k < C.length; k++) sum[k] = sum[k]! + C[k]!;
      for (let g = 0; g < 3; g++) blockNorms[(t - 1) * 3 + g] = norm2(C, g * H * H, H * H);
      norms[t - 1] = norm2(C, 0, H3 * H);
      partial[t - 1] = norm2(sum, 0, H3 * H);
    }
    const term: ParamTerms = {
      name: 'attn.in_proj_weight',
      rows: H3,
      cols: H,
      norms,
      blocks: ['q', 'k', 'v'],
      blockNorms,
      partial,
      sum,
    };
    return [term];
  },
};
