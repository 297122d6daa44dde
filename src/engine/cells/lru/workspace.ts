/** The lru cell's workspace: the shared family buffers and its own, in one arena (see index.ts for the math). */
import { familyBase, familyBuffers, checkDims } from '../../family/workspace';
import type { Layout } from '../../family/workspace';
import type { FamilyDims, FamilyWorkspace } from '../../family/types';

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

function layout(d: FamilyDims, B: number): Layout {
  const F = 2 * d.hiddenSize;
  return { F, S: F, stateLead: B * F, yIsState: true, takesH0: false };
}

export function createLruWorkspace(d: FamilyDims, T: number, B: number): LruWorkspace {
  checkDims(d, T, B, false);
  const H = d.hiddenSize;
  const L = layout(d, B);
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
}
