/**
 * The newer families in `npm run bench`: ms per training step (forward, backward with the whole
 * per-step trace, Adam) on the same adding-problem batch as the classic cells (ours.ts), with the
 * PyTorch float64 one-thread column from the fixtures' modules (tools/family_modules.py via
 * bench/torch_peer.py), timed right after ours in the same run. No TensorFlow.js peer: it has no
 * such layers. Attention also runs at T = 400 and 1000, where its T² shows. S6 runs at its default
 * state size N = 16 (Mamba's d_state).
 */
import { measureCeiling } from './ceiling';
import { benchBatch, createOursStep, median, stepFlops, stepsPerRun, timeRun } from './ours';
import type { BenchCase } from './ours';
import { torchStepMs } from './torch';
import type { BenchRow } from './types';

export function familyCases(
  cells: readonly BenchCase['cell'][],
  sizes: readonly (readonly [number, number, number])[],
): BenchCase[] {
  const out: BenchCase[] = [];
  for (const [H, T, B] of sizes) for (const cell of cells) out.push({ cell, H, T, B });
  if (cells.includes('attention'))
    for (const T of [400, 1000]) out.push({ cell: 'attention', H: 128, T, B: 16 });
  return out;
}

/**
 * Times every case: ours `runs` runs of ~250 ms (with the scalar ceiling between them, as for the
 * classic cells), then PyTorch's (3 runs where our step takes over 0.5 s: theirs takes seconds).
 */
export function measureFamilies(
  cases: readonly BenchCase[],
  runs: number,
  torch: boolean,
  kernels: BenchRow['kernels'],
  say: (s: string) => void,
): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const step = createOursStep(c);
    const first = step();
    const plan = stepsPerRun(step, 250);
    const times: number[] = [];
    const ceil: number[] = [];
    for (let r = 0; r < runs; r++) {
      times.push(timeRun(step, plan.steps));
      ceil.push(measureCeiling(256, 1, 1).gflops);
    }
    const oursMs = median(times);
    const gflops = stepFlops(c, benchBatch(c).I) / (oursMs * 1e6);
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
