/**
 * The LRU's forward scan and its reverse. In real terms, with λ = λr + i·λi and the state stored as
 * [Re x; Im x] per row, step t is
 *   xr_t = λr·xr_{t−1} − λi·xi_{t−1} + γ·(B_re u_t),   xi_t = λr·xi_{t−1} + λi·xr_{t−1} + γ·(B_im u_t),
 * and the total derivative δ_t = ∂L/∂(Re x_t) + i·∂L/∂(Im x_t) (PyTorch's complex .grad) obeys
 *   δ_t = ∂L/∂y_t + conj(λ)·δ_{t+1},
 * a reverse scan (cut at TBPTT boundaries like bptt.ts). Parameter gradients: Σ_t δ_t·conj(x_{t−1})
 * gives ∂L/∂λ, chained to ν_log and θ_log; G = Σ δ_t u_tᵀ (one product over all T·B rows) gives
 * B's gradient (γ·G) and γ's (Σ B ⊙ G).
 */
import { isCut } from '../../bptt/options';
import { exp } from '../../exp';
import { gemmNT, gemmTN } from '../../linalg';
import { cos, sin } from '../../trig';
import type { FamilyHooks, FamilyModel, FamilyRunOptions } from '../../family/types';
import type { LruWorkspace } from './workspace';

export function lruForward(
  model: FamilyModel,
  ws: LruWorkspace,
  _opts: FamilyRunOptions,
  hooks?: FamilyHooks,
): void {
  const { T, B, I, H } = ws;
  const H2 = 2 * H;
  const nu = model.param('nu_log').w;
  const th = model.param('theta_log').w;
  const ga = model.param('gamma_log').w;
  const { lr, li, lamAbs, gamma, bcat } = ws;
  for (let k = 0; k < H; k++) {
    const m = exp(-exp(nu[k]!));
    const phi = exp(th[k]!);
    lamAbs[k] = m;
    lr[k] = m * cos(phi);
    li[k] = m * sin(phi);
    gamma[k] = exp(ga[k]!);
  }
  bcat.set(model.param('B_re').w, 0);
  bcat.set(model.param('B_im').w, H * I);
  const x = ws.x;
  // B u_t for every step at once, straight into the state rows; the scan then works in place.
  gemmNT(T * B, H2, I, ws.inputs, 0, I, bcat, 0, I, x, 0, H2, false);
  for (let t = 1; t <= T; t++) {
    for (let b = 0; b < B; b++) {
      const row = ((t - 1) * B + b) * H2;
      const prev = row - B * H2;
      if (t === 1) {
        for (let k = 0; k < H; k++) {
          x[row + k] = gamma[k]! * x[row + k]!;
          x[row + H + k] = gamma[k]! * x[row + H + k]!;
        }
        continue;
      }
      for (let k = 0; k < H; k++) {
        const pr = x[prev + k]!;
        const pi = x[prev + H + k]!;
        const ar = lr[k]!;
        const ai = li[k]!;
        x[row + k] = ar * pr - ai * pi + gamma[k]! * x[row + k]!;
        x[row + H + k] = ar * pi + ai * pr + gamma[k]! * x[row + H + k]!;
      }
    }
    hooks?.afterStep?.(ws, t);
  }
  hooks?.beforeOutput?.(ws);
}

export function lruBackward(model: FamilyModel, ws: LruWorkspace, opts: FamilyRunOptions): void {
  const { T, B, I, H } = ws;
  const H2 = 2 * H;
  const K = opts.truncate ?? 0;
  const x = ws.x;
  const d = ws.trace.dState; // holds ∂L/∂y_t from the readout; the scan adds the carry in place
  const { lr, li, glr, gli, gamma } = ws;
  glr.fill(0);
  gli.fill(0);
  for (let t = T; t >= 1; t--) {
    const carry = t < T && !isCut(T, K, t + 1);
    for (let b = 0; b < B; b++) {
      const row = ((t - 1) * B + b) * H2;
      if (carry) {
        const next = row + B * H2;
        for (let k = 0; k < H; k++) {
          const nr = d[next + k]!;
          const ni = d[next + H + k]!;
          const ar = lr[k]!;
          const ai = li[k]!;
          d[row + k] = d[row + k]! + ar * nr + ai * ni;
          d[row + H + k] = d[row + H + k]! + ar * ni - ai * nr;
        }
      }
      if (t === 1) continue;
      const prev = row - B * H2;
      for (let k = 0; k < H; k++) {
        const dr = d[row + k]!;
        const di = d[row + H + k]!;
        const pr = x[prev + k]!;
        const pi = x[prev + H + k]!;
        glr[k] = glr[k]! + dr * pr + di * pi;
        gli[k] = gli[k]! + di * pr - dr * pi;
      }
    }
  }
  const G = ws.dbcat;
  G.fill(0);
  gemmTN(H2, I, T * B, d, 0, H2, ws.inputs, 0, I, G, 0, I);
  const bre = model.param('B_re');
  const bim = model.param('B_im');
  const nu = model.param('nu_log');
  const th = model.param('theta_log');
  const ga = model.param('gamma_log');
  for (let k = 0; k < H; k++) {
    const g = gamma[k]!;
    let dg = 0;
    for (let i = 0; i < I; i++) {
      const gr = G[k * I + i]!;
      const gi = G[(H + k) * I + i]!;
      dg += bre.w[k * I + i]! * gr + bim.w[k * I + i]! * gi;
      bre.dw[k * I + i] = g * gr;
      bim.dw[k * I + i] = g * gi;
    }
    ga.dw[k] = g * dg;
    nu.dw[k] = -exp(nu.w[k]!) * (glr[k]! * lr[k]! + gli[k]! * li[k]!);
    th.dw[k] = exp(th.w[k]!) * (gli[k]! * lr[k]! - glr[k]! * li[k]!);
  }
}
