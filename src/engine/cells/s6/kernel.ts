/**
 * S6's forward and backward. Δ, B_t and C_t depend on x̃_t only, so one product over all T·B rows
 * gives them before the scan; the scan is elementwise over (d, n). Backward, with e_t = exp(Δ_t A):
 *   δs_t = g_t[d]·C_t[n] + e_{t+1}·δs_{t+1}      (g_t = ∂L/∂y_t; a reverse scan, cut at TBPTT
 *                                                 boundaries)
 *   ∂L/∂Δ_t[d] = Σ_n δs_t·s_{t−1}·e_t·A + x̃_t[d]·Σ_n δs_t·B_t[n]
 *   ∂L/∂A     += δs_t·s_{t−1}·e_t·Δ_t,  ∂L/∂B_t[n] = Σ_d δs_t·Δ_t·x̃_t,  ∂L/∂C_t[n] = Σ_d g_t·s_t,
 * and the projections' gradients go back through one product each over all rows. e_t is
 * recomputed in the backward pass rather than stored (T·B·H·N numbers).
 */
import { isCut } from '../../bptt/options';
import { exp } from '../../exp';
import { broadcastRows, colSumsAdd, gemmNT, gemmTN, transposeInto } from '../../linalg';
import { log1p } from '../../special';
import { inputProjectionGrads } from '../../family/linearGrads';
import type { FamilyHooks, FamilyModel, FamilyRunOptions } from '../../family/types';
import type { S6Workspace } from './workspace';

/**
 * out[off + d·N + n] = exp(Δ[d]·A[d, n]) for one row (Δ at proj[pr..pr+H)). A loop of its own: in
 * the scans' longer loops V8 called exp instead of inlining it, boxing every result (the backward
 * pass ran 3× slower that way). Kept for the backward pass, which needs e_t and e_{t+1}.
 */
function decays(
  proj: Float64Array,
  pr: number,
  A: Float64Array,
  H: number,
  N: number,
  out: Float64Array,
  off: number,
): void {
  for (let d = 0; d < H; d++) {
    const dt = proj[pr + d]!;
    for (let n = 0; n < N; n++) out[off + d * N + n] = exp(dt * A[d * N + n]!);
  }
}

export function s6Forward(
  model: FamilyModel,
  ws: S6Workspace,
  _opts: FamilyRunOptions,
  hooks?: FamilyHooks,
): void {
  const { T, B, I, H, N } = ws;
  const TB = T * B;
  const P = H + 2 * N;
  const HN = H * N;
  const { win, wp, xt, proj, sig, A } = ws;
  win.set(model.param('input.weight').w);
  broadcastRows(xt, 0, TB, model.param('input.bias').w);
  gemmNT(TB, H, I, ws.inputs, 0, I, win, 0, I, xt, 0, H, true);
  wp.set(model.param('dt.weight').w, 0);
  wp.set(model.param('B.weight').w, H * H);
  wp.set(model.param('C.weight').w, H * H + N * H);
  const bdt = model.param('dt.bias').w;
  for (let r = 0; r < TB; r++) {
    proj.set(bdt, r * P);
    proj.fill(0, r * P + H, (r + 1) * P);
  }
  gemmNT(TB, P, H, xt, 0, H, wp, 0, H, proj, 0, P, true);
  for (let r = 0; r < TB; r++) {
    for (let k = 0; k < H; k++) {
      // σ(z) and softplus(z) from one exp: with u = e^−|z|, softplus = max(z, 0) + ln(1 + u).
      const z = proj[r * P + k]!;
      const u = exp(-Math.abs(z));
      sig[r * H + k] = z >= 0 ? 1 / (1 + u) : u / (1 + u);
      proj[r * P + k] = (z > 0 ? z : 0) + log1p(u);
    }
  }
  const aLog = model.param('A_log').w;
  for (let j = 0; j < HN; j++) A[j] = -exp(aLog[j]!);
  const s = ws.x;
  const e = ws.decay;
  const D = model.param('D').w;
  const y = ws.y;
  for (let t = 1; t <= T; t++) {
    for (let b = 0; b < B; b++) {
      const row = (t - 1) * B + b;
      const pr = row * P;
      const so = row * HN;
      const sp = so - B * HN;
      decays(proj, pr, A, H, N, e, so);
      for (let d = 0; d < H; d++) {
        const x = xt[row * H + d]!;
        const dx = proj[pr + d]! * x;
        const o = so + d * N;
        let acc = D[d]! * x;
        if (t === 1) {
          for (let n = 0; n < N; n++) {
            const v = dx * proj[pr + H + n]!;
            s[o + n] = v;
            acc += proj[pr + H + N + n]! * v;
          }
        } else {
          const op = sp + d * N;
          for (let n = 0; n < N; n++) {
            const v = e[o + n]! * s[op + n]! + dx * proj[pr + H + n]!;
            s[o + n] = v;
            acc += proj[pr + H + N + n]! * v;
          }
        }
        // y_t while s_t is in cache; a test that perturbs s_t (hooks) gets y recomputed below.
        y[row * H + d] = acc;
      }
    }
    hooks?.afterStep?.(ws, t);
  }
  hooks?.beforeOutput?.(ws);
  if (hooks === undefined) return;
  for (let row = 0; row < TB; row++) {
    const c = row * P + H + N;
    for (let d = 0; d < H; d++) {
      const o = row * HN + d * N;
      let acc = D[d]! * xt[row * H + d]!;
      for (let n = 0; n < N; n++) acc += proj[c + n]! * s[o + n]!;
      y[row * H + d] = acc;
    }
  }
}

