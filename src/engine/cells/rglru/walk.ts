/**
 * The RG-LRU's backward walk (engine/backward/familyWalk.ts). The gates see only the input, so one
 * step back multiplies the state's gradient by a_t elementwise (‖J_t‖₂ = max a_t), and step t's
 * copy of Λ (a_param) gets Σ_b ∂L/∂ℓ_t · (−c·r_t) · σ(Λ), with ∂L/∂ℓ_t as kernel.ts computes it.
 */
import { readoutTerm, vectorTerms } from '../../backward/familyWalk';
import type { FamilyWalk } from '../../family/types';
import { sigmoid } from '../../special';
import { RGLRU_C } from './kernel';
import type { RglruWorkspace } from './workspace';

export const rglruWalk: FamilyWalk<RglruWorkspace> = {
  kind: 'chain',
  stepBack(_model, ws, seq, t, u, out) {
    const { B, H, a } = ws;
    const o = ((t - 1) * B + seq) * H;
    let top = 0;
    for (let k = 0; k < H; k++) {
      out[k] = a[o + k]! * u[k]!;
      top = Math.max(top, a[o + k]!);
    }
    return top;
  },
  local: (_model, ws, seq, t, out) => readoutTerm(ws, seq, t, out),
  terms(model, ws) {
    const { T, B, H, xt, gates, a, mult } = ws;
    const h = ws.trace.state; // h_0 first (one block of B·H), so h_{t−1} of row r sits at r·H
    const d = ws.trace.dState;
    const lam = model.param('a_param').w;
    const rows = new Float64Array(T * H);
    for (let t = 1; t <= T; t++) {
      for (let k = 0; k < H; k++) {
        let s = 0;
        for (let b = 0; b < B; b++) {
          const row = (t - 1) * B + b;
          const o = row * H;
          const g = row * 2 * H;
          const at = a[o + k]!;
          const dl =
            d[o + k]! *
            (at * h[o + k]! - ((at * at) / mult[o + k]!) * gates[g + H + k]! * xt[o + k]!);
          s += dl * -RGLRU_C * gates[g + k]!;
        }
        rows[(t - 1) * H + k] = s * sigmoid(lam[k]!);
      }
    }
    return [vectorTerms('a_param', rows, T, H)];
  },
};
