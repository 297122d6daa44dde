/**
 * Exact backpropagation through time over a batch: one forward pass recording every state the
 * panels draw, one explicit reverse loop over t that fills dL/dh_t (and dL/dc_t) and their norms as
 * it goes, then the weight gradients as a few big products over all T·B rows at once.
 *
 * Truncation (TBPTT window K, 0 < K < T): the backward pass does not carry dL/dh (nor dL/dc) from
 * step t into step t−1 whenever (T − t + 1) is a multiple of K, i.e. the graph is cut between steps
 * T−mK and T−mK+1 (m = 1, 2, …). This is PyTorch with h.detach() (and c.detach()) at those
 * boundaries; with a last-step loss the gradient reaches exactly K steps back. K ≥ T or 0 is full BPTT.
 */
import { CLASSIC_PARAM } from './cells/classic';
import { cellEngine } from './cells/registry';
import { allFinite, flagNonFinite } from './finite';
import { broadcastRows, gemmNT, norm2, transposeInto } from './linalg';
import { checkBatchFits, lastStepOnly, lossAndGrad } from './loss';
import type { Model } from './model';
import { readoutBackwardToH, readoutForward, scoredRows } from './bptt/readout';
import { clearGrads, finishGrads, foldChunk } from './bptt/weights';
import { packWeights } from './bptt/fused';
import { createClassicWorkspace, internals } from './bptt/workspace';
import type { Workspace, WorkspaceInternal } from './bptt/workspace';
import type { CellKernel } from './bptt/cell';
import { isCut } from './bptt/options';
import type { RunOptions } from './bptt/options';
import type { Batch, ModelSpec, Trace } from './types';

export type { Workspace } from './bptt/workspace';
export type { RunOptions } from './bptt/options';
export { isCut } from './bptt/options';

/**
 * Test hooks into the forward pass: `afterStep` runs once step t's states are written (to perturb
 * h_t or c_t, or to detach a state), `beforeReadout` once the time loop is done.
 */
export interface ForwardHooks {
  afterStep?(ws: WorkspaceInternal, t: number): void;
  beforeReadout?(ws: WorkspaceInternal): void;
}

/**
 * A hook into the backward pass: `afterStep` runs once step t's pre-activation gradients sit in
 * ws.dA / ws.dAhh at row offset `aOff` (B rows of G·H), before they are folded into the weight
 * gradients — what the backward walk reads to split ∂L/∂W_hh into one term per step.
 */
export interface BackwardHooks {
  afterStep?(ws: WorkspaceInternal, t: number, aOff: number): void;
}

/**
 * Buffers for one (model spec, T, B): the classic driver's for the classic cells, the cell's own
 * otherwise (its CellEngine.passes). `chunkRows` (default 256) sets how many T·B rows the backward
 * pass gathers before folding them into the weight gradients; tests lower it to exercise many chunks.
 */
export function createWorkspace(
  spec: ModelSpec,
  T: number,
  B: number,
  opts: { chunkRows?: number } = {},
): Workspace {
  const e = cellEngine(spec.cell);
  if (e.passes.kind === 'own') return e.passes.createWorkspace(spec, T, B, opts);
  const info = e.info;
  return createClassicWorkspace(
    spec,
    T,
    B,
    {
      G: e.passes.kernel.G,
      fused: e.passes.kernel.fused,
      cellState: info.cellState,
      gates: info.gates.length > 0,
      holds: info.controls.includes('holdForget'),
    },
    opts,
  );
}

/** The step kernel of a classic cell's workspace (looked up once per pass). */
function classicKernel(ws: WorkspaceInternal): CellKernel {
  const p = cellEngine(ws.cell).passes;
  if (p.kind !== 'classic') throw new TypeError(`${ws.cell} does not run on the classic driver`);
  return p.kernel;
}

/** The cell's own passes when it brings them, else null (the classic driver runs it). */
function ownPasses(ws: Workspace) {
  const p = cellEngine(ws.spec.cell).passes;
  return p.kind === 'own' ? p : null;
}

function checkCall(model: Model, batch: Batch, ws: WorkspaceInternal, opts: RunOptions): void {
  const s = model.spec;
  const w = ws.spec;
  if (
    s.cell !== w.cell ||
    s.inputSize !== w.inputSize ||
    s.hiddenSize !== w.hiddenSize ||
    s.outputSize !== w.outputSize
  ) {
    throw new RangeError('workspace was made for a different model spec');
  }
  checkBatchFits(batch, ws);
  const bh = ws.B * ws.H;
  if (opts.h0 !== undefined && opts.h0.length !== bh)
    throw new RangeError(`h0 must hold B·H = ${bh} numbers`);
  if (opts.c0 !== undefined && opts.c0.length !== bh)
    throw new RangeError(`c0 must hold B·H = ${bh} numbers`);
}

