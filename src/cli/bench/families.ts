/**
 * The newer families in `npm run bench`: ms per training step (forward, backward with the whole
 * per-step trace, Adam) on the same adding-problem batch as the classic cells, with the PyTorch
 * float64 one-thread column from the fixtures' modules (tools/family_modules.py via
 * bench/torch_peer.py), timed right after ours in the same run. No TensorFlow.js peer: it has no
 * such layers. Attention also runs at T = 400 and 1000, where its T² shows.
 */
import { FAMILY_CELLS } from '../../engine/family/cells';
import { initFamily } from '../../engine/family/init';
import { createFamilyModel } from '../../engine/family/model';
import { createFamilyWorkspace, familyForwardBackward } from '../../engine/family/run';
import type { FamilyId } from '../../engine/family/types';
import { FAMILY_IDS } from '../../engine/family/types';
import { createOptimizer } from '../../engine/optim';
import { createRng } from '../../engine/rng';
import { measureCeiling } from './ceiling';
import { benchBatch, median, stepsPerRun, timeRun } from './ours';
import { torchStepMs } from './torch';
import type { BenchRow } from './types';

export interface FamilyCase {
  cell: FamilyId;
  H: number;
  T: number;
  B: number;
}

/** S6's state size N in the bench (Mamba's default d_state). */
const N = 16;

export function familyCases(
  ids: readonly FamilyId[],
  sizes: readonly (readonly [number, number, number])[],
): FamilyCase[] {
  const out: FamilyCase[] = [];
  for (const [H, T, B] of sizes) for (const cell of ids) out.push({ cell, H, T, B });
  if (ids.includes('attention'))
    for (const T of [400, 1000]) out.push({ cell: 'attention', H: 128, T, B: 16 });
  return out;
}

/**
 * Forward multiply-adds per step per sequence: the products (input projection, gates or q/k/v,
 * output) plus the scan's elementwise multiply-adds; attention's score and mixing products cost
 * (t + 1)·H each at step t, (T + 1)·H per step on average.
 */
export function familyMacsPerStep(cell: FamilyId, I: number, H: number, T: number): number {
  switch (cell) {
    case 'lru':
      return 2 * H * I + 4 * H;
    case 'rglru':
      return H * I + 2 * H * H + 3 * H;
    case 's6':
      return H * I + H * (H + 2 * N) + 3 * H * N;
    case 'attention':
      return H * I + 4 * H * H + (T + 1) * H;
  }
}

/** Flops of one training step: forward, and the backward pass's two products per forward one. */
export function familyStepFlops(c: FamilyCase, I: number): number {
  return 6 * c.T * c.B * familyMacsPerStep(c.cell, I, c.H, c.T);
}

export function createFamilyStep(c: FamilyCase): () => number {
  const { batch, I, O } = benchBatch({ cell: 'rnn', H: c.H, T: c.T, B: c.B });
  const dims = { inputSize: I, hiddenSize: c.H, outputSize: O, stateSize: N };
  const model = createFamilyModel(FAMILY_CELLS[c.cell], dims);
  initFamily(model, createRng(7));
  const ws = createFamilyWorkspace(model, c.T, c.B);
  const opt = createOptimizer('adam', model.params, { lr: 1e-2 });
  return () => {
    const tr = familyForwardBackward(model, batch, ws);
    opt.step();
    return tr.loss;
  };
}

export function isFamily(id: string): id is FamilyId {
  return (FAMILY_IDS as readonly string[]).includes(id);
}

/**
 * Times every case: ours `runs` runs of ~250 ms (with the scalar ceiling between them, as for the
 * classic cells), then PyTorch's (3 runs where our step takes over 0.5 s: theirs takes seconds).
 */
export function measureFamilies(
  cases: readonly FamilyCase[],
  runs: number,
  torch: boolean,
  kernels: BenchRow['kernels'],
  say: (s: string) => void,
): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const step = createFamilyStep(c);
    const first = step();
    const plan = stepsPerRun(step, 250);
    const times: number[] = [];
    const ceil: number[] = [];
    for (let r = 0; r < runs; r++) {
      times.push(timeRun(step, plan.steps));
      ceil.push(measureCeiling(256, 1, 1).gflops);
    }
    const oursMs = median(times);
    const gflops = familyStepFlops(c, 2) / (oursMs * 1e6);
    say(
      `  ${c.cell} H=${c.H} T=${c.T} B=${c.B}: ours ${oursMs.toFixed(2)} ms/step (${gflops.toFixed(2)} GFLOP/s), loss ${first.toFixed(3)} → ${step().toFixed(3)}`,
    );
    const row: BenchRow = {
      cell: c.cell,
      H: c.H,
      T: c.T,
      B: c.B,
      oursMs,
      peerMs: null,
      peerBackend: null,
      ratio: null,
      gflops,
      ceilingAdjacentGflops: median(ceil),
      kernels,
    };
    if (torch) {
      const tm = torchStepMs(c, oursMs > 500 ? Math.min(runs, 3) : runs);
      if (tm !== null) {
        row.torchMs = tm;
        say(`    PyTorch: ${tm.toFixed(2)} ms/step (${(tm / oursMs).toFixed(2)}× ours)`);
      }
    }
    rows.push(row);
  }
  return rows;
}
