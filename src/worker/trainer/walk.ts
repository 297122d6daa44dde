/**
 * The backward walk of the selected sequence, answered in two parts: at once, everything but
 * ‖J_t‖₂ (one extra forward/backward pass with the per-step terms, on the weights the latest trace
 * was computed from), then ‖J_t‖₂ from t = T down, in slices that leave the worker free for the
 * page's messages between them. A new request, a dispose or another trace cancels the slices.
 */
import { backwardWalk } from '../../engine/backward/walk';
import type { StepNormCursor } from '../../engine/backward/stepNorms';
import { PROTOCOL_VERSION } from '../protocol';
import type { BackwardMessage, FromWorker } from '../protocol';
import type { Trainer } from '../trainer';

/** Longest slice of norm computations before yielding to the page's messages. */
const SLICE_MS = 12;
/** Shortest gap between two `backwardNorms` messages (the last one goes out at once). */
const POST_GAP_MS = 100;

export interface WalkJob {
  /**
   * Computes and posts the walk of sequence `seq` of the trainer's latest trace, then its norms;
   * the messages name run `runId`.
   */
  request(t: Trainer, seq: number, runId?: number): void;
  cancel(): void;
}

export function createWalkJob(
  send: (msg: FromWorker) => void,
  now: () => number,
  yieldTo: (cb: () => void) => void,
): WalkJob {
  /** Bumped on every request and cancel: a slice of an older job sees it and stops. */
  let generation = 0;

  const runNorms = (
    gen: number,
    cursor: StepNormCursor,
    head: { runId: number; run: number; trace: number; seq: number },
  ) => {
    let perStep = SLICE_MS; // ms per norm, measured (the first slice takes one)
    let pending: number[] = [];
    let pendingFrom = cursor.next - 1;
    let lastPost = now();
    const flush = (done: boolean) => {
      if (pending.length === 0 && !done) return;
      send({
        v: PROTOCOL_VERSION,
        type: 'backwardNorms',
        ...head,
        from: pendingFrom,
        values: Float64Array.from(pending),
        done,
      });
      pending = [];
      pendingFrom = cursor.next - 1;
      lastPost = now();
    };
    const slice = () => {
      if (gen !== generation) return;
      const t0 = now();
      while (now() - t0 < SLICE_MS) {
        const count = Math.max(1, Math.floor((SLICE_MS - (now() - t0)) / perStep));
        const s = now();
        const r = cursor.take(count);
        if (r === null) break;
        perStep = Math.max(1e-3, (now() - s) / r.values.length);
        for (const x of r.values) pending.push(x);
      }
      const done = cursor.next <= 1;
      if (done || now() - lastPost >= POST_GAP_MS) flush(done);
      if (!done) yieldTo(slice);
    };
    yieldTo(slice);
  };

  return {
    request(t, seq, runId = 0) {
      const gen = ++generation;
      const { model, batch, opts } = t.traceInputs();
      const s = Math.min(Math.max(0, seq), batch.B - 1);
      const { walk, norms } = backwardWalk(model, batch, s, opts);
      const head = { runId, run: t.run, trace: t.traceVersion, seq: s };
      const msg: BackwardMessage = {
        v: PROTOCOL_VERSION,
        type: 'backward',
        runId,
        run: t.run,
        iteration: t.iteration,
        trace: t.traceVersion,
        cell: walk.cell,
        T: walk.T,
        B: walk.B,
        H: walk.H,
        S: walk.S,
        seq: s,
        loss: walk.loss,
        truncate: walk.truncate,
        dh: walk.dh,
        dh0: walk.dh0,
        norm: walk.norm,
        batchNorm: walk.batchNorm,
        local: walk.local,
        stateNorm: walk.stateNorm,
        carried: walk.carried,
        gain: walk.gain,
        product: walk.product,
        cut: walk.cut,
        dc: walk.dc,
        forget: walk.forget,
        beltGain: walk.beltGain,
        arcs: walk.arcs,
        rho: walk.rho,
        sigmaMax: walk.sigmaMax,
        refGate: walk.refGate,
        terms: walk.terms.map((p, k) => ({
          name: p.name,
          rows: p.rows,
          cols: p.cols,
          norms: p.norms,
          blocks: [...p.blocks],
          blockNorms: p.blockNorms,
          partial: p.partial,
          sumGap: walk.sumGap[k] ?? NaN,
        })),
      };
      send(msg);
      if (norms !== null) runNorms(gen, norms, head);
    },
    cancel() {
      generation++;
    },
  };
}
