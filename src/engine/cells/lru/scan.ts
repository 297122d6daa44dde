/**
 * The LRU's steps as scan pairs: a_t = λ (the same every step, complex), b_t = γ ⊙ ((B_re + i·B_im) u_t),
 * recomputed from the forward pass's arena (it writes x in place over B u_t, so b is not kept).
 */
import type { FamilyScan } from '../../family/types';
import type { LruWorkspace } from './workspace';

export const lruScan: FamilyScan<LruWorkspace> = {
  complex: true,
  pairs(_model, ws, seq, out) {
    const { T, B, I, H, lr, li, gamma, bcat, inputs } = ws;
    for (let t = 1; t <= T; t++) {
      const u = ((t - 1) * B + seq) * I;
      const o = (t - 1) * H;
      for (let k = 0; k < H; k++) {
        let re = 0;
        let im = 0;
        for (let i = 0; i < I; i++) {
          re += bcat[k * I + i]! * inputs[u + i]!;
          im += bcat[(H + k) * I + i]! * inputs[u + i]!;
        }
        out.a[o + k] = lr[k]!;
        out.ai![o + k] = li[k]!;
        out.b[o + k] = gamma[k]! * re;
        out.bi![o + k] = gamma[k]! * im;
      }
    }
  },
};
