/**
 * The GRU's state Jacobian ∂h_t/∂h_{t−1}, the full H×H through z, r, n and the z ⊙ h_{t−1} path.
 */
import type { CellJacobian } from '../engine';
import { hiddenAt, preacts, sigmoid } from '../reference';

export const gruJacobian: CellJacobian = {
  size: (s) => s.hiddenSize,
  step(model, trace, seq, t, out) {
    const { B, H } = trace;
    const W = model.param('weight_hh_l0').w;
    const bhh = model.param('bias_hh_l0').w;
    const gates = trace.gates;
    if (gates === null) throw new RangeError('GRU trace has no gates');
    const hPrev = ((t - 1) * B + seq) * H;
    const g0 = ((t - 1) * B + seq) * 3 * H;
    const HH = H * H;
    for (let u = 0; u < H; u++) {
      const r = gates[g0 + u] as number;
      const z = gates[g0 + H + u] as number;
      const nn = gates[g0 + 2 * H + u] as number;
      // W_hn h_{t−1} + b_hn, the term r multiplies; recomputed because the trace does not keep it.
      let m = bhh[2 * H + u] as number;
      for (let j = 0; j < H; j++)
        m += (W[2 * HH + u * H + j] as number) * (trace.h[hPrev + j] as number);
      const dn = (1 - z) * (1 - nn * nn);
      const aN = dn * r;
      const aR = dn * m * r * (1 - r);
      const aZ = ((trace.h[hPrev + u] as number) - nn) * z * (1 - z);
      for (let j = 0; j < H; j++) {
        out[u * H + j] =
          aR * (W[u * H + j] as number) +
          aZ * (W[HH + u * H + j] as number) +
          aN * (W[2 * HH + u * H + j] as number) +
          (u === j ? z : 0);
      }
    }
  },
  stateAt: hiddenAt,
  reference(model, x, s) {
    const H = model.spec.hiddenSize;
    const { ax, ah } = preacts(model, x, s, 3 * H);
    const out = new Float64Array(H);
    for (let u = 0; u < H; u++) {
      const r = sigmoid((ax[u] as number) + (ah[u] as number));
      const z = sigmoid((ax[H + u] as number) + (ah[H + u] as number));
      const n = Math.tanh((ax[2 * H + u] as number) + r * (ah[2 * H + u] as number));
      out[u] = (1 - z) * n + z * (s[u] as number);
    }
    return out;
  },
};
