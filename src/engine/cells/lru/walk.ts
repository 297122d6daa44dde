/**
 * The LRU's backward walk (engine/backward/familyWalk.ts). One step back multiplies the state's
 * gradient δ = ∂L/∂Re x + i·∂L/∂Im x by conj(λ) per unit (a 2×2 rotation scaled by |λ|, so
 * ‖J_t‖₂ = max |λ|), and step t's copy of λ gets ∂L/∂λ⁽ᵗ⁾ = Σ_b δ_t·conj(x_{t−1}), chained to
 * ν_log and θ_log as kernel.ts does for the sum.
 */
import { exp } from '../../exp';
import { readoutTerm, vectorTerms } from '../../backward/familyWalk';
import type { FamilyWalk } from '../../family/types';
import type { LruWorkspace } from './workspace';

export const lruWalk: FamilyWalk<LruWorkspace> = {
  kind: 'chain',
  stepBack(_model, ws, _seq, _t, u, out) {
    const { H, lr, li, lamAbs } = ws;
    let top = 0;
    for (let k = 0; k < H; k++) {
      const ur = u[k]!;
      const ui = u[H + k]!;
      out[k] = lr[k]! * ur + li[k]! * ui;
      out[H + k] = lr[k]! * ui - li[k]! * ur;
      top = Math.max(top, lamAbs[k]!);
    }
    return top;
  },
  local: (_model, ws, seq, t, out) => readoutTerm(ws, seq, t, out),
  terms(model, ws) {
    const { T, B, H, lr, li } = ws;
    const H2 = 2 * H;
    const x = ws.x; // steps 1..T (trace.state keeps B·F zero rows before them)
    const d = ws.trace.dState;
    const nu = model.param('nu_log').w;
    const th = model.param('theta_log').w;
    const rowsNu = new Float64Array(T * H);
    const rowsTh = new Float64Array(T * H);
    // x_0 = 0: step 1's copy of λ multiplies nothing, its term is 0.
    for (let t = 2; t <= T; t++) {
      for (let k = 0; k < H; k++) {
        let gr = 0;
        let gi = 0;
        for (let b = 0; b < B; b++) {
          const row = ((t - 1) * B + b) * H2;
          const prev = row - B * H2;
          const dr = d[row + k]!;
          const di = d[row + H + k]!;
          const pr = x[prev + k]!;
          const pi = x[prev + H + k]!;
          gr += dr * pr + di * pi;
          gi += di * pr - dr * pi;
        }
        rowsNu[(t - 1) * H + k] = -exp(nu[k]!) * (gr * lr[k]! + gi * li[k]!);
        rowsTh[(t - 1) * H + k] = exp(th[k]!) * (gi * lr[k]! - gr * li[k]!);
      }
    }
    return [vectorTerms('nu_log', rowsNu, T, H), vectorTerms('theta_log', rowsTh, T, H)];
  },
};