export function s6Backward(model: FamilyModel, ws: S6Workspace, opts: FamilyRunOptions): void {
  const { T, B, I, H, N } = ws;
  const TB = T * B;
  const P = H + 2 * N;
  const HN = H * N;
  const K = opts.truncate ?? 0;
  const { xt, proj, sig, A, dA, dproj, dxt, dD } = ws;
  const e = ws.decay; // exp(Δ_t A), [T][B][H·N], from the forward pass
  const s = ws.x;
  const ds = ws.trace.dState;
  const g = ws.dy;
  const D = model.param('D').w;
  const BHN = B * HN;
  dA.fill(0);
  dD.fill(0);
  for (let t = T; t >= 1; t--) {
    const carry = t < T && !isCut(T, K, t + 1);
    for (let b = 0; b < B; b++) {
      const row = (t - 1) * B + b;
      const pr = row * P;
      const so = row * HN;
      dproj.fill(0, pr + H, pr + P);
      for (let d = 0; d < H; d++) {
        const gd = g[row * H + d]!;
        const delta = proj[pr + d]!;
        const x = xt[row * H + d]!;
        const o = so + d * N;
        let dDelta = 0;
        let q = 0;
        for (let n = 0; n < N; n++) {
          const j = d * N + n;
          let v = gd * proj[pr + H + N + n]!;
          if (carry) v += e[o + BHN + n]! * ds[o + BHN + n]!;
          ds[o + n] = v;
          if (t > 1) {
            const de = v * s[o - BHN + n]! * e[o + n]!;
            dDelta += de * A[j]!;
            dA[j] = dA[j]! + de * delta;
          }
          q += v * proj[pr + H + n]!;
          dproj[pr + H + n] = dproj[pr + H + n]! + v * delta * x;
          dproj[pr + H + N + n] = dproj[pr + H + N + n]! + gd * s[o + n]!;
        }
        dDelta += x * q;
        dproj[pr + d] = dDelta * sig[row * H + d]!;
        dxt[row * H + d] = delta * q + gd * D[d]!;
        dD[d] = dD[d]! + gd * x;
      }
    }
  }
  const aLog = model.param('A_log');
  for (let j = 0; j < HN; j++) aLog.dw[j] = dA[j]! * A[j]!;
  model.param('D').dw.set(dD);
  transposeInto(ws.wp, 0, P, H, ws.wpT, 0, P);
  gemmNT(TB, H, P, dproj, 0, P, ws.wpT, 0, P, dxt, 0, H, true);
  ws.dwp.fill(0);
  gemmTN(P, H, TB, dproj, 0, P, xt, 0, H, ws.dwp, 0, H);
  model.param('dt.weight').dw.set(ws.dwp.subarray(0, H * H));
  model.param('B.weight').dw.set(ws.dwp.subarray(H * H, H * H + N * H));
  model.param('C.weight').dw.set(ws.dwp.subarray(H * H + N * H, P * H));
  const dbdt = model.param('dt.bias').dw;
  dbdt.fill(0);
  colSumsAdd(dproj, 0, TB, H, P, dbdt);
  inputProjectionGrads(model, ws, dxt, TB, H, I);
}
