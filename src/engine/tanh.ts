/**
 * tanh for the cells' hot loops. V8's Math.tanh goes through expm1 and
 * costs two to three times Math.exp here, which at small H is a tenth of a training step. tanh is
 * the Cephes algorithm (S. L. Moshier, tanh.c): a rational approximation in x² where |x| < 0.625,
 * where 1 − 2/(e^{2x} + 1) would lose digits to cancellation, and that formula elsewhere. It stays within
 * 3 units in the last place of Math.tanh (tests/engine/tanh.test.ts), so gradients still match PyTorch to ~1e−13.
 */

// Cephes' published coefficients, written as the doubles they round to.
import { exp } from './exp';

const P0 = -0.9643991794250523;
const P1 = -99.28772310019185;
const P2 = -1614.6876844170845;
const Q0 = 112.81167849163293;
const Q1 = 2235.4883906010045;
const Q2 = 4844.063053251255;

export function tanh(x: number): number {
  const s = x * x;
  // Signed, so no branch on the sign: e^{2x} overflows to ∞ above x ≈ 355 (giving exactly 1) and
  // goes to 0 below −355 (giving −1), which is tanh there in float64.
  if (s >= 0.390625) return 1 - 2 / (exp(2 * x) + 1);
  // NaN fails the comparison above and comes out of the polynomial as NaN.
  return x + (x * s * ((P0 * s + P1) * s + P2)) / (((s + Q0) * s + Q1) * s + Q2);
}
