/**
 * Engine timing (not a test): milliseconds per training step (forward + full BPTT, all gradients)
 * for each cell at the sizes the TensorFlow.js comparison uses. Run: npx tsx bench/engine-timing.ts
 * Optional filter: npx tsx bench/engine-timing.ts lstm
 */
import { createWorkspace, forwardBackward } from '../src/engine/bptt';
import { createModel } from '../src/engine/model';
import { createRng } from '../src/engine/rng';
import type { CellKind } from '../src/engine/types';

const SIZES: [H: number, T: number, B: number][] = [
  [16, 50, 16],
  [32, 50, 32],
  [64, 100, 32],
  [128, 200, 16],
];
const CELLS: CellKind[] = ['lstm', 'gru', 'rnn'];
const only = process.argv[2];

/**
 * Milliseconds per step: the best single step (the figure least disturbed by other processes on a
 * shared machine), the median step, and process CPU time per step.
 */
function time(
  cell: CellKind,
  H: number,
  T: number,
  B: number,
): { best: number; median: number; cpu: number } {
  const I = 2;
  const O = 1;
  const rng = createRng(1);
  const model = createModel({ cell, inputSize: I, hiddenSize: H, outputSize: O });
  const k = 1 / Math.sqrt(H);
  for (const p of model.params) for (let i = 0; i < p.w.length; i++) p.w[i] = rng.uniform(-k, k);
  const inputs = new Float64Array(T * B * I).map(() => rng.uniform(0, 1));
  const targets = new Float64Array(B * O).map(() => rng.uniform(0, 1));
  const batch = { T, B, loss: 'mse_last' as const, inputs, targets };
  const ws = createWorkspace(model.spec, T, B);
  const work = H * H * T * B;
  const warm = Math.max(3, Math.round(2e7 / work));
  for (let i = 0; i < warm; i++) forwardBackward(model, batch, ws);
  const reps = Math.max(7, Math.round(1e8 / work));
  const steps: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    forwardBackward(model, batch, ws);
    steps.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  steps.sort((a, b) => a - b);
  return {
    best: steps[0]!,
    median: steps[steps.length >> 1]!,
    cpu: (c.user + c.system) / 1000 / reps,
  };
}

for (const cell of CELLS) {
  if (only !== undefined && only !== cell) continue;
  for (const [H, T, B] of SIZES) {
    const r = time(cell, H, T, B);
    const tag = `${cell.padEnd(5)} H=${String(H).padStart(3)} T=${String(T).padStart(3)} B=${String(B).padStart(2)}`;
    console.log(
      `${tag}  best ${r.best.toFixed(2)}  median ${r.median.toFixed(2)}  cpu ${r.cpu.toFixed(2)}  ms/step`,
    );
  }
}
