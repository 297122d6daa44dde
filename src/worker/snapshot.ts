/**
 * Builds the `snapshot` message from a trainer: fresh typed arrays (listed for the transfer list),
 * never views of the workspace, and only what is drawn (per-step norms over the batch, per-unit
 * arrays of one selected sequence). Eigen-decompositions and step Jacobians are costly at H = 128,
 * so they are recomputed only when their inputs changed and on a time budget, scaled by how long
 * they took last time so they never eat more than about a fifth of the training time.
 */
import { modelSpectrum } from '../engine/spectrum';
import { GATE_NAMES, gateCount } from '../engine/types';
import type { Trace } from '../engine/types';
import { PROTOCOL_VERSION } from './protocol';
import type { GateSpectrum, Snapshot } from './protocol';
import type { Trainer } from './trainer';
import { stepJacNormsLanczos } from '../engine/jacobian/lanczos';

/** Shortest gap between two spectrum recomputations while training runs (≈ 4 per second). */
const SPECTRUM_MIN_GAP_MS = 250;
/** Shortest gap between two step-Jacobian recomputations while training runs. */
const JACOBIAN_MIN_GAP_MS = 100;
/** A forced snapshot still skips a recomputation that last took longer than this (see forceSlow). */
const FORCE_CAP_MS = 100;
/** A recomputation may take at most 1/BUDGET_FACTOR of the wall time between two of them. */
const BUDGET_FACTOR = 5;

export interface View {
  /** Sequence of the batch shown (clamped to B − 1). */
  seq: number;
  /** Gate block selected in the UI (clamped to G − 1). */
  gate: number;
}

export interface SnapshotInput {
  running: boolean;
  stepsPerSecond: number;
  /** Recompute throttled quantities now regardless of the time budget (paused, single step). */
  force: boolean;
  /**
   * Also force ones whose last run took longer than FORCE_CAP_MS. Without it a forced snapshot skips
   * them (so `pause` answers at once) and the result says `stale`; the session then asks again.
   */
  forceSlow?: boolean;
}

export interface Snapshotter {
  build(
    trainer: Trainer,
    view: View,
    input: SnapshotInput,
  ): { msg: Snapshot; transfer: ArrayBuffer[]; stale: boolean };
  /** Forget cached analyses (after a rebuild). */
  invalidate(): void;
}

/** Rows t = 1..T of sequence `seq` from a [rows][B][width] array whose first row is `first`. */
function seqRows(
  src: Float64Array,
  T: number,
  B: number,
  width: number,
  seq: number,
  first: number,
): Float64Array {
  const out = new Float64Array(T * width);
  for (let t = 0; t < T; t++) {
    const off = ((t + first) * B + seq) * width;
    out.set(src.subarray(off, off + width), t * width);
  }
  return out;
}

function copySpectrum(s: GateSpectrum): GateSpectrum {
  return { ...s, re: s.re.slice(), im: s.im.slice() };
}

