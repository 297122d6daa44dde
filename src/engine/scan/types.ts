/**
 * The parallel scan's data: a diagonal linear recurrence h_t = a_t ⊙ h_{t−1} + b_t, one sequence,
 * as T pairs (a_t, b_t) per lane. A lane is one entry of a real state, or one complex unit of the
 * LRU (its Re and Im parts in the state's [Re; Im] halves). What a cell supplies to be scanned is
 * FamilyScan (family/types.ts): its pairs, read from an ordinary forward pass.
 */

/** T pairs over U lanes, [T][U] row-major; the imaginary parts are null for a real recurrence. */
export interface ScanPairs {
  readonly T: number;
  readonly U: number;
  /** Re a_t (the decay). */
  readonly a: Float64Array;
  /** Re b_t (the input term). */
  readonly b: Float64Array;
  /** Im a_t, or null. */
  readonly ai: Float64Array | null;
  /** Im b_t, or null. */
  readonly bi: Float64Array | null;
}

/** Fresh zeroed pairs. */
export function createPairs(T: number, U: number, complex: boolean): ScanPairs {
  const n = T * U;
  return {
    T,
    U,
    a: new Float64Array(n),
    b: new Float64Array(n),
    ai: complex ? new Float64Array(n) : null,
    bi: complex ? new Float64Array(n) : null,
  };
}

/** A copy (the levels a recorded scan keeps). */
export function clonePairs(p: ScanPairs): ScanPairs {
  return {
    T: p.T,
    U: p.U,
    a: p.a.slice(),
    b: p.b.slice(),
    ai: p.ai === null ? null : p.ai.slice(),
    bi: p.bi === null ? null : p.bi.slice(),
  };
}

/** Lane `u` alone, as pairs of one lane (what the view steps through). */
export function lanePairs(p: ScanPairs, u: number): ScanPairs {
  const out = createPairs(p.T, 1, p.ai !== null);
  for (let t = 0; t < p.T; t++) {
    out.a[t] = p.a[t * p.U + u]!;
    out.b[t] = p.b[t * p.U + u]!;
    if (p.ai !== null) out.ai![t] = p.ai[t * p.U + u]!;
    if (p.bi !== null) out.bi![t] = p.bi[t * p.U + u]!;
  }
  return out;
}
