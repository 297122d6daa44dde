import { colSumsAdd, gemmTN } from '../linalg';
import type { FamilyModel } from './types';

/**
 * The gradients of a linear layer y = W x + b of a family cell (W [out][inp] named
 * `${prefix}weight`, b [out] named `${prefix}bias`) from dOut, the gradient of y, [T·B][out] rows,
 * and its inputs x, [T·B][inp] rows. The product runs into `scratch`, an arena buffer of W's size
 * (so it takes the SIMD kernel, which needs every operand in the arena), then lands in W's dw.
 * Returns b's dw.
 */
export function linearGrads(
  model: FamilyModel,
  prefix: string,
  dOut: Float64Array,
  x: Float64Array,
  TB: number,
  out: number,
  inp: number,
  scratch: Float64Array,
): Float64Array {
  scratch.fill(0);
  gemmTN(out, inp, TB, dOut, 0, out, x, 0, inp, scratch, 0, inp);
  model.param(`${prefix}weight`).dw.set(scratch);
  const db = model.param(`${prefix}bias`).dw;
  db.fill(0);
  colSumsAdd(dOut, 0, TB, out, out, db);
  return db;
}

/**
 * The gradients of the input projection (`input.weight` [H][I], `input.bias` [H]; the RG-LRU, S6
 * and attention have one) from dx, the gradient of its output, [T·B][H] rows.
 */
export function inputProjectionGrads(
  model: FamilyModel,
  ws: { readonly inputs: Float64Array; readonly dwin: Float64Array },
  dx: Float64Array,
  TB: number,
  H: number,
  I: number,
): void {
  linearGrads(model, 'input.', dx, ws.inputs, TB, H, I, ws.dwin);
}
