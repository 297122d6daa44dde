/**
 * The step-Jacobian norms ‖∂h_t/∂h_{t−1}‖₂ a snapshot carries (the RNN belt's valves), for the cells
 * whose step Jacobian is diag(φ′(h_t))·W_hh. They cost T Lanczos runs: 55–85 ms of CPU at H = 64,
 * T = 100, far more than the rest of a paused answer. So a paused answer (a slider move) never waits
 * for them: it goes out with none (null, never the previous trace's), and the session then computes
 * them a few steps per time slice (`work`), dropping the job when another message changes the
 * trace, and sends a complete snapshot. While training they are recomputed on a time budget
 * (throttled.ts) and a snapshot may show ones from an earlier iteration (stepJacIteration says which).
 */
import { cellInfo } from '../engine/cells/catalog';
import { stepJacNorms } from '../engine/jacobian/lanczos';
import type { StepJacNorms } from '../engine/jacobian/lanczos';
import { createThrottled } from './throttled';
import type { Urgency } from './throttled';
import type { Trainer } from './trainer';

/** Shortest gap between two step-Jacobian recomputations while training runs. */
const JACOBIAN_MIN_GAP_MS = 100;

export interface JacInput extends Urgency {
  running: boolean;
}

export interface JacNorms {
  /**
   * Brings the norms up to date for sequence `seq` of the trainer's trace: while running on the time
   * budget, when forced with forceSlow now; a forced answer without forceSlow defers them. Returns
   * true when they stay out of date (the caller owes a complete snapshot).
   */
  update(trainer: Trainer, seq: number, input: JacInput): boolean;
  /** What the snapshot shows: a copy, or null when there are none (or, when forced, none for this trace). */
  shown(trainer: Trainer, seq: number, input: JacInput): Float64Array | null;
  /** Iteration the norms were computed at. */
  readonly iteration: number;
  /** Advances deferred norms for about `budgetMs`; true when none are left to compute. */
  work(trainer: Trainer, seq: number, budgetMs: number): boolean;
  invalidate(): void;
}

const dphiOf = (trainer: Trainer) => cellInfo(trainer.config.cell).stepJacobianDiag;
/** The norms depend on W_hh and the trace's hidden states (a new pass or a ρ move changes them). */
const keyOf = (trainer: Trainer, seq: number) =>
  `${trainer.run}:${trainer.traceVersion}:${trainer.whhVersion}:${seq}`;

function start(trainer: Trainer, seq: number, dphi: (h: number) => number): StepJacNorms {
  const tr = trainer.trace;
  const w = trainer.model.param('weight_hh_l0').w;
  return stepJacNorms(w, tr.H, tr.h, tr.T, tr.B, seq, dphi);
}

export function createJacNorms(now: () => number): JacNorms {
  const jac = createThrottled<Float64Array>(now, JACOBIAN_MIN_GAP_MS);
  /** Deferred norms in progress, for the trace of `key`. */
  let job: { key: string; iteration: number; norms: StepJacNorms } | null = null;

  return {
    update(trainer, seq, input) {
      const dphi = dphiOf(trainer);
      if (dphi === undefined) {
        jac.invalidate();
        job = null;
        return false;
      }
      const key = keyOf(trainer, seq);
      if (input.force && input.forceSlow !== true) return jac.key !== key;
      return jac.update(
        key,
        trainer.iteration,
        () => {
          const norms = job?.key === key ? job.norms : start(trainer, seq, dphi);
          norms.advance(Infinity);
          return norms.out;
        },
        input,
      );
    },

    shown(trainer, seq, input) {
      if (jac.value === null) return null;
      if (input.force && jac.key !== keyOf(trainer, seq)) return null;
      return jac.value.slice();
    },

    get iteration() {
      return jac.iteration;
    },

    work(trainer, seq, budgetMs) {
      const dphi = dphiOf(trainer);
      const key = keyOf(trainer, seq);
      if (dphi === undefined || jac.key === key) {
        job = null;
        return true;
      }
      if (job?.key !== key)
        job = { key, iteration: trainer.iteration, norms: start(trainer, seq, dphi) };
      const t0 = now();
      do job.norms.advance(1);
      while (!job.norms.done && now() - t0 < budgetMs);
      if (!job.norms.done) return false;
      jac.set(key, job.iteration, job.norms.out);
      job = null;
      return true;
    },

    invalidate() {
      jac.invalidate();
      job = null;
    },
  };
}
