import type { OptimizerKind } from '../types';

/** What an optimizer touches of a parameter (the classic cells' Param and the families' alike). */
export interface Trainable {
  readonly w: Float64Array;
  readonly dw: Float64Array;
}

/**
 * A first-order optimizer over a fixed list of parameters. `step()` reads every `Param.dw` and
 * updates `Param.w` in place with PyTorch's rule for its kind; it allocates nothing.
 */
export interface Optimizer {
  readonly kind: OptimizerKind;
  /** Learning rate η, read at every step, so it may be changed between steps (as torch's param_groups[0]['lr']). */
  lr: number;
  /** One update w ← w − η·(rule applied to dw). */
  step(): void;
  /** Forget all state (momentum buffers, Adam moments, step count), as a freshly built optimizer. */
  reset(): void;
}

export interface OptimizerOptions {
  /** Learning rate η > 0. */
  lr: number;
  /** Momentum μ for 'momentum' (torch.optim.SGD momentum, dampening 0, no Nesterov); default 0.9. */
  momentum?: number;
  /** Adam's (β1, β2); default (0.9, 0.999). */
  betas?: [number, number];
  /** Adam's ε, added to √v̂; default 1e-8. */
  eps?: number;
  /** L2 penalty λ added to the gradient (g ← g + λ·w) before the rule, as torch's weight_decay; default 0. */
  weightDecay?: number;
}
