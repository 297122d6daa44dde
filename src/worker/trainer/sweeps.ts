/**
 * The sweeps a session is running (sweep.ts does the work): each request becomes a generator that
 * the session advances in time slices between training slices, posting each point as it finishes
 * and `sweepDone` at the end, or at once when the page cancels it or drops its run.
 */
import { PROTOCOL_VERSION } from '../protocol';
import type { FromWorker, ParsedToWorker } from '../protocol';
import { sweepPoints } from '../sweep';
import type { SweepResult } from '../sweep';
import type { Trainer } from '../trainer';

interface Job {
  id: number;
  runId: number;
  points: Generator<SweepResult | null, void, void>;
}

export function createSweeps(send: (msg: FromWorker) => void, now: () => number) {
  let jobs: Job[] = [];
  const done = (j: Job, cancelled: boolean) =>
    send({ v: PROTOCOL_VERSION, type: 'sweepDone', runId: j.runId, id: j.id, cancelled });
  const cancelWhere = (pred: (j: Job) => boolean) => {
    const gone = jobs.filter(pred);
    jobs = jobs.filter((j) => !pred(j));
    for (const j of gone) done(j, true);
  };
  return {
    get busy() {
      return jobs.length > 0;
    },
    /** A sweep of `trainer`'s settings; 'current' measures a copy of its weights as they are now. */
    start(msg: Extract<ParsedToWorker, { type: 'sweep' }>, trainer: Trainer) {
      const weights =
        msg.from === 'current'
          ? Object.fromEntries(trainer.model.params.map((p) => [p.name, p.w.slice()]))
          : null;
      const points = sweepPoints({ ...trainer.config }, msg.Ts, { weights, budget: msg.budget });
      jobs.push({ id: msg.id, runId: msg.runId, points });
    },
    cancel: (id: number) => cancelWhere((j) => j.id === id),
    dropRun: (runId: number) => cancelWhere((j) => j.runId === runId),
    /** Advances the oldest job for up to `sliceMs`. */
    work(sliceMs: number): void {
      const t0 = now();
      while (jobs.length > 0 && now() - t0 < sliceMs) {
        const j = jobs[0]!;
        let r: IteratorResult<SweepResult | null, void>;
        try {
          r = j.points.next();
        } catch (e) {
          jobs.shift();
          send({
            v: PROTOCOL_VERSION,
            type: 'error',
            runId: j.runId,
            message: `sweep stopped: ${e instanceof Error ? e.message : String(e)}`,
          });
          done(j, true);
          continue;
        }
        if (r.done === true) {
          jobs.shift();
          done(j, false);
        } else if (r.value !== null) {
          send({ v: PROTOCOL_VERSION, type: 'sweepPoint', runId: j.runId, id: j.id, ...r.value });
        }
      }
    },
  };
}

export type Sweeps = ReturnType<typeof createSweeps>;
