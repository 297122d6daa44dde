/**
 * Functions the newer cells need beyond exp and log, built from the engine's own exp and log
 * (exp.ts, log.ts) so that a run gives the same bits in every JavaScript engine (Math.expm1 and
 * Math.log1p are not specified to the last place either).
 *
 * expm1 and log1p use the classic compensation tricks (Kahan's for expm1, Goldberg's for log1p,
 * see Higham, "Accuracy and Stability of Numerical Algorithms", §1.14.1): the rounding error of
 * 1 + x (or e^x) is cancelled by dividing by the log (or exp) of the rounded value, which keeps a
 * few-ulp relative accuracy where the naive forms lose every digit (tests/engine/special.test.ts).
 */
import { exp } from './exp';
import { log } from './log';

/** e^x − 1, accurate to a few ulps also for |x| ≪ 1. */
export function expm1(x: number): number {
  const u = exp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1) return -1;
  if (u === Infinity) return Infinity;
  return (um1 * x) / log(u);
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
