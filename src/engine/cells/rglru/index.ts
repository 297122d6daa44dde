/**
 * RG-LRU (De et al. 2024, Griffin; code google-deepmind/recurrentgemma) as the contract defines it:
 * x̃_t = W_in u_t + b_in, r_t = σ(W_a x̃_t + b_a), i_t = σ(W_x x̃_t + b_x),
 * log a_t = −c·r_t ⊙ softplus(Λ) (c = 8), h_t = a_t ⊙ h_{t−1} + √(1 − a_t²) ⊙ (i_t ⊙ x̃_t), y_t = h_t.
 * Λ is the official code's a_param (base decay a = σ(−Λ)). The formula holds at t = 1 too (the
 * official code resets at a segment's start; not here). Forward and backward: kernel.ts.
 */
import { familyCell } from '../../family/model';
import { RGLRU } from './info';
import { rglruBackward as backward, rglruForward as forward } from './kernel';
import { rglruWalk as walk } from './walk';
import { createRglruWorkspace as createWorkspace } from './workspace';
import { rglruScan as scan } from './scan';
import type { RglruWorkspace } from './workspace';

export type { RglruWorkspace } from './workspace';

export const rglruCell = familyCell<RglruWorkspace>(
  RGLRU,
  { truncates: true, takesH0: true },
  { createWorkspace, forward, backward, walk, scan },
);
