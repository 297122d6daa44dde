/** S6's snapshot frame: its decays exp(Δₜ·A), A as the pass used it, ∂L/∂s_T carried back. */
import { carriedNorms, gateOffset, histogram, NO_FRAME, type CellFrame } from '../../family/frame';

export const frame: CellFrame = (_model, tr, seq, truncate) => {
  const { T, H } = tr;
  const g = tr.gates!;
  const N = tr.S / H;
  // A as the pass used it, and A_log = ln(−A) for the rates.
  const A = tr.A!.slice();
  const aLog = A.map((v) => Math.log(-v));
  const carried = carriedNorms(tr, truncate, (t, b, out) => {
    const o = gateOffset(tr, 'delta', t, b);
    for (let d = 0; d < H; d++) {
      const delta = g[o + d] as number;
      for (let n = 0; n < N; n++) out[d * N + n] = Math.exp(delta * (A[d * N + n] as number));
    }
  });
  // log₁₀ u = log₁₀ Δ + A_log / ln 10, since u = −ln exp(ΔA) = Δ·exp(A_log).
  const decays = histogram(
    T * H * N,
    (emit) => {
      for (let t = 1; t <= T; t++) {
        const o = gateOffset(tr, 'delta', t, seq);
        for (let d = 0; d < H; d++) {
          const ld = Math.log10(g[o + d] as number);
          for (let n = 0; n < N; n++) emit(ld + (aLog[d * N + n] as number) / Math.LN10);
        }
      }
    },
    T,
  );
  return { ...NO_FRAME, carried, decays, A };
};
