/**
 * The RG-LRU's steps as scan pairs: a_t = exp(−c·r_t·softplus(Λ)) and b_t = √(1 − a_t²)·(i_t ⊙ x̃_t),
 * as the forward pass stored them (its gates see x̃_t only, so neither needs h_{t−1}).
 */
import type { FamilyScan } from '../../family/types';
import type { RglruWorkspace } from './workspace';

export const rglruScan: FamilyScan<RglruWorkspace> = {
  complex: false,
  pairs(_model, ws, seq, out) {
    const { T, B, H, a, mult, gates, xt } = ws;
    for (let t = 1; t <= T; t++) {
      const row = (t - 1) * B + seq;
      const o = row * H;
      const g = row * 2 * H;
      for (let k = 0; k < H; k++) {
        out.a[(t - 1) * H + k] = a[o + k]!;
        out.b[(t - 1) * H + k] = mult[o + k]! * (gates[g + H + k]! * xt[o + k]!);
      }
    }
  },
};
