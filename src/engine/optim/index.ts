import type { OptimizerKind } from '../types';
import type { Trainable } from './types';
import { createAdam } from './adam';
import { createMomentum, createSgd } from './sgd';
import type { Optimizer, OptimizerOptions } from './types';

export type { Optimizer, OptimizerOptions } from './types';

function check(name: string, x: number, ok: boolean): void {
  if (!ok) throw new RangeError(`optimizer: invalid ${name} ${x}`);
}

/**
 * Build an optimizer over `params` with PyTorch's update rule for `kind`. Defaults are torch's
 * (betas (0.9, 0.999), eps 1e-8, weight decay 0) except momentum, whose default here is 0.9
 * (torch's SGD defaults to 0, which is our 'sgd').
 */
export function createOptimizer(
  kind: OptimizerKind,
  params: readonly Trainable[],
  opts: OptimizerOptions,
): Optimizer {
  const { lr, momentum = 0.9, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 } = opts;
  check('lr', lr, Number.isFinite(lr) && lr >= 0);
  check('weightDecay', weightDecay, Number.isFinite(weightDecay) && weightDecay >= 0);
  switch (kind) {
    case 'sgd':
      return createSgd(params, lr, weightDecay);
    case 'momentum':
      check('momentum', momentum, Number.isFinite(momentum) && momentum >= 0);
      return createMomentum(params, lr, momentum, weightDecay);
    case 'adam':
      check('beta1', betas[0], betas[0] >= 0 && betas[0] < 1);
      check('beta2', betas[1], betas[1] >= 0 && betas[1] < 1);
      check('eps', eps, Number.isFinite(eps) && eps >= 0);
      return createAdam(params, lr, betas[0], betas[1], eps, weightDecay);
  }
}
