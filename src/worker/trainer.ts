/**
 * The training state machine, free of any messaging: model, task, workspace and optimizer built
 * from a TrainConfig, one `step()` per iteration, live config changes, and the bookkeeping a
 * snapshot needs. It runs in the worker and in-thread (Node tests, the no-worker fallback).
 * Same config and seed → same losses, bit for bit: weights and data come from two seeded streams.
 */
import { forwardBackward } from '../engine/bptt';
import { cellHas } from '../engine/cells/catalog';
import type { RunOptions } from '../engine/bptt';
import { clipGradNorm, gradNorm } from '../engine/clip';
import { shiftForgetBias } from '../engine/init';
import type { Model } from '../engine/model';
import { createOptimizer } from '../engine/optim';
import type { Task } from '../engine/tasks';
import type { Batch, NonFinite, Trace } from '../engine/types';
import type { TrainConfig } from './config';
import { createRhoRescaler } from './trainer/rescale';
import { build, isRebuild } from './trainer/build';
import { LossLog } from './trainer/lossLog';
import { checkWeights } from './trainer/weights';

export interface StepResult {
  /** False when the pass went non-finite: nothing was updated and the last finite state was restored. */
  ok: boolean;
  /** What became non-finite (when !ok). */
  nonFinite: NonFinite | null;
}

export interface Trainer {
  readonly config: Readonly<TrainConfig>;
  readonly model: Model;
  readonly task: Task;
  /** Iterations (weight updates) since the last build or reset. */
  readonly iteration: number;
  /** Increments on every build or reset, so a receiver knows to clear its history. */
  readonly run: number;
  /** The batch the latest trace was computed on. */
  readonly batch: Batch;
  /** The latest trace (workspace buffers: copy what you keep). */
  readonly trace: Trace;
  /** Pre-clip global gradient norm of the latest trace, and whether that iteration was clipped. */
  readonly preClipNorm: number;
  readonly clipped: boolean;
  /** Increments whenever any weight may have changed (steps, rho, forget bias, loads, rebuilds). */
  readonly weightsVersion: number;
  /** Increments whenever W_hh may have changed (steps, rho, loads, rebuilds; not the forget bias). */
  readonly whhVersion: number;
  /** Increments with every forward/backward pass (the trace's identity). */
  readonly traceVersion: number;
  /**
   * Per-block factors by which W_hh was scaled from version `whh` to now, when only the ρ slider
   * changed it since (eigenvalues and singular values scale by the same factors); else null.
   */
  scaleSince(whh: number): number[] | null;
  /** Losses, iteration numbers, norms and clip flags of iterations since the last drain. */
  readonly log: LossLog;
  /** One training iteration: sample → forward/backward → clip → optimizer step. */
  step(): StepResult;
  /** Apply a config change; returns true when it rebuilt the model. Throws (changing nothing) on a bad patch. */
  setConfig(patch: Partial<TrainConfig>): boolean;
  /** Recompute the trace on the current batch with the current weights and config (no update). */
  recompute(): void;
  /** Rebuild from the current config (new weights from the seed, iteration 0). */
  reset(): void;
  /** Replace every weight (validated: names and lengths); throws and changes nothing when invalid. */
  loadWeights(weights: Record<string, ArrayLike<number>>): void;
  /** Copies of every weight, with PyTorch's shapes ([rows, cols] for a matrix, [n] for a vector). */
  getWeights(): { weights: Record<string, number[]>; shapes: Record<string, number[]> };
}

