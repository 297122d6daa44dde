/**
 * The LSTM's state Jacobian over s = (h; c) (size 2H: rows and columns 0..H−1 are h, H..2H−1 are
 * c), because c_{t−1} reaches h_t through the gates' product with c and through the belt, so h
 * alone is not a state. Blocks:
 *   ∂c_t/∂h_{t−1} = diag(g·i(1−i))W_i + diag(c_{t−1}·f(1−f))W_f + diag(i(1−g²))W_g,  ∂c_t/∂c_{t−1} = diag(f),
 *   ∂h_t/∂h_{t−1} = diag(tanh c_t·o(1−o))W_o + diag(o(1−tanh² c_t))·∂c_t/∂h_{t−1},
 *   ∂h_t/∂c_{t−1} = diag(o(1−tanh² c_t)·f).
 * With holdForget the W_f term is absent (f does not depend on h).
 */
import type { CellJacobian } from '../engine';
import { preacts, sigmoid } from '../reference';

export const lstmJacobian: CellJacobian = {
  size: (s) => 2 * s.hiddenSize,
  step(model, trace, seq, t, out, opts) {
    const { B, H } = trace;
    const W = model.param('weight_hh_l0').w;
    const gates = trace.gates;
    const c = trace.c;
    if (gates === null || c === null)
      throw new RangeError('LSTM trace has no gates or cell states');
    const hNow = (t * B + seq) * H;
    const hPrev = ((t - 1) * B + seq) * H;
    const g0 = ((t - 1) * B + seq) * 4 * H;
    const HH = H * H;
    const hold = opts.holdForget !== undefined && opts.holdForget !== null;
    out.fill(0);
    for (let u = 0; u < H; u++) {
      const i = gates[g0 + u] as number;
      const f = gates[g0 + H + u] as number;
      const g = gates[g0 + 2 * H + u] as number;
      const o = gates[g0 + 3 * H + u] as number;
      const tc = Math.tanh(c[hNow + u] as number);
      const aI = g * i * (1 - i);
      const aF = hold ? 0 : (c[hPrev + u] as number) * f * (1 - f);
      const aG = i * (1 - g * g);
      const aO = tc * o * (1 - o);
      const gam = o * (1 - tc * tc);
      const hRow = u * 2 * H;
      const cRow = (H + u) * 2 * H;
      for (let j = 0; j < H; j++) {
        const k = u * H + j;
        const dc =
          aI * (W[k] as number) + aF * (W[HH + k] as number) + aG * (W[2 * HH + k] as number);
        out[cRow + j] = dc;
        out[hRow + j] = aO * (W[3 * HH + k] as number) + gam * dc;
      }
      out[cRow + H + u] = f;
      out[hRow + H + u] = gam * f;
    }
  },
  stateAt(trace, seq, t) {
    const { B, H } = trace;
    const off = (t * B + seq) * H;
    const s = new Float64Array(2 * H);
    s.set(trace.h.subarray(off, off + H), 0);
    s.set(trace.c!.subarray(off, off + H), H);
    return s;
  },
  reference(model, x, s, holdForget) {
    const H = model.spec.hiddenSize;
    const { ax, ah } = preacts(model, x, s.subarray(0, H), 4 * H);
    const out = new Float64Array(2 * H);
    for (let u = 0; u < H; u++) {
      const a = (k: number) => (ax[k * H + u] as number) + (ah[k * H + u] as number);
      const i = sigmoid(a(0));
      const f = holdForget ?? sigmoid(a(1));
      const g = Math.tanh(a(2));
      const o = sigmoid(a(3));
      const c = f * (s[H + u] as number) + i * g;
      out[H + u] = c;
      out[u] = o * Math.tanh(c);
    }
    return out;
  },
};
