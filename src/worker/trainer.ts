/**
 * The training state machine, free of any messaging: model, task, workspace and optimizer built
 * from a TrainConfig, one `step()` per iteration, live config changes, and the bookkeeping a
 * snapshot needs. It runs in the worker and in-thread (Node tests, the no-worker fallback).
 * Same config and seed → same losses, bit for bit: weights and data come from two seeded streams.
 */
import { batchHash } from '../engine/batchHash';
import { forwardBackward } from '../engine/bptt';
import { cellHas, cellInfo, recurrentMatrix, recurrentParams } from '../engine/cells/catalog';
import type { RunOptions } from '../engine/bptt';
import { clipGradNorm, gradNorm } from '../engine/clip';
import { shiftForgetBias } from '../engine/init';
import { createModel } from '../engine/model';
import { createOptimizer } from '../engine/optim';
import type { NonFinite, Trace } from '../engine/types';
import { isRebuild } from './config';
import type { TrainConfig } from './config';
import { createRhoRescaler } from './trainer/rescale';
import { build, trainedParams } from './trainer/build';
import { createGrowthLog, readoutLrLimit, throughTime } from './trainer/growth';
import type { Diagnosis } from './trainer/growth';
import type { Trainer, WhhStart } from './trainer/types';
import { LossLog } from './trainer/lossLog';
import { checkWeights } from './trainer/weights';

