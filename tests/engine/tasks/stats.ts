/** Monte Carlo helpers for the task tests. */

/** Sample mean and its standard error. */
export function meanSE(xs: ArrayLike<number>): { mean: number; se: number } {
  const n = xs.length;
  let s = 0;
  for (let k = 0; k < n; k++) s += xs[k]!;
  const mean = s / n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (xs[k]! - mean) ** 2;
  return { mean, se: Math.sqrt(v / (n - 1) / n) };
}

/**
 * Cross-entropy (nats per prediction) of the best predictor that knows only the step t, never the
 * inputs: at each step it predicts the empirical class frequencies of that step's targets. For
 * targets [T][B] (or [B] with T = 1) this is Σ_t H(freq_t)·(1/T), the plug-in estimate of the
 * memoryless baseline. It is biased low by about (k−1)/(2N) nats per step with k classes seen.
 */
export function positionalEntropy(targets: Float64Array, T: number, B: number, O: number): number {
  let total = 0;
  for (let t = 0; t < T; t++) {
    const counts = new Float64Array(O);
    for (let b = 0; b < B; b++) {
      const c = targets[t * B + b]!;
      counts[c] = counts[c]! + 1;
    }
    for (const c of counts) if (c > 0) total -= (c / B) * Math.log(c / B);
  }
  return total / T;
}

/** Pearson χ² of observed counts against equal expected counts. */
export function chiSquareUniform(counts: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k]!;
  const e = n / counts.length;
  let x2 = 0;
  for (let k = 0; k < counts.length; k++) x2 += (counts[k]! - e) ** 2 / e;
  return x2;
}
