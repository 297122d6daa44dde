/**
 * Stochastic gradient descent, plain and with heavy-ball momentum, following torch.optim.SGD
 * (dampening 0, nesterov False):
 *   g ← dw + λ·w
 *   plain:    w ← w − η·g
 *   momentum: b ← g on the first step (torch clones the gradient into the empty buffer),
 *             b ← μ·b + g afterwards;  w ← w − η·b
 * With dampening 0 the clone equals starting from b = 0; we keep torch's form, which stays right
 * if dampening is ever added (torch's first step ignores dampening).
 */
import type { Trainable } from './types';
import type { Optimizer } from './types';

export function createSgd(
  params: readonly Trainable[],
  lr: number,
  weightDecay: number,
): Optimizer {
  return {
    kind: 'sgd',
    lr,
    step() {
      const eta = this.lr;
      for (const p of params) {
        const { w, dw } = p;
        for (let k = 0; k < w.length; k++) {
          const g = weightDecay !== 0 ? dw[k]! + weightDecay * w[k]! : dw[k]!;
          w[k] = w[k]! - eta * g;
        }
      }
    },
    reset() {},
  };
}

export function createMomentum(
  params: readonly Trainable[],
  lr: number,
  momentum: number,
  weightDecay: number,
): Optimizer {
  const buffers = params.map((p) => new Float64Array(p.w.length));
  let started = false;
  return {
    kind: 'momentum',
    lr,
    step() {
      const eta = this.lr;
      for (let i = 0; i < params.length; i++) {
        const { w, dw } = params[i]!;
        const b = buffers[i]!;
        for (let k = 0; k < w.length; k++) {
          const g = weightDecay !== 0 ? dw[k]! + weightDecay * w[k]! : dw[k]!;
          const bk = started ? momentum * b[k]! + g : g;
          b[k] = bk;
          w[k] = w[k]! - eta * bk;
        }
      }
      started = true;
    },
    reset() {
      for (const b of buffers) b.fill(0);
      started = false;
    },
  };
}
