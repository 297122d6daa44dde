/**
 * S6, Mamba's selective scan in its smallest form (Gu & Dao 2023; no convolution, no gate branch),
 * as the contract defines it: x̃_t = W_in u_t + b_in, Δ_t = softplus(W_Δ x̃_t + b_Δ),
 * B_t = W_B x̃_t, C_t = W_C x̃_t, A = −exp(A_log),
 * s_t[d,n] = exp(Δ_t[d]·A[d,n])·s_{t−1}[d,n] + Δ_t[d]·B_t[n]·x̃_t[d] (selective_scan_ref's Euler
 * input term), y_t[d] = Σ_n C_t[n]·s_t[d,n] + D[d]·x̃_t[d]. Forward and backward: kernel.ts.
 */
import { familyCell } from '../../family/model';
import { S6 } from './info';
import { s6Backward as backward, s6Forward as forward } from './kernel';
import { s6Walk as walk } from './walk';
import { createS6Workspace as createWorkspace } from './workspace';
import { s6Scan as scan } from './scan';
import type { S6Workspace } from './workspace';

export type { S6Workspace } from './workspace';

export const s6Cell = familyCell<S6Workspace>(
  S6,
  { truncates: true, takesH0: false },
  { createWorkspace, forward, backward, walk, scan },
);
