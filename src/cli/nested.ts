/** What the grad CLI prints a tensor as: PyTorch's nested lists. */
export type Nested = number | Nested[];

/** Row-major data → nested arrays of the given dims. */
export function nest(data: Float64Array, off: number, dims: readonly number[]): Nested[] {
  const [n, ...rest] = dims;
  const stride = rest.reduce((a, b) => a * b, 1);
  const out: Nested[] = [];
  for (let i = 0; i < (n ?? 0); i++)
    out.push(rest.length === 0 ? data[off + i]! : nest(data, off + i * stride, rest));
  return out;
}
