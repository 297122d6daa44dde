/**
 * One forward + backward pass of a newer-family model over a batch: the cell's forward writes its
 * traced state and output y_t; the engine's readout and losses (bptt/readout.ts, loss.ts) score
 * it; the readout's backward gives dL/dy_t; the cell's backward (a reverse scan for the
 * recurrences, the softmax backward for attention) gives dL/d(state_t) and the cell's parameter
 * gradients. Per-step norms and non-finite checks are taken here, alike for every cell.
 */
import { allFinite } from '../finite';
import { norm2 } from '../linalg';
import { checkBatchFits, lastStepOnly, lossAndGrad } from '../loss';
import { readoutBackRows, readoutGradRows, readoutRows, scoredRows } from '../bptt/readout';
import type { Batch } from '../types';
import { FAMILY_CELLS } from './cells';
import type {
  FamilyHooks,
  FamilyModel,
  FamilyNonFinite,
  FamilyRunOptions,
  FamilyTrace,
  FamilyWorkspace,
} from './types';

export function createFamilyWorkspace(model: FamilyModel, T: number, B: number): FamilyWorkspace {
  return FAMILY_CELLS[model.id].createWorkspace(model.dims, T, B);
}

function flag(tr: FamilyTrace, nf: FamilyNonFinite): void {
  if (tr.nonFinite === null) tr.nonFinite = nf;
}

function checkCall(model: FamilyModel, batch: Batch, ws: FamilyWorkspace, opts: FamilyRunOptions) {
  if (model.id !== ws.id || JSON.stringify(model.dims) !== JSON.stringify(ws.dims))
    throw new RangeError('workspace was made for a different model');
  checkBatchFits(batch, ws);
  if (opts.h0 !== undefined) {
    if (!FAMILY_CELLS[model.id].takesH0) throw new RangeError(`${model.id} takes no h0`);
    if (opts.h0.length !== ws.B * ws.H)
      throw new RangeError(`h0 must hold B·H = ${ws.B * ws.H} numbers`);
  }
}

/** Forward pass: states, gates, outputs, loss and dL/dŷ. Returns the loss (also in trace.loss). */
export function familyForward(
  model: FamilyModel,
  batch: Batch,
  ws: FamilyWorkspace,
  opts: FamilyRunOptions = {},
  hooks?: FamilyHooks,
): number {
  checkCall(model, batch, ws, opts);
  const { T, B, F, O } = ws;
  const tr = ws.trace;
  tr.nonFinite = null;
  ws.inputs.set(batch.inputs);
  FAMILY_CELLS[model.id].forward(model, ws, opts, hooks);
  // The layer output y_t rather than the whole state: a NaN or ∞ anywhere in s_t reaches y_t
  // (0·∞ is NaN too), and S6's state is N times wider than its output.
  const bf = B * F;
  for (let t = 1; t <= T; t++) {
    if (!allFinite(ws.y, ws.yOff + (t - 1) * bf, bf)) {
      flag(tr, { quantity: 'hidden', step: t });
      break;
    }
  }
  const { t0, rows } = scoredRows(ws, lastStepOnly(batch.loss));
  const yOff = (t0 - 1) * B * O;
  tr.outputs.fill(0, 0, yOff);
  ws.wout.set(model.param('readout.weight').w);
  const xOff = ws.yOff + (t0 - 1) * B * F;
  readoutRows(rows, F, O, ws.y, xOff, ws.wout, model.param('readout.bias').w, tr.outputs, yOff);
  ws.dY.fill(0);
  tr.loss = lossAndGrad(batch.loss, rows, O, tr.outputs, yOff, batch.targets, ws.dY);
  if (!Number.isFinite(tr.loss)) flag(tr, { quantity: 'loss', step: 0 });
  return tr.loss;
}

/** Forward and backward: fills the trace and overwrites every param.dw. Never throws on NaN/∞. */
export function familyForwardBackward(
  model: FamilyModel,
  batch: Batch,
  ws: FamilyWorkspace,
  opts: FamilyRunOptions = {},
): FamilyTrace {
  familyForward(model, batch, ws, opts);
  const { T, B, F, O } = ws;
  const tr = ws.trace;
  for (const p of model.params) p.dw.fill(0);
  const { t0, rows } = scoredRows(ws, lastStepOnly(batch.loss));
  const yOff = (t0 - 1) * B * O;
  ws.dy.fill(0, 0, (t0 - 1) * B * F);
  readoutBackRows(rows, F, O, ws.dY, yOff, ws.wout, ws.woutT, ws.dy, (t0 - 1) * B * F);
  FAMILY_CELLS[model.id].backward(model, ws, opts);
  const bs = B * tr.S;
  for (let t = 1; t <= T; t++) {
    const n = norm2(tr.dState, (t - 1) * bs, bs);
    tr.dStateNorm[t - 1] = n;
    if (!Number.isFinite(n)) flag(tr, { quantity: 'dL/dh', step: t });
  }
  const W = model.param('readout.weight');
  const xOff = ws.yOff + (t0 - 1) * B * F;
  readoutGradRows(rows, F, O, ws.dY, yOff, ws.y, xOff, W.dw, model.param('readout.bias').dw);
  for (const p of model.params) {
    if (!allFinite(p.dw, 0, p.dw.length)) {
      flag(tr, { quantity: 'gradient', step: 0, param: p.name });
      break;
    }
  }
  return tr;
}