/** `firstRun` numbers the first run (a session counts on from its previous trainer's). */
export function createTrainer(initial: TrainConfig, firstRun = 1): Trainer {
  const config: TrainConfig = { ...initial };
  let b = build(config);
  let iteration = 0;
  let run = firstRun;
  let weightsVersion = 1;
  let whhVersion = 1;
  let traceVersion = 0;
  const rescaler = createRhoRescaler();
  let preClipNorm = 0;
  let clipped = false;
  const log = new LossLog();

  const runOptions = (): RunOptions => {
    const K = config.tbptt;
    const opts: RunOptions = {};
    if (K > 0 && K < b.batch.T) opts.truncate = K;
    if (cellHas(config.cell, 'holdForget')) opts.holdForget = config.holdForget;
    return opts;
  };

  const pass = (): Trace => {
    traceVersion++;
    return forwardBackward(b.model, b.batch, b.ws, runOptions());
  };
  let trace: Trace = pass();
  preClipNorm = gradNorm(b.model.params);

  const restoreLastFinite = (): void => {
    if (b.prevBatch === null) return; // nothing finite to go back to (the very first pass blew up)
    b.model.params.forEach((p, k) => p.w.set(b.prevW[k]!));
    b.batch = b.prevBatch;
    trace = pass();
    preClipNorm = gradNorm(b.model.params);
    clipped = false;
    weightsVersion++;
    whhVersion++;
  };

  const trainer: Trainer = {
    get config() {
      return config;
    },
    get model() {
      return b.model;
    },
    get task() {
      return b.task;
    },
    get iteration() {
      return iteration;
    },
    get run() {
      return run;
    },
    get batch() {
      return b.batch;
    },
    get trace() {
      return trace;
    },
    get preClipNorm() {
      return preClipNorm;
    },
    get clipped() {
      return clipped;
    },
    get weightsVersion() {
      return weightsVersion;
    },
    get whhVersion() {
      return whhVersion;
    },
    get traceVersion() {
      return traceVersion;
    },
    scaleSince: (whh) => rescaler.scaleSince(whh, whhVersion),
    log,

    step() {
      b.batch = b.task.sample(b.dataRng, config.batch);
      trace = pass();
      const loss = trace.loss;
      let nf: NonFinite | null = trace.nonFinite;
      if (nf === null && !Number.isFinite(loss)) nf = { quantity: 'loss', step: 0 };
      const res = clipGradNorm(b.model.params, config.clip);
      if (nf === null && !Number.isFinite(res.norm)) nf = { quantity: 'gradient', step: 0 };
      if (nf !== null) {
        restoreLastFinite();
        return { ok: false, nonFinite: nf };
      }
      // Keep what this (finite) trace was computed from, in case the update it makes blows up later.
      b.model.params.forEach((p, k) => b.prevW[k]!.set(p.w));
      b.prevBatch = b.batch;
      b.opt.step();
      iteration++;
      weightsVersion++;
      whhVersion++;
      preClipNorm = res.norm;
      clipped = res.clipped;
      const acc = b.task.accuracy?.(trace.outputs, b.batch) ?? NaN;
      log.push(iteration, loss, res.norm, res.clipped, acc);
      return { ok: true, nonFinite: null };
    },

    setConfig(patch) {
      const next: TrainConfig = { ...config, ...patch };
      if (isRebuild(config, patch)) {
        const nb = build(next); // throws before anything changes
        Object.assign(config, next);
        b = nb;
        iteration = 0;
        run++;
        weightsVersion++;
        whhVersion++;
        log.clear();
        trace = pass();
        preClipNorm = gradNorm(b.model.params);
        clipped = false;
        return true;
      }
      if (next.opt !== config.opt)
        b.opt = createOptimizer(next.opt, b.model.params, { lr: next.lr });
      b.opt.lr = next.lr;
      if (next.rho !== config.rho && next.rho !== null) {
        rescaler.apply(b.model, next.rho, whhVersion);
        weightsVersion++;
        whhVersion++;
      }
      if (next.forgetBias !== config.forgetBias && cellHas(config.cell, 'forgetBias')) {
        shiftForgetBias(b.model, next.forgetBias - config.forgetBias);
        weightsVersion++;
      }
      Object.assign(config, next);
      return false;
    },

    recompute() {
      trace = pass();
      preClipNorm = gradNorm(b.model.params);
      clipped = config.clip > 0 && preClipNorm > config.clip;
      if (trace.nonFinite === null && Number.isFinite(trace.loss) && Number.isFinite(preClipNorm)) {
        b.model.params.forEach((p, k) => b.prevW[k]!.set(p.w));
        b.prevBatch = b.batch;
      }
    },

    reset() {
      b = build(config);
      iteration = 0;
      run++;
      weightsVersion++;
      whhVersion++;
      log.clear();
      trace = pass();
      preClipNorm = gradNorm(b.model.params);
      clipped = false;
    },

    loadWeights(weights) {
      checkWeights(b.model.params, weights);
      for (const p of b.model.params) p.w.set(weights[p.name]!);
      b.opt.reset();
      b.prevBatch = null;
      weightsVersion++;
      whhVersion++;
      this.recompute();
    },

    getWeights() {
      const weights: Record<string, number[]> = {};
      const shapes: Record<string, number[]> = {};
      for (const p of b.model.params) {
        weights[p.name] = Array.from(p.w);
        shapes[p.name] = [...p.shape];
      }
      return { weights, shapes };
    },
  };
  return trainer;
}
