/**
 * Builds the `snapshot` message from a trainer: fresh typed arrays (the session transfers every one
 * it finds, see transfer.ts), never views of the workspace, and only what is drawn (per-step norms
 * over the batch, per-unit arrays of one selected sequence). Eigen-decompositions and step
 * Jacobians are costly at H = 128, so they are recomputed only when their inputs changed and on a
 * time budget (throttled.ts); a paused answer leaves the step Jacobians to `work` (jacNorms.ts), and
 * a ρ move scales the spectrum and the start figures it already has.
 */
import { modelSpectrum } from '../engine/spectrum';
import { cellInfo } from '../engine/cells/catalog';
import type { NonFinite, Trace } from '../engine/types';
import { PROTOCOL_VERSION } from './protocol';
import type { Detail, DivergedMessage, GateSpectrum, Snapshot } from './protocol';
import type { Trainer } from './trainer';
import { createJacNorms } from './jacNorms';
import { createThrottled } from './throttled';
import type { Urgency } from './throttled';
import { saturation } from './trainer/saturation';
import { familyFrame, stateRows } from './familyFrame';
import { scaleStart, startInfo } from './trainer/start';
import type { Diagnosis } from './trainer/growth';
import type { StartInfo } from './trainer/start';

/** Shortest gap between two spectrum recomputations while training runs (≈ 4 per second). */
const SPECTRUM_MIN_GAP_MS = 250;

export interface View {
  /** Sequence of the batch shown (clamped to B − 1). */
  seq: number;
  /** Gate block selected in the UI (clamped to G − 1). */
  gate: number;
  /** 'light' skips the per-unit arrays and the analyses (a compared run nobody picked); default full. */
  detail?: Detail;
}

/**
 * `force` recomputes throttled quantities now regardless of the time budget (paused, single step).
 * Without `forceSlow` a forced snapshot still skips ones whose last run was slow (so `pause` answers
 * at once) and the result says `stale`; the session then asks again with `forceSlow`.
 */
export interface SnapshotInput extends Urgency {
  running: boolean;
  stepsPerSecond: number;
  /** Page messages the session has handled (see Snapshot.acked). */
  acked: number;
  /** Which run of the session this is (default 0). */
  runId?: number;
}

