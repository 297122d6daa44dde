/**
 * The RG-LRU's forward and backward. The gates see only x̃_t, so all of them come from two
 * products over every T·B row at once, before the scan; the scan itself is elementwise:
 *   h_t = a_t·h_{t−1} + m_t·(i_t·x̃_t),  a_t = exp(ℓ_t), ℓ_t = −c·r_t·softplus(Λ), m_t = √(1 − a_t²).
 * m_t is computed as √(−expm1(2ℓ_t)): 1 − a² by subtraction loses 4 of the 16 digits at a = 0.9999
 * and all of them as a → 1.
 * Backward: δ_t = ∂L/∂y_t + a_{t+1}·δ_{t+1} (a reverse scan, cut at TBPTT boundaries), and with
 * ∂m/∂ℓ = −a²/m,  ∂L/∂ℓ_t = δ_t·(a_t·h_{t−1} − (a_t²/m_t)·i_t·x̃_t); the gate pre-activations and
 * x̃'s gradient then go back through the two products, again over all rows at once. No cap on
 * ∂m/∂ℓ (the official code caps the √ gradient at 1000 for training; this is the exact one).
 */
import { isCut } from '../../bptt/options';
import { exp } from '../../exp';
import { broadcastRows, gemmNT, gemmTN, transposeInto } from '../../linalg';
import { expm1, sigmoid, softplus } from '../../special';
import { inputProjectionGrads } from '../../family/linearGrads';
import type { FamilyHooks, FamilyModel, FamilyRunOptions } from '../../family/types';
import type { RglruWorkspace } from './workspace';

/** Griffin's constant c in log a_t = −c·r_t·softplus(Λ). */
export const RGLRU_C = 8;

export function rglruForward(
  model: FamilyModel,
  ws: RglruWorkspace,
  opts: FamilyRunOptions,
  hooks?: FamilyHooks,
): void {
  const { T, B, I, H } = ws;
  const TB = T * B;
  const H2 = 2 * H;
  const { win, wg, xt, gates, a, mult, sp } = ws;
  win.set(model.param('input.weight').w);
  broadcastRows(xt, 0, TB, model.param('input.bias').w);
  gemmNT(TB, H, I, ws.inputs, 0, I, win, 0, I, xt, 0, H, true);
  wg.set(model.param('gate_a.weight').w, 0);
  wg.set(model.param('gate_x.weight').w, H * H);
  const ba = model.param('gate_a.bias').w;
  const bx = model.param('gate_x.bias').w;
  for (let r = 0; r < TB; r++) {
    gates.set(ba, r * H2);
    gates.set(bx, r * H2 + H);
  }
  gemmNT(TB, H2, H, xt, 0, H, wg, 0, H, gates, 0, H2, true);
  for (let p = 0; p < TB * H2; p++) gates[p] = sigmoid(gates[p]!);
  const lam = model.param('a_param').w;
  for (let k = 0; k < H; k++) sp[k] = softplus(lam[k]!);
  const h = ws.trace.state;
  const BH = B * H;
  if (opts.h0 !== undefined) h.set(opts.h0, 0);
  else h.fill(0, 0, BH);
  for (let t = 1; t <= T; t++) {
    for (let b = 0; b < B; b++) {
      const row = (t - 1) * B + b;
      const g = row * H2;
      const o = row * H;
      const hp = o; // h_{t−1} sits one block of B·H before h_t = h[BH + o]
      for (let k = 0; k < H; k++) {
        const la = -RGLRU_C * gates[g + k]! * sp[k]!;
        const at = exp(la);
        const m = Math.sqrt(-expm1(2 * la));
        a[o + k] = at;
        mult[o + k] = m;
        h[BH + o + k] = at * h[hp + k]! + m * (gates[g + H + k]! * xt[o + k]!);
      }
    }
    hooks?.afterStep?.(ws, t);
  }
  hooks?.beforeOutput?.(ws);
}

export function rglruBackward(
  model: FamilyModel,
  ws: RglruWorkspace,
  opts: FamilyRunOptions,
): void {
  const { T, B, I, H } = ws;
  const TB = T * B;
  const H2 = 2 * H;
  const BH = B * H;
  const K = opts.truncate ?? 0;
  const { xt, gates, a, mult, sp, dsp, dG, dxt } = ws;
  const h = ws.trace.state;
  const d = ws.trace.dState; // ∂L/∂y_t from the readout; the carry is added in place
  dsp.fill(0);
  for (let t = T; t >= 1; t--) {
    const carry = t < T && !isCut(T, K, t + 1);
    for (let b = 0; b < B; b++) {
      const row = (t - 1) * B + b;
      const o = row * H;
      const g = row * H2;
      if (carry) for (let k = 0; k < H; k++) d[o + k] = d[o + k]! + a[o + BH + k]! * d[o + BH + k]!;
      for (let k = 0; k < H; k++) {
        const delta = d[o + k]!;
        const at = a[o + k]!;
        const m = mult[o + k]!;
        const r = gates[g + k]!;
        const ig = gates[g + H + k]!;
        const x = xt[o + k]!;
        const dl = delta * (at * h[o + k]! - ((at * at) / m) * ig * x);
        dG[g + k] = dl * -RGLRU_C * sp[k]! * r * (1 - r);
        dsp[k] = dsp[k]! + dl * -RGLRU_C * r;
        dG[g + H + k] = delta * m * x * ig * (1 - ig);
        dxt[o + k] = delta * m * ig;
      }
    }
  }
  const d0 = ws.trace.dState0!;
  if (isCut(T, K, 1)) d0.fill(0);
  else for (let p = 0; p < BH; p++) d0[p] = a[p]! * d[p]!;

  const lam = model.param('a_param');
  for (let k = 0; k < H; k++) lam.dw[k] = dsp[k]! * sigmoid(lam.w[k]!);
  transposeInto(ws.wg, 0, H2, H, ws.wgT, 0, H2);
  gemmNT(TB, H, H2, dG, 0, H2, ws.wgT, 0, H2, dxt, 0, H, true);
  ws.dwg.fill(0);
  gemmTN(H2, H, TB, dG, 0, H2, xt, 0, H, ws.dwg, 0, H);
  model.param('gate_a.weight').dw.set(ws.dwg.subarray(0, H * H));
  model.param('gate_x.weight').dw.set(ws.dwg.subarray(H * H, 2 * H * H));
  const dba = model.param('gate_a.bias').dw;
  const dbx = model.param('gate_x.bias').dw;
  dba.fill(0);
  dbx.fill(0);
  for (let r = 0; r < TB; r++) {
    for (let k = 0; k < H; k++) {
      dba[k] = dba[k]! + dG[r * H2 + k]!;
      dbx[k] = dbx[k]! + dG[r * H2 + H + k]!;
    }
  }
  inputProjectionGrads(model, ws, dxt, TB, H, I);
}