export type { StepResult, Trainer, WhhStart } from './trainer/types';

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
  let growth = createGrowthLog(b.model.params);
  let start: WhhStart;
  /** Marks W_hh as set now (build, reset, a weights file, the ρ slider); `rho` when known exactly. */
  const markStart = (rho: readonly number[] | null = null): void => {
    const whh = recurrentMatrix(config.cell);
    const p = whh === null ? undefined : b.model.param(whh);
    const names = recurrentParams(config.cell);
    const recurrent = Object.fromEntries(
      b.model.params.filter((q) => names.includes(q.name)).map((q) => [q.name, q.w.slice()]),
    );
    start = {
      version: whhVersion,
      iteration,
      whh: p === undefined ? null : p.w.slice(),
      rho,
      recurrent,
    };
  };
  markStart();

  const runOptions = (): RunOptions => {
    const K = config.tbptt;
    const opts: RunOptions = {};
    if (K > 0 && K < b.batch.T) opts.truncate = K;
    if (cellHas(config.cell, 'holdForget')) opts.holdForget = config.holdForget;
    return opts;
  };

  /** Norm of the gradient clipping sees: the trained weights' (every weight's when none train). */
  const trainedNorm = (): number => {
    const trained = trainedParams(b.model, config.freeze);
    return gradNorm(trained.length > 0 ? trained : b.model.params);
  };

  // The weights and options of the latest pass, for traceInputs (a copy: ~80k numbers at most).
  let traceW: Float64Array[] = [];
  let traceOpts: RunOptions = {};
  const pass = (): Trace => {
    traceVersion++;
    const ps = b.model.params;
    if (traceW.length !== ps.length || ps.some((p, k) => p.w.length !== traceW[k]!.length))
      traceW = ps.map((p) => p.w.slice());
    else ps.forEach((p, k) => traceW[k]!.set(p.w));
    traceOpts = runOptions();
    return forwardBackward(b.model, b.batch, b.ws, traceOpts);
  };
  let trace: Trace = pass();
  preClipNorm = trainedNorm();

  const restoreLastFinite = (): void => {
    if (b.prevBatch === null) return; // nothing finite to go back to (the very first pass blew up)
    b.model.params.forEach((p, k) => p.w.set(b.prevW[k]!));
    b.batch = b.prevBatch;
    trace = pass();
    preClipNorm = trainedNorm();
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
    scaleBetween: (since, to) => rescaler.scaleBetween(since, to),
    get start() {
      return start;
    },
    traceInputs() {
      const model = createModel(b.model.spec);
      model.params.forEach((p, k) => p.w.set(traceW[k]!));
      return { model, batch: b.batch, opts: { ...traceOpts } };
    },
    log,

    step() {
      b.batch = b.task.sample(b.dataRng, config.batch);
      trace = pass();
      const loss = trace.loss;
      let nf: NonFinite | null = trace.nonFinite;
      if (nf === null && !Number.isFinite(loss)) nf = { quantity: 'loss', step: 0 };
      const trained = trainedParams(b.model, config.freeze);
      // Nothing trained: nothing to clip, but the readout still shows the gradient's size.
      const res =
        trained.length > 0
          ? clipGradNorm(trained, config.clip)
          : { norm: trainedNorm(), clipped: false };
      if (nf === null && !Number.isFinite(res.norm)) nf = { quantity: 'gradient', step: 0 };
      if (nf !== null) {
        const worst = growth.worst(); // the weights that went non-finite, before restoring
        restoreLastFinite();
        if (worst === null) return { ok: false, nonFinite: nf };
        const mse = b.batch.loss === 'mse_last' || b.batch.loss === 'mse_all';
        const diagnosis: Diagnosis = {
          ...worst,
          throughTime: throughTime(trace),
          readoutLrLimit: mse ? readoutLrLimit(trace, b.batch.loss === 'mse_last') : null,
        };
        return { ok: false, nonFinite: nf, diagnosis };
      }
      // Keep what this (finite) trace was computed from, in case the update it makes blows up later.
      b.model.params.forEach((p, k) => b.prevW[k]!.set(p.w));
      b.prevBatch = b.batch;
      b.opt.step();
      growth.record();
      iteration++;
      weightsVersion++;
      if (config.freeze === 'none') whhVersion++; // a frozen W_hh keeps its spectrum
      preClipNorm = res.norm;
      clipped = res.clipped;
      const acc = b.task.accuracy?.(trace.outputs, b.batch) ?? NaN;
      log.push(iteration, loss, res.norm, res.clipped, acc, batchHash(b.batch));
      return { ok: true, nonFinite: null };
    },

    setConfig(patch, knownRho = null) {
      const next: TrainConfig = { ...config, ...patch };
      if (isRebuild(config, patch)) {
        const nb = build(next); // throws before anything changes
        Object.assign(config, next);
        b = nb;
        growth = createGrowthLog(b.model.params);
        iteration = 0;
        run++;
        weightsVersion++;
        whhVersion++;
        log.clear();
        markStart();
        trace = pass();
        preClipNorm = trainedNorm();
        clipped = false;
        return true;
      }
      // A new optimizer over the trained parameters (its state restarts, as a new torch optimizer's would).
      if (next.opt !== config.opt || next.freeze !== config.freeze)
        b.opt = createOptimizer(next.opt, trainedParams(b.model, next.freeze), { lr: next.lr });
      b.opt.lr = next.lr;
      // ρ rescales W_hh; a cell without one (CellInfo.controls) has nothing to rescale.
      if (next.rho !== config.rho && next.rho !== null && cellHas(config.cell, 'rho')) {
        const G = cellInfo(config.cell).gates.length || 1;
        const known = knownRho?.length === G ? knownRho : null;
        const after = rescaler.apply(b.model, next.rho, whhVersion, known);
        weightsVersion++;
        whhVersion++;
        markStart(after);
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
      preClipNorm = trainedNorm();
      clipped = config.clip > 0 && preClipNorm > config.clip;
      if (trace.nonFinite === null && Number.isFinite(trace.loss) && Number.isFinite(preClipNorm)) {
        b.model.params.forEach((p, k) => b.prevW[k]!.set(p.w));
        b.prevBatch = b.batch;
      }
    },

    reset() {
      b = build(config);
      growth = createGrowthLog(b.model.params);
      iteration = 0;
      run++;
      weightsVersion++;
      whhVersion++;
      log.clear();
      markStart();
      trace = pass();
      preClipNorm = trainedNorm();
      clipped = false;
    },

    loadWeights(weights) {
      checkWeights(b.model.params, weights);
      for (const p of b.model.params) p.w.set(weights[p.name]!);
      b.opt.reset();
      growth.clear();
      b.prevBatch = null;
      weightsVersion++;
      whhVersion++;
      markStart();
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
