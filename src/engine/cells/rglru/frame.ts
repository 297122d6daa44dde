/** The RG-LRU's snapshot frame: its decays aₜ of the shown sequence, ∂L/∂h_T carried back by them. */
import { carriedNorms, gateOffset, histogram, NO_FRAME, type CellFrame } from '../../family/frame';

export const frame: CellFrame = (_model, tr, seq, truncate) => {
  const { T, H } = tr;
  const g = tr.gates!;
  const carried = carriedNorms(tr, truncate, (t, b, out) => {
    const o = gateOffset(tr, 'a', t, b);
    out.set(g.subarray(o, o + H));
  });
  const decays = histogram(
    T * H,
    (emit) => {
      for (let t = 1; t <= T; t++) {
        const o = gateOffset(tr, 'a', t, seq);
        for (let k = 0; k < H; k++) emit(Math.log10(-Math.log(g[o + k] as number)));
      }
    },
    T,
  );
  return { ...NO_FRAME, carried, decays };
};
