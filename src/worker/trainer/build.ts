/**
 * Building a training run from a config: task, model with its seeded initialization, the data
 * stream, workspace and optimizer; and which config changes need a fresh build.
 */
import { createWorkspace } from '../../engine/bptt';
import { cellHas, initFor, recurrentParams } from '../../engine/cells/catalog';
import type { Workspace } from '../../engine/bptt';
import { initModel } from '../../engine/init';
import { createModel } from '../../engine/model';
import type { Model } from '../../engine/model';
import { createOptimizer } from '../../engine/optim';
import type { Optimizer } from '../../engine/optim';
import { createRng } from '../../engine/rng';
import type { Rng } from '../../engine/rng';
import { makeTask } from '../../engine/tasks';
import type { Task } from '../../engine/tasks';
import type { Batch } from '../../engine/types';
import type { Param } from '../../engine/types';
import { fitRing } from '../cellFit';
import type { FreezeKind, TrainConfig } from '../config';

/**
 * The parameters training updates. Frozen ones keep their values, and clipping's global norm leaves
 * them out, as torch does for parameters with requires_grad = False.
 */
export function trainedParams(model: Model, freeze: FreezeKind): readonly Param[] {
  if (freeze === 'all') return [];
  if (freeze === 'recurrent') {
    const fixed = recurrentParams(model.spec.cell);
    return model.params.filter((p) => !fixed.includes(p.name));
  }
  return model.params;
}

/** Decorrelates the data stream from the weight stream for the same user seed. */
const DATA_SEED_SALT = 0x5bd1e995;

export interface Built {
  model: Model;
  task: Task;
  ws: Workspace;
  opt: Optimizer;
  dataRng: Rng;
  batch: Batch;
  /**
   * Weights before the latest update and the batch they were traced on. On divergence the model goes
   * back to them and the trace is recomputed, so what is shown (and kept) is the last finite state.
   */
  prevW: Float64Array[];
  prevBatch: Batch | null;
}

export function build(config: TrainConfig): Built {
  const task = makeTask(config.task, config.T);
  const model = createModel({
    cell: config.cell,
    inputSize: task.inputSize,
    hiddenSize: config.H,
    outputSize: task.outputSize,
    ...(cellHas(config.cell, 'stateSize') ? { stateSize: config.N } : {}),
  });
  // A crossed ring (a host's message, an old link) is narrowed, never thrown: see fitRing.
  const ring = fitRing(config.rmin, config.rmax);
  initModel(model, createRng(config.seed), {
    init: initFor(config.cell, config.init),
    rho: config.rho,
    forgetBias: config.forgetBias,
    ring: { rMin: ring.rmin, rMax: ring.rmax, maxPhase: config.phase },
  });
  const dataRng = createRng((config.seed ^ DATA_SEED_SALT) >>> 0);
  const batch = task.sample(dataRng, config.batch);
  const ws = createWorkspace(model.spec, batch.T, batch.B);
  const opt = createOptimizer(config.opt, trainedParams(model, config.freeze), { lr: config.lr });
  const prevW = model.params.map((p) => new Float64Array(p.w.length));
  return { model, task, ws, opt, dataRng, batch, prevW, prevBatch: null };
}
