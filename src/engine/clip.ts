/**
 * Gradient clipping by global norm (Pascanu, Mikolov & Bengio 2013, "On the difficulty of training
 * recurrent neural networks", Alg. 2: if ‖g‖ > θ then g ← θ·g/‖g‖; their threshold θ = 1.0), with
 * torch.nn.utils.clip_grad_norm_'s exact arithmetic: coef = θ / (‖g‖ + 1e-6), clamped to ≤ 1.
 */
import type { Param } from './types';

/** Pascanu et al.'s threshold, our default. */
export const DEFAULT_CLIP_NORM = 1.0;

/**
 * ‖g‖ = scale·ratio. Squares of ordinary gradients are summed directly, so the result matches
 * torch's to rounding (torch takes per-tensor norms first, then the norm of those). Only when the
 * largest |g_k| is so big or small that squaring could overflow or underflow do we divide by it
 * first (the LAPACK dnrm2 idea), so the norm stays finite and nonzero whenever it is representable. NaN anywhere gives NaN; ±∞ (and no NaN) gives +∞.
 */
function scaledNorm(params: readonly Param[]): { scale: number; ratio: number } {
  let max = 0;
  for (const p of params) {
    const dw = p.dw;
    for (let k = 0; k < dw.length; k++) {
      const a = Math.abs(dw[k]!);
      if (a > max) max = a;
      else if (a !== a) return { scale: NaN, ratio: NaN };
    }
  }
  // The scan above went on past an ∞, so a NaN anywhere has already returned.
  if (max === Infinity) return { scale: Infinity, ratio: 1 };
  if (max === 0) return { scale: 0, ratio: 0 };
  const direct = max > 1e-140 && max < 1e140;
  const s = direct ? 1 : max;
  let sum = 0;
  for (const p of params) {
    const dw = p.dw;
    if (direct) {
      for (let k = 0; k < dw.length; k++) sum += dw[k]! * dw[k]!;
    } else {
      for (let k = 0; k < dw.length; k++) {
        const x = dw[k]! / s;
        sum += x * x;
      }
    }
  }
  return { scale: s, ratio: Math.sqrt(sum) };
}

/** Global L2 norm √(Σ over all parameters of Σ dw_k²); NaN if any dw_k is NaN, +∞ if any is ±∞. */
export function gradNorm(params: readonly Param[]): number {
  const { scale, ratio } = scaledNorm(params);
  return scale * ratio;
}

export interface ClipResult {
  /** Pre-clip global norm ‖g‖ (NaN or +∞ when the gradient is not finite). */
  readonly norm: number;
  /** True when the gradients were scaled down (coef < 1). */
  readonly clipped: boolean;
}

/**
 * Scale every dw in place by min(1, θ/(‖g‖ + 1e-6)) and return the pre-clip norm.
 * θ ≤ 0 (or NaN) turns clipping off: the norm is still measured, nothing is changed.
 * A non-finite gradient (norm NaN or +∞) is left untouched and reported with clipped = false, so the
 * caller sees the divergence instead of a gradient silently zeroed or turned to NaN by the scaling.
 * A norm that overflows although every dw is finite is still clipped, with the coefficient computed
 * from the scaled norm.
 */
export function clipGradNorm(params: readonly Param[], maxNorm: number): ClipResult {
  const { scale, ratio } = scaledNorm(params);
  const norm = scale * ratio;
  if (!(maxNorm > 0) || Number.isNaN(norm) || scale === Infinity) return { norm, clipped: false };
  // When norm overflowed from finite parts, θ/(norm + 1e-6) = (θ/scale)/ratio to double precision.
  const coef = norm === Infinity ? maxNorm / scale / ratio : maxNorm / (norm + 1e-6);
  if (!(coef < 1)) return { norm, clipped: false };
  for (const p of params) {
    const dw = p.dw;
    for (let k = 0; k < dw.length; k++) dw[k] = dw[k]! * coef;
  }
  return { norm, clipped: true };
}
