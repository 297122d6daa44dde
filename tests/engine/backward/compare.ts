/** What the backward-walk tests compare with: a fixture's nested arrays flattened, a relative gap. */
export type Nested = number | Nested[];

export const flat = (x: Nested): number[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);

/** Largest |a − b| over the largest |b| (the absolute gap when b is all zero). */
export const rel = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  let s = 0;
  for (let k = 0; k < b.length; k++) {
    d = Math.max(d, Math.abs(a[k]! - b[k]!));
    s = Math.max(s, Math.abs(b[k]!));
  }
  return s === 0 ? d : d / s;
};
