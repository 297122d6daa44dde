import type { BeltData, BeltVariant } from '../charts/beltModel';
import { cellInfo } from '../engine/cells/catalog';
import type { Snapshot } from '../worker/protocol';
import { decayBeltColumns } from './familyBelt';

/**
 * Which belt picture a cell gets (its descriptor's `belt`): the linear cell multiplies like the
 * tanh RNN; attention (`arcs`) has no belt and is drawn by its own chart.
 */
export function beltVariant(cell: Snapshot['cell']): BeltVariant | 'arcs' {
  return cellInfo(cell).belt;
}

function column(src: Float64Array, T: number, stride: number, offset: number): Float64Array {
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) out[t] = src[t * stride + offset] as number;
  return out;
}

/**
 * Per-step columns of one unit from a snapshot ([T][H] states, [T][G·H] gates in PyTorch block
 * order i,f,g,o / r,z,n). The gradient band uses the batch-wide norm, as the gradient panel does.
 */
export function beltColumns(s: Snapshot, unit: number): BeltData {
  const { T, H } = s;
  const u = Math.max(0, Math.min(H - 1, unit));
  const variant = beltVariant(s.cell);
  if (variant === 'decay') return decayBeltColumns(s, u);
  if (variant === 'cellState' && s.cellState && s.gates) {
    const G = 4 * H;
    return {
      state: column(s.cellState, T, H, u),
      i: column(s.gates, T, G, u),
      f: column(s.gates, T, G, H + u),
      g: column(s.gates, T, G, 2 * H + u),
      o: column(s.gates, T, G, 3 * H + u),
      gradNorm: s.dcNorm ?? s.dhNorm,
    };
  }
  if (variant === 'update' && s.gates) {
    const G = 3 * H;
    return {
      state: column(s.hidden, T, H, u),
      z: column(s.gates, T, G, H + u),
      n: column(s.gates, T, G, 2 * H + u),
      gradNorm: s.dhNorm,
    };
  }
  return { state: column(s.hidden, T, H, u), jacobianNorms: s.stepJacNorms, gradNorm: s.dhNorm };
}
