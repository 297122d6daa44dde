/**
 * Attention's forward and backward. The projections are products over all T·B rows; per sequence,
 * the scores Q·Kᵀ and the products with α run in row blocks of RB that stop at the block's last
 * column (the causal mask zeroes the rest), which halves the T² work at long T. Backward is the
 * standard softmax one: with dA = ∂L/∂α = dZ·Vᵀ, ∂L/∂scores = α ⊙ (dA − rowsum(α ⊙ dA)) / √H,
 * then dQ = dS·K, dK = dSᵀ·Q, dV = αᵀ·dZ; ∂L/∂e_t collects the residual, the three projections
 * and (through e) nothing else. The key bias's gradient is exactly zero (see below).
 */
import { exp } from '../../exp';
import { gemmNT, gemmTN, transposeInto } from '../../linalg';
import { inputProjectionGrads, linearGrads } from '../../family/linearGrads';
import type { FamilyHooks, FamilyModel, FamilyRunOptions } from '../../family/types';
import type { AttentionWorkspace } from './workspace';

/** Rows per causal block. */
const RB = 64;

/** Calls f for each block of RB rows [r0, r1) of T. */
function rowBlocks(T: number, f: (r0: number, r1: number) => void): void {
  for (let r0 = 0; r0 < T; r0 += RB) f(r0, Math.min(T, r0 + RB));
}

/** ws.tr ← columns [c, c + H) of sequence b's rows of qkv, transposed: [H][T]. */
function gatherT(ws: AttentionWorkspace, b: number, c: number): void {
  const { T, B, H } = ws;
  const H3 = 3 * H;
  for (let s = 0; s < T; s++) {
    const src = (s * B + b) * H3 + c;
    for (let h = 0; h < H; h++) ws.tr[h * T + s] = ws.qkv[src + h]!;
  }
}

export function attentionForward(
  model: FamilyModel,
  ws: AttentionWorkspace,
  _opts: FamilyRunOptions,
  hooks?: FamilyHooks,
): void {
  const { T, B, I, H } = ws;
  const TB = T * B;
  const H3 = 3 * H;
  const { win, wqkv, wo, qkv, z, alpha, pos } = ws;
  const e = ws.x;
  const bin = model.param('input.bias').w;
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++)
      for (let h = 0; h < H; h++) e[(t * B + b) * H + h] = bin[h]! + pos[t * H + h]!;
  win.set(model.param('input.weight').w);
  gemmNT(TB, H, I, ws.inputs, 0, I, win, 0, I, e, 0, H, true);
  for (let t = 1; t <= T; t++) hooks?.afterStep?.(ws, t);
  hooks?.beforeOutput?.(ws);
  wqkv.set(model.param('attn.in_proj_weight').w);
  const bqkv = model.param('attn.in_proj_bias').w;
  for (let r = 0; r < TB; r++) qkv.set(bqkv, r * H3);
  gemmNT(TB, H3, H, e, 0, H, wqkv, 0, H, qkv, 0, H3, true);
  const scale = 1 / Math.sqrt(H);
  for (let b = 0; b < B; b++) {
    const ab = b * T * T;
    rowBlocks(T, (r0, r1) => {
      const q = (r0 * B + b) * H3;
      gemmNT(r1 - r0, r1, H, qkv, q, B * H3, qkv, b * H3 + H, B * H3, alpha, ab + r0 * T, T, false);
    });
    for (let t = 0; t < T; t++) {
      const o = ab + t * T;
      let mx = -Infinity;
      for (let s = 0; s <= t; s++) mx = Math.max(mx, alpha[o + s]! * scale);
      let sum = 0;
      for (let s = 0; s <= t; s++) {
        const v = exp(alpha[o + s]! * scale - mx);
        alpha[o + s] = v;
        sum += v;
      }
      const inv = 1 / sum;
      for (let s = 0; s <= t; s++) alpha[o + s] = alpha[o + s]! * inv;
      alpha.fill(0, o + t + 1, o + T);
    }
    gatherT(ws, b, 2 * H);
    rowBlocks(T, (r0, r1) => {
      gemmNT(r1 - r0, H, r1, alpha, ab + r0 * T, T, ws.tr, 0, T, z, (r0 * B + b) * H, B * H, false);
    });
  }
  const y = ws.y;
  y.set(e);
  const bo = model.param('attn.out_proj.bias').w;
  for (let r = 0; r < TB; r++) for (let h = 0; h < H; h++) y[r * H + h] = y[r * H + h]! + bo[h]!;
  wo.set(model.param('attn.out_proj.weight').w);
  gemmNT(TB, H, H, z, 0, H, wo, 0, H, y, 0, H, true);
}

