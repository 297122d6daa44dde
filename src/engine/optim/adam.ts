/**
 * Adam (Kingma & Ba 2015) exactly as torch.optim.Adam (amsgrad False, maximize False), step t = 1, 2, …:
 *   g ← dw + λ·w
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   w ← w − (η / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε)
 * Note where ε sits: it is added to the bias-corrected √v̂, not to v, and the bias correction of m is
 * folded into the step size, as torch does, so the rounding matches torch's to the last bits.
 */
import { exp } from '../exp';
import { log } from '../log';
import type { Trainable } from './types';
import type { Optimizer } from './types';

/**
 * b^t as e^(t·ln b) with the engine's own exp and log (plain arithmetic): the same bits in every
 * JavaScript engine, which `**` does not give (Node 20 and Chromium 156 differ in the last place
 * of 0.9 ** 4, and that one ulp in Adam's bias correction made a shared link's run part ways after
 * a few hundred steps). Relative error about (1 + |t·ln b|)·ε: tiny exactly where 1 − bᵗ cancels.
 */
export function powDet(b: number, t: number): number {
  return exp(t * log(b));
}

export function createAdam(
  params: readonly Trainable[],
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  weightDecay: number,
): Optimizer {
  const m = params.map((p) => new Float64Array(p.w.length));
  const v = params.map((p) => new Float64Array(p.w.length));
  let t = 0;
  return {
    kind: 'adam',
    lr,
    step() {
      t += 1;
      const stepSize = this.lr / (1 - powDet(beta1, t));
      const bc2Sqrt = Math.sqrt(1 - powDet(beta2, t));
      for (let i = 0; i < params.length; i++) {
        const { w, dw } = params[i]!;
        const mi = m[i]!;
        const vi = v[i]!;
        for (let k = 0; k < w.length; k++) {
          const g = weightDecay !== 0 ? dw[k]! + weightDecay * w[k]! : dw[k]!;
          const mk = mi[k]! * beta1 + (1 - beta1) * g;
          const vk = vi[k]! * beta2 + (1 - beta2) * (g * g);
          mi[k] = mk;
          vi[k] = vk;
          w[k] = w[k]! - stepSize * (mk / (Math.sqrt(vk) / bc2Sqrt + eps));
        }
      }
    },
    reset() {
      for (const a of m) a.fill(0);
      for (const a of v) a.fill(0);
      t = 0;
    },
  };
}
