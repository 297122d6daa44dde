/**
 * The session's handlers of messages about one run (its view, analyses, weights, sweeps, leaving):
 * they touch that run only, never the transport.
 */
import { PROTOCOL_VERSION } from '../protocol';
import type { FromWorker } from '../protocol';
import { analysisMessage, gradcheckMessage } from './analysis';
import { scanMessage } from './scan';
import type { Handlers } from './sessionTypes';
import type { Slot, Slots } from './slots';
import type { Sweeps } from './sweeps';
import type { WalkJob } from './walk';

export interface RunContext {
  /** The run a message addresses (throws, naming it, when there is none). */
  slot(runId: number): Slot;
  slots: Slots;
  /** A change to one run: shown at once when paused, at the next gap while training. */
  changed(s: Slot): void;
  send(msg: FromWorker): void;
  sweeps: Sweeps;
  /** The backward walk of a run's selected sequence (walk.ts). */
  walks: WalkJob;
  /** Asks for a turn of the loop soon. */
  wake(): void;
}

type RunMessage =
  | 'setView'
  | 'analyze'
  | 'gradcheck'
  | 'loadWeights'
  | 'getWeights'
  | 'sweep'
  | 'cancelSweep'
  | 'drop';

export function runHandlers(c: RunContext): Pick<Handlers, RunMessage> {
  return {
    setView(msg) {
      const s = c.slot(msg.runId);
      s.view.seq = msg.seq;
      if (msg.gate !== undefined) s.view.gate = msg.gate;
      if (msg.detail !== undefined) s.view.detail = msg.detail;
      c.changed(s);
    },
    analyze(msg) {
      const s = c.slot(msg.runId);
      const t = s.trainer;
      if (msg.kind === 'backward') c.walks.request(t, s.view.seq, s.id);
      else if (msg.kind === 'scan') c.send(scanMessage(t, s.view.seq, msg.lane ?? 0, s.id));
      else
        c.send({
          ...analysisMessage(t, Math.min(s.view.seq, t.trace.B - 1), msg.kind),
          runId: s.id,
        });
    },
    gradcheck(msg) {
      const s = c.slot(msg.runId);
      c.send({ ...gradcheckMessage(s.trainer), runId: s.id });
    },
    loadWeights(msg) {
      const s = c.slot(msg.runId);
      s.trainer.loadWeights(msg.weights);
      s.snap.invalidate();
      s.stopped = false;
      c.changed(s);
    },
    getWeights(msg) {
      const s = c.slot(msg.runId);
      const { weights, shapes } = s.trainer.getWeights();
      c.send({ v: PROTOCOL_VERSION, type: 'weights', runId: s.id, weights, shapes });
    },
    sweep(msg) {
      c.sweeps.start(msg, c.slot(msg.runId).trainer);
      c.wake();
    },
    cancelSweep(msg) {
      c.sweeps.cancel(msg.id);
    },
    drop(msg) {
      c.slots.drop(msg.runId);
      c.sweeps.dropRun(msg.runId);
    },
  };
}
