/** Helpers shared by the classification tasks. */

/** Index of the largest of the O logits of step t, sequence b, in ŷ [T][B][O]; −1 if any is NaN. */
export function argmaxAt(
  outputs: Float64Array,
  B: number,
  O: number,
  t: number,
  b: number,
): number {
  const base = (t * B + b) * O;
  let best = 0;
  let bestVal = -Infinity;
  for (let o = 0; o < O; o++) {
    const v = outputs[base + o]!;
    if (v !== v) return -1;
    // Strict >: ties go to the lowest index, as torch.argmax.
    if (v > bestVal || o === 0) {
      best = o;
      bestVal = v;
    }
  }
  return best;
}

/** Accuracy at the last step against class ids [B] (xent_last). */
export function lastStepAccuracy(
  outputs: Float64Array,
  targets: Float64Array,
  T: number,
  B: number,
  O: number,
): number {
  let right = 0;
  for (let b = 0; b < B; b++) if (argmaxAt(outputs, B, O, T - 1, b) === targets[b]) right++;
  return right / B;
}

/** Accuracy over steps from..T−1 against class ids [T][B] (xent_all). */
export function stepsAccuracy(
  outputs: Float64Array,
  targets: Float64Array,
  T: number,
  B: number,
  O: number,
  from = 0,
): number {
  let right = 0;
  for (let t = from; t < T; t++) {
    for (let b = 0; b < B; b++) if (argmaxAt(outputs, B, O, t, b) === targets[t * B + b]) right++;
  }
  return (T - from) * B > 0 ? right / ((T - from) * B) : 0;
}

/** Shannon entropy −Σ p ln p (nats) of counts. */
export function entropy(counts: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < counts.length; k++) n += counts[k]!;
  let h = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    if (c > 0) h -= (c / n) * Math.log(c / n);
  }
  return h;
}

export function checkBatchSize(B: number): void {
  if (!Number.isInteger(B) || B < 1)
    throw new RangeError(`task: batch size must be a positive integer, got ${B}`);
}

/**
 * A batch's zeroed arrays after checking B: inputs [T][B][I], targets one per step ([T][B]) or
 * one per sequence ([B]).
 */
export function zeroBatch(
  T: number,
  B: number,
  I: number,
  targets: 'steps' | 'last',
): { inputs: Float64Array; targets: Float64Array } {
  checkBatchSize(B);
  return {
    inputs: new Float64Array(T * B * I),
    targets: new Float64Array(targets === 'steps' ? T * B : B),
  };
}

/**
 * Chance and solved levels of a recall task: S of T steps ask for one of V symbols, the rest are
 * blank. The memoryless baseline's cross-entropy is S·ln V / T; a tenth of it is solved. With
 * nothing to recall (S = 0) the baseline is always right, and any confident blank (p ≥ 0.99) solves.
 */
export function recallLevels(S: number, V: number, T: number) {
  const chanceLoss = (S * Math.log(V)) / T;
  return {
    chanceLoss,
    chanceAccuracy: S > 0 ? 1 / V : 1,
    solvedLoss: S > 0 ? chanceLoss / 10 : 0.01,
  };
}

/**
 * Chance and solved levels of a classification among n equally likely classes at the last step:
 * cross-entropy ln n; solved when the right class gets a mean probability of about 0.9 or more.
 */
export function classLevels(n: number) {
  return { chanceLoss: Math.log(n), chanceAccuracy: 1 / n, solvedLoss: 0.1 };
}

/**
 * Fraction of the steps with a non-blank target (class ≠ 0) whose argmax is right; 1 when no step
 * has one (nothing to recall: the memoryless baseline is then always right too).
 */
export function labelledAccuracy(
  outputs: Float64Array,
  batch: { T: number; B: number; targets: Float64Array },
  O: number,
): number {
  let right = 0;
  let n = 0;
  for (let t = 0; t < batch.T; t++)
    for (let b = 0; b < batch.B; b++) {
      const c = batch.targets[t * batch.B + b]!;
      if (c === 0) continue;
      n++;
      if (argmaxAt(outputs, batch.B, O, t, b) === c) right++;
    }
  return n === 0 ? 1 : right / n;
}
