/** The LRU's snapshot frame: its eigenvalues λ now and as set, |λ| per unit, ∂L/∂x_T carried back. */
import {
  carriedNorms,
  gateOffset,
  histogram,
  lruLambda,
  NO_FRAME,
  type CellFrame,
} from '../../family/frame';

export const frame: CellFrame = (model, tr, _seq, truncate, start) => {
  const { T, H } = tr;
  const now = lruLambda(model.param('nu_log').w, model.param('theta_log').w);
  const nu0 = start.recurrent['nu_log'] ?? model.param('nu_log').w;
  const th0 = start.recurrent['theta_log'] ?? model.param('theta_log').w;
  const set = lruLambda(nu0, th0);
  // [Re x; Im x]: both halves of unit k decay by |λ_k|, as the pass traced it (the update that
  // followed has moved λ since).
  const g = tr.gates!;
  const carried = carriedNorms(tr, truncate, (t, b, out) => {
    const o = gateOffset(tr, 'lambda_abs', t, b);
    out.set(g.subarray(o, o + H), 0);
    out.set(g.subarray(o, o + H), H);
  });
  // |λ| now, per unit (the same at every step): −ln|λ| = exp(ν_log), exact even next to 1.
  const nu = model.param('nu_log').w;
  const decays = histogram(
    H,
    (emit) => {
      for (let k = 0; k < H; k++) emit((nu[k] as number) / Math.LN10);
    },
    T,
  );
  return { ...NO_FRAME, carried, decays, lambda: { ...now, re0: set.re, im0: set.im } };
};
