/**
 * S6's steps as scan pairs, one lane per (channel d, state n): a_t = exp(Δ_t[d]·A[d,n]) (the
 * forward pass's decays) and b_t = Δ_t[d]·B_t[n]·x̃_t[d] (Mamba's Euler input term), both from
 * Δ_t, B_t and x̃_t, which see the input only.
 */
import type { FamilyScan } from '../../family/types';
import type { S6Workspace } from './workspace';

export const s6Scan: FamilyScan<S6Workspace> = {
  complex: false,
  pairs(_model, ws, seq, out) {
    const { T, B, H, N, proj, xt, decay } = ws;
    const P = H + 2 * N;
    const HN = H * N;
    for (let t = 1; t <= T; t++) {
      const row = (t - 1) * B + seq;
      const pr = row * P;
      const o = (t - 1) * HN;
      for (let d = 0; d < H; d++) {
        const dx = proj[pr + d]! * xt[row * H + d]!;
        for (let n = 0; n < N; n++) {
          out.a[o + d * N + n] = decay[row * HN + d * N + n]!;
          out.b[o + d * N + n] = dx * proj[pr + H + n]!;
        }
      }
    }
  },
};
