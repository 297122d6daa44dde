/**
 * The gate nonlinearities, one simple loop each, kept apart from the cells' state updates: with
 * the inlined exp, one loop body holding three sigmoids and two tanh outgrew what V8 inlines and
 * the LSTM step ran ~4 % slower than with Math.exp; as separate passes over data still in L1 it
 * is at least as fast. (Where WebAssembly SIMD is available the products no longer dominate, and
 * these passes are most of a small-H step; SIMD versions of them measured no faster in Node 20.)
 */
import { exp } from '../exp';
import { tanh } from '../tanh';

/** a[p] ← σ(a[p]) for from ≤ p < to. */
export function sigmoidRange(a: Float64Array, from: number, to: number): void {
  for (let p = from; p < to; p++) a[p] = 1 / (1 + exp(-a[p]!));
}

/** a[p] ← tanh(a[p]) for from ≤ p < to. */
export function tanhRange(a: Float64Array, from: number, to: number): void {
  for (let p = from; p < to; p++) a[p] = tanh(a[p]!);
}
