/**
 * Functions the newer cells need beyond exp and log, built from the engine's own exp and log
 * (exp.ts, log.ts) so that a run gives the same bits in every JavaScript engine (Math.expm1 and
 * Math.log1p are not specified to the last place either).
 *
 * expm1 near 0 is 2t/(1 − t) with t = tanh(x/2), where the engine's tanh is a rational function
 * (tanh.ts, no exp); elsewhere e^x − 1 cancels less than one bit. log1p uses Goldberg's trick
 * (Higham, "Accuracy and Stability of Numerical Algorithms", §1.14.1): the rounding error of 1 + x
 * is cancelled by dividing by the rounded value's own log. Both keep a few-ulp relative accuracy
 * where the naive forms lose every digit (tests/engine/special.test.ts).
 */
import { exp } from './exp';
import { log } from './log';
import { tanh } from './tanh';

/** e^x − 1, accurate to a few ulps also for |x| ≪ 1; no exp or log for |x| < 1.25. */
export function expm1(x: number): number {
  if (x > -1.25 && x < 1.25) {
    const t = tanh(0.5 * x);
    return (2 * t) / (1 - t);
  }
  return exp(x) - 1;
}

/** ln(1 + x) for x > −1, accurate to a few ulps also for |x| ≪ 1. */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return log(u);
  return (log(u) * x) / (u - 1);
}

/**
 * softplus(x) = ln(1 + e^x), written as max(x, 0) + ln(1 + e^−|x|) so it neither overflows nor
 * loses digits. No threshold: PyTorch's F.softplus returns x itself above x = 20, a relative
 * difference below 1e−10 there.
 */
export function softplus(x: number): number {
  return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

/** σ(x) = 1 / (1 + e^−x), the derivative of softplus. */
export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

/**
 * softplus⁻¹(y) = ln(e^y − 1) = y + ln(1 − e^−y) for y > 0 (Mamba's Δ-bias initialization:
 * inv_dt = dt + log(−expm1(−dt))).
 */
export function softplusInverse(y: number): number {
  return y + log(-expm1(-y));
}
