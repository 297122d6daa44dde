/**
 * Our engine's cost per training step: forward + full BPTT recording the whole per-step trace
 * (states, gates, dL/dh_t, norms) + Adam, on one fixed adding-problem batch, as the app trains.
 */
import { createWorkspace, forwardBackward } from '../../engine/bptt';
import { initModel } from '../../engine/init';
import { createModel } from '../../engine/model';
import { createOptimizer } from '../../engine/optim';
import { createRng } from '../../engine/rng';
import { makeTask } from '../../engine/tasks';
import { cellInfo, initFor } from '../../engine/cells/catalog';
import type { Batch, CellKind } from '../../engine/types';

export interface BenchCase {
  /** Every cell but the linear one (src/cli/bench.ts lists them; TensorFlow.js has the classic ones). */
  cell: Exclude<CellKind, 'linear'>;
  H: number;
  T: number;
  B: number;
}

/** The adding-problem batch both engines train on (seeded). */
export function benchBatch(c: BenchCase): { batch: Batch; I: number; O: number } {
  const task = makeTask('adding', c.T);
  return { batch: task.sample(createRng(1234), c.B), I: task.inputSize, O: task.outputSize };
}

/** Flops of the matrix products of one step: forward, dL/dh through W, and dW (3 × forward). */
export function stepFlops(c: BenchCase, I: number): number {
  const macs = cellInfo(c.cell).macsPerStep({ inputSize: I, hiddenSize: c.H, outputSize: 1 }, c.T);
  return 6 * c.T * c.B * macs;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A ready-to-run training step of our engine: returns the loss of the pass it made. */
export function createOursStep(c: BenchCase): () => number {
  const { batch, I, O } = benchBatch(c);
  const model = createModel({ cell: c.cell, inputSize: I, hiddenSize: c.H, outputSize: O });
  initModel(model, createRng(7), { init: initFor(c.cell, 'pytorch'), rho: null, forgetBias: 0 });
  const ws = createWorkspace(model.spec, c.T, c.B);
  const opt = createOptimizer('adam', model.params, { lr: 1e-2 });
  return () => {
    const tr = forwardBackward(model, batch, ws);
    opt.step();
    return tr.loss;
  };
}

/** Mean ms per step over `steps` consecutive steps. */
export function timeRun(step: () => number, steps: number): number {
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) step();
  return (performance.now() - t0) / steps;
}

/** Steps per run so that one run lasts about targetMs, from a timing of two steps (after one warm-up). */
export function stepsPerRun(
  step: () => number,
  targetMs: number,
): { steps: number; estMs: number } {
  step();
  const est = timeRun(step, 2);
  return { steps: Math.max(1, Math.round(targetMs / Math.max(est, 1e-3))), estMs: est };
}