/** Forward pass: states, gates, readout, loss and dL/dŷ. Returns the loss (also in ws.trace.loss). */
export function runForward(
  model: Model,
  batch: Batch,
  wsPublic: Workspace,
  opts: RunOptions = {},
  hooks?: ForwardHooks,
): number {
  const own = ownPasses(wsPublic);
  if (own !== null) return own.runForward(model, batch, wsPublic, opts);
  const ws = internals(wsPublic);
  checkCall(model, batch, ws, opts);
  const { T, B, H, I, O, GH } = ws;
  const tr = ws.trace;
  const cell = classicKernel(ws);
  const hold = ws.holds ? (opts.holdForget ?? null) : null;
  tr.nonFinite = null;
  const bh = B * H;
  if (opts.h0 !== undefined) tr.h.set(opts.h0, 0);
  else tr.h.fill(0, 0, bh);
  if (tr.c !== null) {
    if (opts.c0 !== undefined) tr.c.set(opts.c0, 0);
    else tr.c.fill(0, 0, bh);
  }
  const bih = model.param(CLASSIC_PARAM.bih).w;
  const bhh = model.param(CLASSIC_PARAM.bhh).w;
  for (let j = 0; j < GH; j++) ws.bias[j] = bih[j]! + (cell.foldRecurrentBias ? bhh[j]! : 0);
  // Biases (and the GRU's input projection for all steps at once) straight into where each step's
  // pre-activations live.
  const proj = cell.projectIntoGates ? tr.gates! : tr.h;
  const pOff = cell.projectIntoGates ? 0 : bh;
  broadcastRows(proj, pOff, T * B, ws.bias);
  let whh = model.param(CLASSIC_PARAM.whh).w;
  if (ws.fused) packWeights(model, ws);
  else {
    // Copies beside the workspace's other buffers, so the GRU's products run in its arena.
    ws.inputs.set(batch.inputs);
    ws.whh.set(whh);
    whh = ws.whh;
    const wih = model.param(CLASSIC_PARAM.wih).w;
    gemmNT(T * B, GH, I, ws.inputs, 0, I, wih, 0, I, proj, pOff, GH, true);
  }

  for (let t = 1; t <= T; t++) {
    cell.forward(ws, whh, bhh, batch.inputs, t, hold);
    hooks?.afterStep?.(ws, t);
    if (tr.nonFinite === null) {
      if (tr.c !== null && !allFinite(tr.c, t * bh, bh))
        flagNonFinite(tr, { quantity: 'cell', step: t });
      else if (!allFinite(tr.h, t * bh, bh)) flagNonFinite(tr, { quantity: 'hidden', step: t });
    }
  }

  hooks?.beforeReadout?.(ws);
  const lastOnly = lastStepOnly(batch.loss);
  const { t0, rows } = scoredRows(ws, lastOnly);
  readoutForward(ws, model.param('readout.weight'), model.param('readout.bias'), t0, rows);
  ws.dY.fill(0);
  const loss = lossAndGrad(batch.loss, rows, O, tr.outputs, (t0 - 1) * B * O, batch.targets, ws.dY);
  tr.loss = loss;
  if (!Number.isFinite(loss)) flagNonFinite(tr, { quantity: 'loss', step: 0 });
  return loss;
}

/** Forward only: the loss, for finite differences. Also fills the forward part of ws.trace. */
export function forwardLoss(
  model: Model,
  batch: Batch,
  ws: Workspace,
  opts: RunOptions = {},
): number {
  return runForward(model, batch, ws, opts);
}

/**
 * Forward and backward: fills ws.trace and overwrites every param.dw. Never throws on NaN/∞ values.
 * `hooks` apply to the classic driver only (a family with its own passes ignores them).
 */
export function forwardBackward(
  model: Model,
  batch: Batch,
  wsPublic: Workspace,
  opts: RunOptions = {},
  hooks?: BackwardHooks,
): Trace {
  const own = ownPasses(wsPublic);
  if (own !== null) return own.forwardBackward(model, batch, wsPublic, opts);
  runForward(model, batch, wsPublic, opts);
  const ws = internals(wsPublic);
  const { T, B, H, GH } = ws;
  const tr = ws.trace;
  const cell = classicKernel(ws);
  const hold = ws.holds ? (opts.holdForget ?? null) : null;
  const K = opts.truncate ?? 0;
  const bh = B * H;
  const W = model.param('readout.weight');
  const { t0, rows } = scoredRows(ws, lastStepOnly(batch.loss));
  readoutBackwardToH(ws, W, t0, rows);
  transposeInto(model.param(CLASSIC_PARAM.whh).w, 0, GH, H, ws.whhT, 0, GH);
  tr.dh0.fill(0);
  ws.dcCarry.fill(0);
  clearGrads(model, ws);

  // Steps te down to ts form the current chunk; dA rows are (t − ts)·B.
  let te = T;
  let ts = Math.max(1, T - ws.chunk + 1);
  for (let t = T; t >= 1; t--) {
    const aOff = (t - ts) * B * GH;
    const off = (t - 1) * bh;
    const nh = norm2(tr.dh, off, bh);
    tr.dhNorm[t - 1] = nh;
    if (!Number.isFinite(nh)) flagNonFinite(tr, { quantity: 'dL/dh', step: t });
    const propagate = !isCut(T, K, t);
    const prev = t > 1 ? tr.dh : tr.dh0;
    const prevOff = t > 1 ? off - bh : 0;
    cell.backward(ws, t, aOff, hold, propagate, prev, prevOff);
    hooks?.afterStep?.(ws, t, aOff);
    if (tr.dc !== null && tr.dcNorm !== null) {
      const nc = norm2(tr.dc, off, bh);
      tr.dcNorm[t - 1] = nc;
      if (!Number.isFinite(nc)) flagNonFinite(tr, { quantity: 'dL/dc', step: t });
    }
    if (propagate) gemmNT(B, H, GH, ws.dAhh, aOff, GH, ws.whhT, 0, GH, prev, prevOff, H, true);
    if (t === ts) {
      foldChunk(model, batch, ws, ts, te, t0);
      te = ts - 1;
      ts = Math.max(1, te - ws.chunk + 1);
    }
  }
  finishGrads(model, ws);
  if (tr.dc0 !== null) tr.dc0.set(ws.dcCarry);

  for (const p of model.params) {
    if (!allFinite(p.dw, 0, p.dw.length)) {
      flagNonFinite(tr, { quantity: 'gradient', step: 0, param: p.name });
      break;
    }
  }
  return tr;
}
