/**
 * LRU (Orvieto et al. 2023, "Resurrecting recurrent neural networks for long sequences"), as the
 * contract defines it: complex state x_t ∈ C^H, λ = exp(−exp(ν_log) + i·exp(θ_log)),
 * x_t = λ ⊙ x_{t−1} + exp(γ_log) ⊙ ((B_re + i·B_im) u_t), x_0 = 0, y_t = [Re x_t; Im x_t].
 * The readout on [Re; Im] stands in for Re(C x_t) (so there is no separate C, and no D).
 * Forward and backward: kernel.ts; the ring initialization: init.ts.
 */
import { familyCell } from '../../family/model';
import { LRU } from './info';
import { lruBackward as backward, lruForward as forward } from './kernel';
import { lruWalk as walk } from './walk';
import { createLruWorkspace as createWorkspace } from './workspace';
import { lruScan as scan } from './scan';
import type { LruWorkspace } from './workspace';

export type { LruWorkspace } from './workspace';

export const lruCell = familyCell<LruWorkspace>(
  LRU,
  { truncates: true, takesH0: false },
  { createWorkspace, forward, backward, walk, scan },
);
