/**
 * Jacobians of the one-matrix recurrences h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh) (linear,
 * tanh RNN): ∂h_t/∂h_{t−1} = diag(φ′(h_t))·W_hh, with φ′ given as a function of h_t.
 */
import type { CellJacobian } from './engine';
import { hiddenAt, preacts } from './reference';

export function elementwiseJacobian(
  phi: (a: number) => number,
  dphi: (h: number) => number,
): CellJacobian {
  return {
    size: (s) => s.hiddenSize,
    step(model, trace, seq, t, out) {
      const { B, H } = trace;
      const W = model.param('weight_hh_l0').w;
      const hNow = (t * B + seq) * H;
      for (let u = 0; u < H; u++) {
        const d = dphi(trace.h[hNow + u] as number);
        for (let j = 0; j < H; j++) out[u * H + j] = d * (W[u * H + j] as number);
      }
    },
    stateAt: hiddenAt,
    reference(model, x, s) {
      const H = model.spec.hiddenSize;
      const { ax, ah } = preacts(model, x, s, H);
      const out = new Float64Array(H);
      for (let u = 0; u < H; u++) out[u] = phi((ax[u] as number) + (ah[u] as number));
      return out;
    },
  };
}
