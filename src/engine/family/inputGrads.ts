import { colSumsAdd, gemmTN } from '../linalg';
import type { FamilyModel } from './types';

/**
 * The gradients of a family cell's input projection (`input.weight` [H][I], `input.bias` [H]; the
 * RG-LRU, S6 and attention have one) from dx, the gradient of its output, [T·B][H] rows. The
 * product runs into the workspace's arena copy `dwin` (so it takes the SIMD kernel, which needs
 * every operand in the arena), then lands in the parameter's dw.
 */
export function inputProjectionGrads(
  model: FamilyModel,
  ws: { readonly inputs: Float64Array; readonly dwin: Float64Array },
  dx: Float64Array,
  TB: number,
  H: number,
  I: number,
): void {
  ws.dwin.fill(0);
  gemmTN(H, I, TB, dx, 0, H, ws.inputs, 0, I, ws.dwin, 0, I);
  model.param('input.weight').dw.set(ws.dwin);
  const dbin = model.param('input.bias').dw;
  dbin.fill(0);
  colSumsAdd(dx, 0, TB, H, H, dbin);
}
