/**
 * The step-Jacobian norms ‖∂h_t/∂h_{t−1}‖₂ a snapshot carries (the RNN belt's valves), for the cells
 * whose step Jacobian is diag(φ′(h_t))·W_hh. They cost T Lanczos runs: 55–85 ms of CPU at H = 64,
 * T = 100, ~2 s at H = 128, T = 1000, far more than the rest of a snapshot, so they never hold up a
 * message from the page:
 * - a paused answer (a slider move) goes out without them (null, never the previous trace's); the
 *   session then computes them a slice at a time (`work`), dropping the job when another message
 *   changes the trace, and sends a complete snapshot;
 * - while training, each snapshot advances a job on a copy of one iteration's W_hh and states by at
 *   most a fifth of the time since the last snapshot (≤ 50 ms), and shows the latest finished
 *   norms (stepJacIteration says which iteration they are from).
 */
import { CLASSIC_PARAM } from '../engine/cells/classic';
import { cellInfo } from '../engine/cells/catalog';
import { stepJacNorms } from '../engine/jacobian/lanczos';
import type { StepJacNorms } from '../engine/jacobian/lanczos';
import type { Urgency } from './throttled';
import type { Trainer } from './trainer';

/** Shortest gap between finishing one set of norms and starting the next while training runs. */
const MIN_GAP_MS = 100;
/** While training, the norms take at most 1/BUDGET_FACTOR of the time, in pieces of ≤ MAX_PIECE_MS. */
const BUDGET_FACTOR = 5;
const MAX_PIECE_MS = 50;

export interface JacInput extends Urgency {
  running: boolean;
}

export interface JacNorms {
  /**
   * Brings the norms toward sequence `seq` of the trainer's trace: forced with forceSlow, now;
   * forced without, not at all (see `work`); while training, a piece of the running job. Returns
   * true when the norms shown are not this trace's (a paused caller owes a complete snapshot).
   */
  update(trainer: Trainer, seq: number, input: JacInput): boolean;
  /** What the snapshot shows: a copy, or null when there are none (or, when forced, none for this trace). */
  shown(trainer: Trainer, seq: number, input: JacInput): Float64Array | null;
  /** Iteration the norms shown were computed at. */
  readonly iteration: number;
  /** Paused: advances this trace's norms for about `budgetMs`; true when none are left to compute. */
  work(trainer: Trainer, seq: number, budgetMs: number): boolean;
  invalidate(): void;
}

interface Job {
  key: string;
  iteration: number;
  norms: StepJacNorms;
}

const dphiOf = (trainer: Trainer) => cellInfo(trainer.config.cell).stepJacobianDiag;
/** The norms depend on W_hh and the trace's hidden states (a new pass or a ρ move changes them). */
const keyOf = (trainer: Trainer, seq: number) =>
  `${trainer.run}:${trainer.traceVersion}:${trainer.whhVersion}:${seq}`;

/** A job on the live trace (paused: nothing changes it without changing the key first). */
function liveJob(trainer: Trainer, seq: number, dphi: (h: number) => number): Job {
  const tr = trainer.trace;
  const w = trainer.model.param(CLASSIC_PARAM.whh).w;
  const norms = stepJacNorms(w, tr.H, tr.h, tr.T, tr.B, seq, dphi);
  return { key: keyOf(trainer, seq), iteration: trainer.iteration, norms };
}

/** A job on copies of W_hh and sequence `seq`'s states, which training overwrites every step. */
function copiedJob(trainer: Trainer, seq: number, dphi: (h: number) => number): Job {
  const { H, T, B, h } = trainer.trace;
  const w = trainer.model.param(CLASSIC_PARAM.whh).w.slice(0, H * H);
  const rows = new Float64Array((T + 1) * H);
  for (let t = 0; t <= T; t++)
    rows.set(h.subarray((t * B + seq) * H, (t * B + seq + 1) * H), t * H);
  const norms = stepJacNorms(w, H, rows, T, 1, 0, dphi);
  return { key: keyOf(trainer, seq), iteration: trainer.iteration, norms };
}

export function createJacNorms(now: () => number): JacNorms {
  let value: Float64Array | null = null;
  let key = '';
  let iteration = 0;
  /** Paused (live inputs) and training (copied inputs) jobs in progress. */
  let paused: Job | null = null;
  let training: Job | null = null;
  let lastPiece = -Infinity;
  let lastDone = -Infinity;

  const finish = (job: Job) => {
    value = job.norms.out;
    key = job.key;
    iteration = job.iteration;
  };
  /** Advances `job` for about `budgetMs` (at least one step); true when it is done. */
  const advance = (job: Job, budgetMs: number) => {
    const t0 = now();
    do job.norms.advance(1);
    while (!job.norms.done && now() - t0 < budgetMs);
    return job.norms.done;
  };

  return {
    update(trainer, seq, input) {
      const dphi = dphiOf(trainer);
      if (dphi === undefined) {
        this.invalidate();
        return false;
      }
      const want = keyOf(trainer, seq);
      if (key === want) return false;
      if (input.force) {
        training = null;
        if (input.forceSlow !== true) return true;
        if (paused?.key !== want) paused = liveJob(trainer, seq, dphi);
        paused.norms.advance(Infinity);
        finish(paused);
        paused = null;
        return false;
      }
      const t = now();
      const budget = Math.min(MAX_PIECE_MS, (t - lastPiece) / BUDGET_FACTOR);
      lastPiece = t;
      // A job for another sequence (the view changed) is dropped; one for an older trace is not.
      if (training !== null && !training.key.endsWith(`:${seq}`)) training = null;
      if (training === null) {
        if (value !== null && t - lastDone < MIN_GAP_MS) return true;
        training = copiedJob(trainer, seq, dphi);
      }
      if (advance(training, budget)) {
        finish(training);
        training = null;
        lastDone = now();
      }
      return key !== want;
    },

    shown(trainer, seq, input) {
      if (value === null) return null;
      if (input.force && key !== keyOf(trainer, seq)) return null;
      return value.slice();
    },

    get iteration() {
      return iteration;
    },

    work(trainer, seq, budgetMs) {
      const dphi = dphiOf(trainer);
      const want = keyOf(trainer, seq);
      if (dphi === undefined || key === want) {
        paused = null;
        return true;
      }
      if (paused?.key !== want) paused = liveJob(trainer, seq, dphi);
      if (!advance(paused, budgetMs)) return false;
      finish(paused);
      paused = null;
      return true;
    },

    invalidate() {
      value = null;
      key = '';
      iteration = 0;
      paused = null;
      training = null;
      lastDone = -Infinity;
    },
  };
}