export function attentionBackward(
  model: FamilyModel,
  ws: AttentionWorkspace,
  _opts: FamilyRunOptions,
): void {
  const { T, B, I, H } = ws;
  const TB = T * B;
  const H3 = 3 * H;
  const { qkv, alpha, dS, dz, dqkv, z } = ws;
  const dy = ws.dy;
  const de = ws.trace.dState;
  const e = ws.x;
  de.set(dy);
  linearGrads(model, 'attn.out_proj.', dy, z, TB, H, H, ws.dwo);
  transposeInto(ws.wo, 0, H, H, ws.woT, 0, H);
  gemmNT(TB, H, H, dy, 0, H, ws.woT, 0, H, dz, 0, H, false);
  dqkv.fill(0);
  const scale = 1 / Math.sqrt(H); // the scores' scale, applied to dS below
  for (let b = 0; b < B; b++) {
    const ab = b * T * T;
    rowBlocks(T, (r0, r1) => {
      const dzo = (r0 * B + b) * H;
      gemmNT(r1 - r0, r1, H, dz, dzo, B * H, qkv, b * H3 + 2 * H, B * H3, dS, r0 * T, T, false);
      // dV rows r0..r1: Σ over t ≥ r0 of α_ts·dz_t (α is zero for t < s).
      const dvo = (r0 * B + b) * H3 + 2 * H;
      gemmTN(r1 - r0, H, T - r0, alpha, ab + r0 * T + r0, T, dz, dzo, B * H, dqkv, dvo, B * H3);
    });
    for (let t = 0; t < T; t++) {
      const o = t * T;
      const a = ab + t * T;
      let dot = 0;
      for (let s = 0; s <= t; s++) dot += alpha[a + s]! * dS[o + s]!;
      for (let s = 0; s <= t; s++) dS[o + s] = alpha[a + s]! * (dS[o + s]! - dot) * scale;
      dS.fill(0, o + t + 1, o + Math.min(T, (Math.floor(t / RB) + 1) * RB));
    }
    gatherT(ws, b, H);
    rowBlocks(T, (r0, r1) => {
      const qo = (r0 * B + b) * H3;
      gemmNT(r1 - r0, H, r1, dS, r0 * T, T, ws.tr, 0, T, dqkv, qo, B * H3, true);
      gemmTN(r1 - r0, H, T - r0, dS, r0 * T + r0, T, qkv, qo, B * H3, dqkv, qo + H, B * H3);
    });
  }
  const dbqkv = linearGrads(model, 'attn.in_proj_', dqkv, e, TB, H3, H, ws.dwqkv);
  // ∂L/∂b_k = Σ_t Σ_s dS_ts·q_t is exactly 0: softmax ignores a shift q_t·b_k shared by a whole row,
  // so Σ_s dS_ts = 0. Summed in floating point it is round-off (~1e−18); print the true value.
  dbqkv.fill(0, H, 2 * H);
  transposeInto(ws.wqkv, 0, H3, H, ws.wqkvT, 0, H3);
  gemmNT(TB, H, H3, dqkv, 0, H3, ws.wqkvT, 0, H3, de, 0, H, true);
  inputProjectionGrads(model, ws, de, TB, H, I);
}
