/** What the diagonal recurrences' belts (their folders' pageText.ts) read a snapshot with. */

/** Column `offset` of a [T][stride] array. */
export function column(src: Float64Array, T: number, stride: number, offset: number): Float64Array {
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) out[t] = src[t * stride + offset] as number;
  return out;
}

/** S6: the slowest mode n of channel d (A[d, n] closest to 0) and its A. */
export function slowestMode(A: Float64Array, H: number, d: number): { n: number; a: number } {
  const N = A.length / H;
  let n = 0;
  for (let k = 1; k < N; k++) if ((A[d * N + k] as number) > (A[d * N + n] as number)) n = k;
  return { n, a: A[d * N + n] as number };
}

/** The valve of unit u when it is the first gate block (the LRU's |λ|, the RG-LRU's aₜ). */
export const firstGateColumn = (
  s: { T: number; gates: Float64Array | null },
  u: number,
): Float64Array | null => (s.gates === null ? null : column(s.gates, s.T, s.gates.length / s.T, u));