export interface Snapshotter {
  /** The message's typed arrays are fresh copies (see transfer.ts); `stale`: analyses were skipped. */
  build(trainer: Trainer, view: View, input: SnapshotInput): { msg: Snapshot; stale: boolean };
  /** Forget cached analyses (after a rebuild). */
  invalidate(): void;
  /** Each gate block's ρ of the trainer's current W_hh, when the spectrum shown is its; else null. */
  knownRho(trainer: Trainer): number[] | null;
  /**
   * Computes deferred analyses (a paused answer's step-Jacobian norms) for about `budgetMs`; true
   * when nothing is left, so that a build with forceSlow is complete at once.
   */
  work(trainer: Trainer, view: View, budgetMs: number): boolean;
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

/** Eigenvalues and extreme singular values of every gate block of W_hh. */
function gateSpectra(trainer: Trainer): GateSpectrum[] {
  const names = cellInfo(trainer.config.cell).gates;
  const G = Math.max(1, names.length);
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
  return out;
}

export function createSnapshotter(now: () => number): Snapshotter {
  let version = 0;
  const spectrum = createThrottled<GateSpectrum[]>(now, SPECTRUM_MIN_GAP_MS);
  const jac = createJacNorms(now);
  let start: StartInfo | null = null;
  let startKey = '';

  /** ρ₀, σ_max,0 and ‖W₀^k‖ once per setting of W_hh; ρ comes from the spectrum when it is W₀'s. */
  const updateStart = (trainer: Trainer): StartInfo => {
    const st = trainer.start;
    const tr = trainer.trace;
    const key = `${trainer.run}:${st.version}:${tr.T}`;
    if (start !== null && key === startKey) return start;
    // A setting the ρ slider made from the one we have: its figures scale.
    const [run, version, T] = startKey.split(':').map(Number);
    const scale =
      start !== null && run === trainer.run && T === tr.T
        ? trainer.scaleBetween(version!, st.version)
        : null;
    if (start !== null && scale !== null) {
      start = scaleStart(start, scale, st);
    } else {
      const fresh = spectrum.key === `${trainer.run}:${st.version}` && spectrum.value !== null;
      const known = st.rho ?? (fresh ? spectrum.value!.map((b) => b.rho) : null);
      start = startInfo({ ...st, rho: known }, tr.H, tr.T);
    }
    startKey = key;
    return start;
  };

  /** Returns true when the spectrum shown is out of date (skipped for time). */
  const updateSpectrum = (trainer: Trainer, urgency: Urgency): boolean => {
    const key = `${trainer.run}:${trainer.whhVersion}`;
    const prev = spectrum.value;
    const was = spectrum.key;
    // Only the ρ slider moved W_hh since the spectrum we have: each block's eigenvalues and
    // singular values scale by its factor.
    const scale =
      key !== was && prev !== null && was.startsWith(`${trainer.run}:`)
        ? trainer.scaleSince(Number(was.slice(was.indexOf(':') + 1)))
        : null;
    if (prev !== null && scale !== null) {
      const scaled = prev.map((s, g) => {
        const f = scale[g] ?? 1;
        return {
          ...s,
          re: s.re.map((x) => x * f),
          im: s.im.map((x) => x * f),
          rho: s.rho * f,
          sigmaMax: s.sigmaMax * f,
          sigmaMin: s.sigmaMin * f,
        };
      });
      spectrum.set(key, trainer.iteration, scaled);
      return false;
    }
    // The newer families have no W_hh: their eigenvalues or decays travel in the family frame.
    if (cellInfo(trainer.config.cell).family !== 'classic') {
      spectrum.set(key, trainer.iteration, []);
      return false;
    }
    return spectrum.update(key, trainer.iteration, () => gateSpectra(trainer), urgency);
  };

  return {
    invalidate() {
      spectrum.invalidate();
      jac.invalidate();
      startKey = '';
      start = null;
    },

    knownRho(trainer) {
      const v = spectrum.value;
      return v !== null && spectrum.key === `${trainer.run}:${trainer.whhVersion}`
        ? v.map((b) => b.rho)
        : null;
    },

    work(trainer, view, budgetMs) {
      if (view.detail === 'light') return true;
      return jac.work(trainer, Math.min(Math.max(0, view.seq), trainer.trace.B - 1), budgetMs);
    },

    build(trainer, view, input) {
      const tr: Trace = trainer.trace;
      const { T, B, H } = tr;
      const info = cellInfo(tr.cell);
      const G = Math.max(1, info.gates.length);
      const seq = Math.min(Math.max(0, view.seq), B - 1);
      const gate = Math.min(Math.max(0, view.gate), Math.max(0, G - 1));
      const full = view.detail !== 'light';
      const staleSpectrum = full && updateSpectrum(trainer, input);
      const staleJac = full && jac.update(trainer, seq, input);
      const st = updateStart(trainer);

      const drained = trainer.log.drain();
      const task = trainer.task;
      const cfg = trainer.config;
      const dhNorm = tr.dhNorm.slice();
      const dcNorm = tr.dcNorm === null ? null : tr.dcNorm.slice();
      // A light snapshot keeps every field's type: per-unit arrays empty, no analyses.
      const rows = (src: Float64Array | null, width: number, first: number) =>
        src === null ? null : full ? seqRows(src, T, B, width, seq, first) : new Float64Array(0);
      const state = full ? stateRows(tr, tr.h, 1, seq) : null;
      const hidden = state?.rows ?? new Float64Array(0);
      const cellState = rows(tr.c, H, 1);
      const gates = info.gates.length === 0 ? null : rows(tr.gates, G * H, 0);
      const dhUnit = full ? stateRows(tr, tr.dh, 0, seq).rows : new Float64Array(0);
      const dcUnit = rows(tr.dc, H, 0);
      // The shown sequence's inputs (lessons mark and label them).
      const inputs = full
        ? seqRows(trainer.batch.inputs, T, B, task.inputSize, seq, 0)
        : new Float64Array(0);
      const family = full ? familyFrame(trainer.model, tr, seq, cfg.tbptt, trainer.start) : null;
      const spec = full ? (spectrum.value ?? []).map(copySpectrum) : [];
      const stepJacNorms = full ? jac.shown(trainer, seq, input) : null;
      const accuracy =
        task.accuracy === undefined ? null : task.accuracy(tr.outputs, trainer.batch);

      version++;
      const msg: Snapshot = {
        v: PROTOCOL_VERSION,
        type: 'snapshot',
        runId: input.runId ?? 0,
        detail: full ? 'full' : 'light',
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
        hashesSince: drained.hashes,
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
        holdForget: info.controls.includes('holdForget') ? cfg.holdForget : null,
        tbptt: cfg.tbptt,
        dhNorm,
        dcNorm,
        hidden,
        stateWidth: state?.width ?? tr.S,
        stateNorms: state?.norms ?? false,
        family,
        inputs,
        cellState,
        gates,
        dhUnit,
        dcUnit,
        spectrum: spec,
        spectrumIteration: spectrum.iteration,
        stepJacNorms,
        stepJacIteration: jac.iteration,
        start: { iteration: st.iteration, rho: st.rho.slice(), sigmaMax: st.sigmaMax.slice() },
        startPowers: st.powers === null ? null : st.powers.slice(),
        saturated: full ? saturation(info, T, H, hidden, cellState, gates) : null,
        trace: trainer.traceVersion,
        nonFinite: tr.nonFinite,
        stepsPerSecond: input.stepsPerSecond,
        acked: input.acked,
      };
      return { msg, stale: staleSpectrum || staleJac };
    },
  };
}

/** Training stopped at `iteration` because `nf` went non-finite; the last finite state is kept. */
export function divergedMessage(
  runId: number,
  iteration: number,
  nf: NonFinite,
  diagnosis?: Diagnosis,
): DivergedMessage {
  return {
    v: PROTOCOL_VERSION,
    type: 'diverged',
    runId,
    iteration,
    quantity: nf.quantity,
    step: nf.step,
    ...(nf.param !== undefined ? { param: nf.param } : {}),
    ...(diagnosis !== undefined ? { diagnosis } : {}),
  };
}
