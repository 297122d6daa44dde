/**
 * The LSTM belt, honestly: what the conveyor-belt picture promises, Π f along the cell state, next
 * to the full ∂c_T/∂c_t, which also flows c_t → h_t → gates → c_{t+1}. The two agree only when
 * nothing but the belt joins c_t to c_T (W_hh ≈ 0, or f held with W_hh = 0).
 */
import { cellInfo } from '../cells/catalog';
import type { Model } from '../model';
import { spectralNorm } from '../spectrum';
import { stepJacobian } from '../jacobian';
import type { JacobianOptions } from '../jacobian';
import type { Trace } from '../types';

export interface BeltCurves {
  /** [T][H]: Π_{s=t+1..T} f_s per unit, at offset (t−1)·H; 1 at t = T. */
  beltProduct: Float64Array;
  /** [T][H]: diagonal of the full ∂c_T/∂c_t (all paths, through h and the gates too). */
  fullDiag: Float64Array;
  /** [T]: spectral norm ‖∂c_T/∂c_t‖₂ of the full Jacobian. */
  fullNorm: Float64Array;
  /** [T]: largest |off-diagonal entry| of the full ∂c_T/∂c_t (0 when only the belt connects them). */
  offDiagMax: Float64Array;
}

/** Belt product and full cell-to-cell Jacobian for sequence `seq` of an LSTM trace. */
export function beltCurves(
  model: Model,
  trace: Trace,
  seq: number,
  opts: JacobianOptions = {},
): BeltCurves {
  const { cell, T, B, H } = trace;
  if (!cellInfo(cell).references.includes('prodF') || trace.gates === null)
    throw new RangeError(`the belt exists only for the LSTM, not ${cell}`);
  if (!Number.isInteger(seq) || seq < 0 || seq >= B)
    throw new RangeError(`sequence ${seq} outside 0..${B - 1}`);
  const gates = trace.gates;
  const n = 2 * H;
  const beltProduct = new Float64Array(T * H);
  const fullDiag = new Float64Array(T * H);
  const fullNorm = new Float64Array(T);
  const offDiagMax = new Float64Array(T);
  // R = the c-rows of ∂s_T/∂s_t (H × 2H over (h; c)); only those rows matter for ∂c_T/∂c_t,
  // so the full 2H × 2H product is never formed.
  let R = new Float64Array(H * n);
  let next = new Float64Array(H * n);
  const J = new Float64Array(n * n);
  const C = new Float64Array(H * H);
  for (let u = 0; u < H; u++) R[u * n + H + u] = 1;
  const belt = new Float64Array(H).fill(1);

  for (let t = T; t >= 1; t--) {
    if (t < T) {
      stepJacobian(model, trace, seq, t + 1, J, opts);
      next.fill(0);
      for (let u = 0; u < H; u++) {
        for (let k = 0; k < n; k++) {
          const a = R[u * n + k] as number;
          if (a === 0) continue;
          for (let j = 0; j < n; j++)
            next[u * n + j] = (next[u * n + j] as number) + a * (J[k * n + j] as number);
        }
      }
      [R, next] = [next, R];
      const fOff = (t * B + seq) * 4 * H + H; // f_{t+1}, stored at time offset t
      for (let u = 0; u < H; u++) belt[u] = (belt[u] as number) * (gates[fOff + u] as number);
    }
    let off = 0;
    for (let u = 0; u < H; u++) {
      for (let v = 0; v < H; v++) {
        const x = R[u * n + H + v] as number;
        C[u * H + v] = x;
        if (u !== v && !(Math.abs(x) <= off)) off = Math.abs(x);
      }
      fullDiag[(t - 1) * H + u] = C[u * H + u] as number;
    }
    beltProduct.set(belt, (t - 1) * H);
    offDiagMax[t - 1] = off;
    fullNorm[t - 1] = t === T ? 1 : spectralNorm(C, H, H);
  }
  return { beltProduct, fullDiag, fullNorm, offDiagMax };
}
