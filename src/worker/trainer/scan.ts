/**
 * The parallel scan of the selected sequence (engine/scan/view.ts), on the weights and options the
 * latest trace was computed from, one lane shown: answers `analyze` `scan`. Throws (the session
 * answers `error`) for a cell that is not scannable.
 */
import { scanView } from '../../engine/scan/view';
import { PROTOCOL_VERSION } from '../protocol';
import type { ScanMessage } from '../protocol';
import type { Trainer } from '../trainer';

export function scanMessage(t: Trainer, seq: number, lane: number, runId: number): ScanMessage {
  const { model, batch, opts } = t.traceInputs();
  const s = Math.min(Math.max(0, seq), batch.B - 1);
  return {
    v: PROTOCOL_VERSION,
    type: 'scan',
    runId,
    run: t.run,
    trace: t.traceVersion,
    cell: model.spec.cell,
    seq: s,
    truncate: opts.truncate ?? 0,
    ...scanView(model, batch, s, lane, opts),
  };
}
