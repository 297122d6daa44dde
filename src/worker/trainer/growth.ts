/**
 * Why a run diverged: which parameter's updates blew up, and whether the gradient through time had
 * exploded or vanished when it happened. A run that dies because the readout's learning rate is
 * too large must not be reported as "exploding gradients" (the blow-up lesson: every unit
 * saturated, ‖∂L/∂h₁‖ exactly 0, readout.weight growing ×10⁸ per step).
 */
import { largestSingularValue } from '../../engine/spectralNorm';
import type { Param, ParamName, Trace } from '../../engine/types';

/** Iterations of weight norms kept, to measure growth over. */
export const GROWTH_WINDOW = 8;

export interface Diagnosis {
  /** The parameter whose norm grew the most (by factor) over the last iterations. */
  param: ParamName;
  /** Its norm that many iterations before, and after the update that went non-finite (may be ∞). */
  from: number;
  to: number;
  iterations: number;
  /**
   * log₁₀(‖∂L/∂h₁‖ / ‖∂L/∂h_T‖) of the last finite pass; null when ‖∂L/∂h₁‖ was exactly 0 (no
   * gradient through time at all).
   */
  throughTime: number | null;
  /**
   * Largest learning rate at which gradient descent on the readout alone is stable, 2/λ_max of the
   * squared-error loss's Hessian in the readout's weights (mse losses; else null).
   */
  readoutLrLimit: number | null;
}

function norm(w: Float64Array): number {
  let s = 0;
  for (const v of w) s += v * v;
  return Math.sqrt(s);
}

export function createGrowthLog(params: readonly Param[]) {
  const ring = params.map(() => new Float64Array(GROWTH_WINDOW));
  let n = 0;
  return {
    /** After each update: every parameter's norm. */
    record(): void {
      params.forEach((p, i) => (ring[i]![n % GROWTH_WINDOW] = norm(p.w)));
      n++;
    },
    clear(): void {
      n = 0;
    },
    /** Norms now (the update that blew up) against the oldest kept, per parameter. */
    worst(): { param: ParamName; from: number; to: number; iterations: number } | null {
      if (n === 0) return null;
      const back = Math.min(n, GROWTH_WINDOW);
      const oldest = (n - back) % GROWTH_WINDOW;
      let best: { param: ParamName; from: number; to: number; iterations: number } | null = null;
      let bestGrowth = -Infinity;
      params.forEach((p, i) => {
        const from = ring[i]![oldest]!;
        const to = norm(p.w);
        const growth = Number.isNaN(to) ? Infinity : Math.log(to) - Math.log(from);
        if (growth > bestGrowth) {
          bestGrowth = growth;
          best = { param: p.name, from, to: Number.isNaN(to) ? Infinity : to, iterations: back };
        }
      });
      return best;
    },
  };
}

/** log₁₀ ‖∂L/∂h₁‖/‖∂L/∂h_T‖, null when ‖∂L/∂h₁‖ = 0 (NaN when undefined). */
export function throughTime(tr: Trace): number | null {
  const first = tr.dhNorm[0] ?? NaN;
  const last = tr.dhNorm[tr.T - 1] ?? NaN;
  if (first === 0) return null;
  return Math.log10(first) - Math.log10(last);
}

/**
 * 2/λ_max for the readout of a squared-error loss: the loss is (1/(N·O))·Σ‖W z + b − y‖² over the N
 * scored rows z = h_t, so its Hessian in (W, b) is (2/(N·O))·ZᵀZ per output with Z's rows [z; 1].
 */
export function readoutLrLimit(tr: Trace, lastStepOnly: boolean): number {
  const { T, B, H, O } = tr;
  const rows = lastStepOnly ? B : T * B;
  const Z = new Float64Array(rows * (H + 1));
  for (let r = 0; r < rows; r++) {
    const off = (lastStepOnly ? T * B + r : B + r) * H; // h rows start at t = 1 (index B·H)
    Z.set(tr.h.subarray(off, off + H), r * (H + 1));
    Z[r * (H + 1) + H] = 1;
  }
  const s = largestSingularValue(Z, rows, H + 1);
  return 2 / ((2 / (rows * O)) * s * s);
}
