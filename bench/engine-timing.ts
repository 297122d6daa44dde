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

/** Wall-clock and process CPU milliseconds per step (CPU time is the fairer figure on a shared machine). */
function time(cell: CellKind, H: number, T: number, B: number): { wall: number; cpu: number } {
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
  const reps = Math.max(5, Math.round(1e8 / work));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) forwardBackward(model, batch, ws);
  const wall = (performance.now() - t0) / reps;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 / reps };
}

for (const cell of CELLS) {
  if (only !== undefined && only !== cell) continue;
  for (const [H, T, B] of SIZES) {
    const r = time(cell, H, T, B);
    const tag = `${cell.padEnd(5)} H=${String(H).padStart(3)} T=${String(T).padStart(3)} B=${String(B).padStart(2)}`;
    console.log(`${tag}  ${r.cpu.toFixed(2)} ms/step CPU  (${r.wall.toFixed(2)} wall)`);
  }
}
