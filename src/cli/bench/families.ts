/**
 * The newer families in `npm run bench`: ms per training step (forward, backward with the whole
 * per-step trace, Adam) on the same adding-problem batch as the classic cells (ours.ts), with the
 * PyTorch float64 one-thread column from the fixtures' modules (tools/family_modules.py via
 * bench/torch_peer.py), its runs alternating with ours (ours, PyTorch, ours, …) so that load from
 * other processes on a shared machine hits both alike. No TensorFlow.js peer: it has no such
 * layers. Attention also runs at T = 400 and 1000, where its T² shows. S6 runs at its default
 * state size N = 16 (Mamba's d_state).
 */
import { cellInfo, cellSizes } from '../../engine/cells/catalog';
import { measureCeiling } from './ceiling';
import { benchBatch, createOursStep, median, stepFlops, stepsPerRun, timeRun } from './ours';
import type { BenchCase } from './ours';
import { startTorchPeer } from './torch';
import type { BenchRow } from './types';

export function familyCases(
  cells: readonly BenchCase['cell'][],
  sizes: readonly (readonly [number, number, number])[],
): BenchCase[] {
  const out: BenchCase[] = [];
  for (const [H, T, B] of sizes) for (const cell of cells) out.push({ cell, H, T, B });
  // A cell whose work per step grows with T (attention reads every earlier position) also runs at
  // long T, where its T² shows.
  const s = { inputSize: 2, hiddenSize: 128, outputSize: 1 };
  for (const cell of cells)
    if (
      cellInfo(cell).macsPerStep(cellSizes(cell, s), 1000) >
      cellInfo(cell).macsPerStep(cellSizes(cell, s), 100)
    )
      for (const T of [400, 1000]) out.push({ cell, H: 128, T, B: 16 });
  return out;
}

/**
 * Times every case in alternating runs of ~250 ms, ours then PyTorch's, with the scalar ceiling
 * beside ours as for the classic cells; 3 rounds where a PyTorch step takes seconds (attention at
 * T = 1000 takes about half a minute).
 */
export async function measureFamilies(
  cases: readonly BenchCase[],
  runs: number,
  torch: boolean,
  kernels: BenchRow['kernels'],
  say: (s: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const c of cases) {
    const step = createOursStep(c);
    const first = step();
    const plan = stepsPerRun(step, 250);
    const peer = torch ? await startTorchPeer(c) : null;
    const times: number[] = [];
    const ceil: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < runs; r++) {
      times.push(timeRun(step, plan.steps));
      ceil.push(measureCeiling(256, 1, 1).gflops);
      const ms = peer === null ? null : await peer.run();
      if (ms !== null) theirs.push(ms);
      if (r >= 2 && theirs.length > 0 && median(theirs) > 5000) break;
    }
    peer?.close();
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
    if (theirs.length > 0) {
      row.torchMs = median(theirs);
      say(
        `    PyTorch: ${row.torchMs.toFixed(2)} ms/step (${(row.torchMs / oursMs).toFixed(2)}× ours), ${theirs.length} runs`,
      );
    }
    rows.push(row);
  }
  return rows;
}
