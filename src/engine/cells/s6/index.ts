/**
 * S6, Mamba's selective scan in its smallest form (Gu & Dao 2023; no convolution, no gate branch),
 * as the contract defines it: x̃_t = W_in u_t + b_in, Δ_t = softplus(W_Δ x̃_t + b_Δ),
 * B_t = W_B x̃_t, C_t = W_C x̃_t, A = −exp(A_log),
 * s_t[d,n] = exp(Δ_t[d]·A[d,n])·s_{t−1}[d,n] + Δ_t[d]·B_t[n]·x̃_t[d] (selective_scan_ref's Euler
 * input term), y_t[d] = Σ_n C_t[n]·s_t[d,n] + D[d]·x̃_t[d]. Forward and backward: kernel.ts.
 */
import { shapesFromInfo } from '../../family/model';
import { S6 } from './info';
import { s6Backward, s6Forward } from './kernel';
import { s6Scan } from './scan';
import { s6Walk } from './walk';
import type { FamilyCell } from '../../family/types';
import { createS6Workspace } from './workspace';
import type { S6Workspace } from './workspace';

export type { S6Workspace } from './workspace';

export const s6Cell: FamilyCell<S6Workspace> = {
  id: 's6',
  paramShapes: shapesFromInfo(S6),
  readoutWidth: S6.readoutWidth,
  truncates: true,
  takesH0: false,
  createWorkspace: createS6Workspace,
  forward: s6Forward,
  backward: s6Backward,
  walk: s6Walk,
  scan: s6Scan,
};
