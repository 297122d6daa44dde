/** Helpers for the cells' slow reference steps (the independent checks of their Jacobians). */
import type { Model } from '../model';

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Pre-activations W_ih x + b_ih and W_hh h + b_hh for every gate row, kept apart. */
export function preacts(
  model: Model,
  x: Float64Array,
  h: Float64Array,
  rows: number,
): { ax: Float64Array; ah: Float64Array } {
  const { inputSize: I, hiddenSize: H } = model.spec;
  const wih = model.param('weight_ih_l0').w;
  const whh = model.param('weight_hh_l0').w;
  const bih = model.param('bias_ih_l0').w;
  const bhh = model.param('bias_hh_l0').w;
  const ax = new Float64Array(rows);
  const ah = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sx = bih[r] as number;
    for (let j = 0; j < I; j++) sx += (wih[r * I + j] as number) * (x[j] as number);
    let sh = bhh[r] as number;
    for (let j = 0; j < H; j++) sh += (whh[r * H + j] as number) * (h[j] as number);
    ax[r] = sx;
    ah[r] = sh;
  }
  return { ax, ah };
}

/** h_t of sequence `seq` (t = 0..T) from a trace whose states are H wide. */
export function hiddenAt(
  trace: { h: Float64Array; B: number; H: number },
  seq: number,
  t: number,
): Float64Array {
  const off = (t * trace.B + seq) * trace.H;
  return trace.h.slice(off, off + trace.H);
}
