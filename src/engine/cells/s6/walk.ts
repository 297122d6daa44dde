/**
 * S6's backward walk (engine/backward/familyWalk.ts). Δ depends on the input only, so one step back
 * multiplies the state's gradient by e_t = exp(Δ_t·A) elementwise over (d, n) (‖J_t‖₂ = max e_t);
 * the loss's own term at t is C_t[n]·∂L/∂y_t[d]; step t's copy of A_log gets
 * Σ_b δs_t·s_{t−1}·e_t·Δ_t·A (∂A/∂A_log = A), as kernel.ts sums it.
 */
import { exp } from '../../exp';
import { vectorTerms } from '../../backward/familyWalk';
import type { FamilyWalk } from '../../family/types';
import type { S6Workspace } from './workspace';

export const s6Walk: FamilyWalk<S6Workspace> = {
  kind: 'chain',
  stepBack(_model, ws, seq, t, u, out) {
    const { B, H, N, proj, A } = ws;
    const pr = ((t - 1) * B + seq) * (H + 2 * N);
    let top = 0;
    for (let d = 0; d < H; d++) {
      const delta = proj[pr + d]!;
      for (let n = 0; n < N; n++) {
        const j = d * N + n;
        const e = exp(delta * A[j]!);
        out[j] = e * u[j]!;
        top = Math.max(top, e);
      }
    }
    return top;
  },
  local(_model, ws, seq, t, out) {
    const { B, H, N, proj } = ws;
    const row = (t - 1) * B + seq;
    const c = row * (H + 2 * N) + H + N;
    for (let d = 0; d < H; d++)
      for (let n = 0; n < N; n++) out[d * N + n] = ws.dy[row * H + d]! * proj[c + n]!;
  },
  terms(_model, ws) {
    const { T, B, H, N, proj, A } = ws;
    const HN = H * N;
    const P = H + 2 * N;
    const s = ws.x; // steps 1..T, past trace.state's s_0 rows
    const ds = ws.trace.dState;
    const rows = new Float64Array(T * HN);
    // s_0 = 0: step 1's copy of A multiplies nothing, its term is 0.
    for (let t = 2; t <= T; t++) {
      for (let j = 0; j < HN; j++) {
        const d = Math.floor(j / N);
        let acc = 0;
        for (let b = 0; b < B; b++) {
          const row = (t - 1) * B + b;
          const delta = proj[row * P + d]!;
          const o = row * HN + j;
          acc += ds[o]! * s[o - B * HN]! * exp(delta * A[j]!) * delta;
        }
        rows[(t - 1) * HN + j] = acc * A[j]!;
      }
    }
    return [vectorTerms('A_log', rows, T, HN)];
  },
};
