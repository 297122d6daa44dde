/**
 * LRU (Orvieto et al. 2023, "Resurrecting recurrent neural networks for long sequences"), as the
 * contract defines it: complex state x_t ∈ C^H, λ = exp(−exp(ν_log) + i·exp(θ_log)),
 * x_t = λ ⊙ x_{t−1} + exp(γ_log) ⊙ ((B_re + i·B_im) u_t), x_0 = 0, y_t = [Re x_t; Im x_t].
 * The readout on [Re; Im] stands in for Re(C x_t) (so there is no separate C, and no D).
 * Forward and backward: kernel.ts; the ring initialization: init.ts.
 */
import { familyBase, familyBuffers, checkDims } from '../../family/workspace';
import type { Layout } from '../../family/workspace';
import type { FamilyCell, FamilyDims, FamilyWorkspace } from '../../family/types';
import { lruBackward, lruForward } from './kernel';

export interface LruWorkspace extends FamilyWorkspace {
  /** [B_re; B_im] in the arena, [2H][I], and its gradient before the γ scaling. */
  readonly bcat: Float64Array;
  readonly dbcat: Float64Array;
  /** Per unit: Re λ, Im λ, |λ|, γ = exp(γ_log), and the Σ_t of ∂L/∂(Re λ), ∂L/∂(Im λ). */
  readonly lr: Float64Array;
  readonly li: Float64Array;
  readonly lamAbs: Float64Array;
  readonly gamma: Float64Array;
  readonly glr: Float64Array;
  readonly gli: Float64Array;
}

function layout(d: FamilyDims): Layout {
  const F = 2 * d.hiddenSize;
  return { F, S: F, stateLead: 0, yIsState: true, takesH0: false };
}

export const lruCell: FamilyCell<LruWorkspace> = {
  id: 'lru',
  paramShapes: (d) => {
    const { hiddenSize: H, inputSize: I } = d;
    return [
      { name: 'nu_log', rows: H, cols: 1, vector: true },
      { name: 'theta_log', rows: H, cols: 1, vector: true },
      { name: 'gamma_log', rows: H, cols: 1, vector: true },
      { name: 'B_re', rows: H, cols: I, vector: false },
      { name: 'B_im', rows: H, cols: I, vector: false },
    ];
  },
  readoutWidth: (d) => 2 * d.hiddenSize,
  truncates: true,
  takesH0: false,
  createWorkspace(d, T, B) {
    checkDims(d, T, B, false);
    const H = d.hiddenSize;
    const L = layout(d);
    const m = familyBuffers(d, T, B, L, {
      bcat: 2 * H * d.inputSize,
      dbcat: 2 * H * d.inputSize,
      lr: H,
      li: H,
      lamAbs: H,
      gamma: H,
      glr: H,
      gli: H,
    });
    const gates = { lambda_abs: { data: m.lamAbs, off: 0, stride: 0 } };
    return {
      ...familyBase('lru', d, T, B, L, m, gates, null),
      bcat: m.bcat,
      dbcat: m.dbcat,
      lr: m.lr,
      li: m.li,
      lamAbs: m.lamAbs,
      gamma: m.gamma,
      glr: m.glr,
      gli: m.gli,
    };
  },
  forward: lruForward,
  backward: lruBackward,
};
