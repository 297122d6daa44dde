/**
 * Losses on the readout outputs ŷ (logits for cross-entropy), with their gradient dL/dŷ.
 *   mse_last:  mean over B·O of (ŷ_T − y)²            targets [B][O]
 *   mse_all:   mean over T·B·O of (ŷ_t − y_t)²         targets [T][B][O]
 *   xent_all:  PyTorch cross_entropy, mean over T·B     targets [T][B] class ids
 *   xent_last: cross-entropy at step T, mean over B     targets [B] class ids
 * For the *_last losses the readout runs on step T only; outputs at other steps stay 0.
 */
import { exp } from './exp';
import { log } from './log';
import type { AnyLossKind, Batch } from './types';

/** True when only the last step is scored (and the readout runs there only). */
export function lastStepOnly(loss: AnyLossKind): boolean {
  return loss === 'mse_last' || loss === 'xent_last';
}

/** Number of target values a batch must hold. */
export function targetLength(loss: AnyLossKind, T: number, B: number, O: number): number {
  switch (loss) {
    case 'mse_last':
      return B * O;
    case 'mse_all':
      return T * B * O;
    case 'xent_all':
      return T * B;
    case 'xent_last':
      return B;
  }
}

/** Throws unless the batch fits a workspace made for T, B, I inputs and O outputs. */
export function checkBatchFits(
  batch: Batch,
  ws: { T: number; B: number; I: number; O: number },
): void {
  if (batch.T !== ws.T || batch.B !== ws.B)
    throw new RangeError(
      `batch is T=${batch.T}, B=${batch.B} but the workspace is T=${ws.T}, B=${ws.B}`,
    );
  if (batch.inputs.length !== ws.T * ws.B * ws.I)
    throw new RangeError(`batch.inputs must hold T·B·I = ${ws.T * ws.B * ws.I} numbers`);
  const nt = targetLength(batch.loss, ws.T, ws.B, ws.O);
  if (batch.targets.length !== nt)
    throw new RangeError(`batch.targets must hold ${nt} numbers for ${batch.loss}`);
}

/**
 * Loss of `rows` scored rows of ŷ (at yOff, row length O) against the targets, writing dL/dŷ for
 * those rows into dY at the same offset. A class id that is not an integer in 0..O−1 (NaN included)
 * makes the loss NaN rather than throwing, so the caller's non-finite check reports it.
 */
export function lossAndGrad(
  loss: AnyLossKind,
  rows: number,
  O: number,
  y: Float64Array,
  yOff: number,
  targets: Float64Array,
  dY: Float64Array,
): number {
  let total = 0;
  if (loss === 'mse_last' || loss === 'mse_all') {
    const count = rows * O;
    const scale = 2 / count;
    for (let p = 0; p < count; p++) {
      const e = y[yOff + p]! - targets[p]!;
      total += e * e;
      dY[yOff + p] = scale * e;
    }
    return total / count;
  }
  const inv = 1 / rows;
  for (let r = 0; r < rows; r++) {
    const off = yOff + r * O;
    const id = targets[r]!;
    let mx = -Infinity;
    for (let j = 0; j < O; j++) mx = Math.max(mx, y[off + j]!);
    let se = 0;
    // exp and log of our own, not Math's: engines differ in Math's last place (see log.ts).
    for (let j = 0; j < O; j++) se += exp(y[off + j]! - mx);
    const lse = mx + log(se);
    const valid = Number.isInteger(id) && id >= 0 && id < O;
    total += valid ? lse - y[off + id]! : NaN;
    for (let j = 0; j < O; j++) {
      const pj = exp(y[off + j]! - lse);
      dY[off + j] = (pj - (j === id ? 1 : 0)) * inv;
    }
  }
  return total * inv;
}