export function createSnapshotter(now: () => number): Snapshotter {
  let version = 0;
  let spectrum: GateSpectrum[] = [];
  let spectrumKey = '';
  let spectrumIteration = 0;
  let spectrumAt = -Infinity;
  let spectrumCost = 0;
  let jac: Float64Array | null = null;
  let jacKey = '';
  let jacIteration = 0;
  let jacAt = -Infinity;
  let jacCost = 0;

  const due = (at: number, cost: number, gap: number, t: number) =>
    t - at >= Math.max(gap, BUDGET_FACTOR * cost);

  /** Returns true when the spectrum shown is out of date (skipped for time). */
  const updateSpectrum = (trainer: Trainer, force: boolean, forceSlow: boolean): boolean => {
    const key = `${trainer.run}:${trainer.whhVersion}`;
    if (key === spectrumKey) return false;
    const rs = trainer.rescale;
    if (
      rs !== null &&
      spectrumKey === `${trainer.run}:${rs.from}` &&
      rs.to === trainer.whhVersion
    ) {
      // Only the ρ slider moved: each block's eigenvalues and singular values scale by its factor.
      spectrum = spectrum.map((s, g) => {
        const f = rs.factors[g] ?? 1;
        return {
          ...s,
          re: s.re.map((x) => x * f),
          im: s.im.map((x) => x * f),
          rho: s.rho * f,
          sigmaMax: s.sigmaMax * f,
          sigmaMin: s.sigmaMin * f,
        };
      });
      spectrumKey = key;
      spectrumIteration = trainer.iteration;
      return false;
    }
    const t0 = now();
    const forced = force && (forceSlow || spectrumCost <= FORCE_CAP_MS);
    if (!forced && spectrumKey !== '' && !due(spectrumAt, spectrumCost, SPECTRUM_MIN_GAP_MS, t0))
      return true;
    const cell = trainer.config.cell;
    const G = gateCount(cell);
    const names = GATE_NAMES[cell];
    const out: GateSpectrum[] = [];
    for (let g = 0; g < G; g++) {
      const s = modelSpectrum(trainer.model, g);
      out.push({
        gate: names[g] ?? 'h',
        re: s.re,
        im: s.im,
        rho: s.rho,
        sigmaMax: s.sigmaMax,
        sigmaMin: s.sigmaMin,
      });
    }
    spectrum = out;
    spectrumKey = key;
    spectrumIteration = trainer.iteration;
    spectrumAt = now();
    spectrumCost = spectrumAt - t0;
    return false;
  };

  const updateJacobian = (
    trainer: Trainer,
    seq: number,
    force: boolean,
    forceSlow: boolean,
  ): boolean => {
    const cell = trainer.config.cell;
    if (cell !== 'rnn' && cell !== 'linear') {
      jac = null;
      return false;
    }
    const key = `${trainer.run}:${trainer.traceVersion}:${seq}`;
    if (key === jacKey) return false;
    const t0 = now();
    const forced = force && (forceSlow || jacCost <= FORCE_CAP_MS);
    if (!forced && jacKey !== '' && !due(jacAt, jacCost, JACOBIAN_MIN_GAP_MS, t0)) return true;
    const tr = trainer.trace;
    jac = stepJacNormsLanczos(
      trainer.model.param('weight_hh_l0').w,
      tr.H,
      tr.h,
      tr.T,
      tr.B,
      seq,
      cell === 'rnn',
    );
    jacKey = key;
    jacIteration = trainer.iteration;
    jacAt = now();
    jacCost = jacAt - t0;
    return false;
  };

  return {
    invalidate() {
      spectrumKey = '';
      jacKey = '';
      jac = null;
      spectrumCost = 0;
      jacCost = 0;
    },

    build(trainer, view, input) {
      const tr: Trace = trainer.trace;
      const { T, B, H } = tr;
      const G = gateCount(tr.cell);
      const seq = Math.min(Math.max(0, view.seq), B - 1);
      const gate = Math.min(Math.max(0, view.gate), Math.max(0, G - 1));
      const slow = input.forceSlow === true;
      const staleSpectrum = updateSpectrum(trainer, input.force, slow);
      const staleJac = updateJacobian(trainer, seq, input.force, slow);

      const drained = trainer.log.drain();
      const task = trainer.task;
      const cfg = trainer.config;
      const dhNorm = tr.dhNorm.slice();
      const dcNorm = tr.dcNorm === null ? null : tr.dcNorm.slice();
      const hidden = seqRows(tr.h, T, B, H, seq, 1);
      const cellState = tr.c === null ? null : seqRows(tr.c, T, B, H, seq, 1);
      const gates = tr.gates === null || G === 1 ? null : seqRows(tr.gates, T, B, G * H, seq, 0);
      const dhUnit = seqRows(tr.dh, T, B, H, seq, 0);
      const dcUnit = tr.dc === null ? null : seqRows(tr.dc, T, B, H, seq, 0);
      const spec = spectrum.map(copySpectrum);
      const stepJacNorms = jac === null ? null : jac.slice();
      const accuracy =
        task.accuracy === undefined ? null : task.accuracy(tr.outputs, trainer.batch);

      version++;
      const msg: Snapshot = {
        v: PROTOCOL_VERSION,
        type: 'snapshot',
        version,
        run: trainer.run,
        iteration: trainer.iteration,
        running: input.running,
        config: { ...cfg },
        loss: tr.loss,
        lossesSince: drained.losses,
        itersSince: drained.iters,
        normsSince: drained.norms,
        clippedSince: drained.clipped,
        accuraciesSince: drained.accuracies,
        preClipNorm: trainer.preClipNorm,
        clipped: trainer.clipped,
        accuracy,
        chanceLoss: task.chanceLoss,
        chanceAccuracy: task.chanceAccuracy ?? null,
        solvedLoss: task.solvedLoss,
        taskLoss: trainer.batch.loss,
        T,
        B,
        H,
        cell: tr.cell,
        seq,
        gate,
        holdForget: tr.cell === 'lstm' ? cfg.holdForget : null,
        tbptt: cfg.tbptt,
        dhNorm,
        dcNorm,
        hidden,
        cellState,
        gates,
        dhUnit,
        dcUnit,
        spectrum: spec,
        spectrumIteration,
        stepJacNorms,
        stepJacIteration: jacIteration,
        nonFinite: tr.nonFinite,
        stepsPerSecond: input.stepsPerSecond,
      };
      const transfer: ArrayBuffer[] = [];
      const add = (a: Float64Array | Uint8Array | null) => {
        if (a !== null) transfer.push(a.buffer as ArrayBuffer);
      };
      [
        drained.losses,
        drained.iters,
        drained.norms,
        drained.clipped,
        drained.accuracies,
        dhNorm,
        dcNorm,
        hidden,
        cellState,
        gates,
        dhUnit,
        dcUnit,
        stepJacNorms,
      ].forEach(add);
      for (const s of spec) {
        add(s.re);
        add(s.im);
      }
      return { msg, transfer, stale: staleSpectrum || staleJac };
    },
  };
}
