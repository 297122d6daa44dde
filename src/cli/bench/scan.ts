/**
 * `npm run bench -- --only scan`: the parallel scan (engine/scan/, Hillis–Steele) against the plain
 * sequential loop over the same pairs (a_t, b_t), for every scannable cell at the bench's four
 * sizes, forward (states) and reverse (dL/dh), one thread. The pairs come from one real pass on the
 * adding batch (ours.ts); both sides copy them into a work buffer first, so the copy costs alike.
 * Work is counted in combines per lane: T − 1 for the loop, Σ_ℓ (T − 2^(ℓ−1)) for the scan, whose
 * depth is ⌈log₂ T⌉ rounds against the loop's T − 1 dependent steps. On one core the depth buys
 * nothing and the extra work costs; the table says by how much.
 */
import { createWorkspace, forwardBackward } from '../../engine/bptt';
import { CELLS, initFor } from '../../engine/cells/catalog';
import { initModel } from '../../engine/init';
import { createModel } from '../../engine/model';
import { createRng } from '../../engine/rng';
import { sequencePairs } from '../../engine/scan/pairs';
import { hillisSteele, scanDepth, sequentialScan } from '../../engine/scan/prefix';
import type { ScanDirection } from '../../engine/scan/prefix';
import { clonePairs } from '../../engine/scan/types';
import type { ScanPairs } from '../../engine/scan/types';
import { benchBatch, median } from './ours';

export interface ScanBenchRow {
  cell: string;
  H: number;
  T: number;
  B: number;
  /** Lanes per sequence (S; H for the LRU's complex units). */
  lanes: number;
  dir: ScanDirection;
  loopMs: number;
  scanMs: number;
  /** Combines per lane: the loop's T − 1 and the scan's Σ_ℓ (T − 2^(ℓ−1)). */
  loopWork: number;
  scanWork: number;
  /** Dependent rounds: T − 1 and ⌈log₂ T⌉. */
  loopDepth: number;
  scanDepth: number;
  /** max |scan − loop| / max(1, max |loop|) over the batch. */
  gap: number;
}

function scanWork(T: number): number {
  let w = 0;
  for (let d = 1; d < T; d *= 2) w += T - d;
  return w;
}

function timeIt(f: () => void, targetMs: number, runs: number): number {
  f();
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let k = 0; k < n; k++) f();
    const ms = performance.now() - t0;
    if (ms > targetMs / 4 || n > 1 << 20) break;
    n *= 2;
  }
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let k = 0; k < n; k++) f();
    times.push((performance.now() - t0) / n);
  }
  return median(times);
}

const copyInto = (to: ScanPairs, from: ScanPairs) => {
  to.a.set(from.a);
  to.b.set(from.b);
  if (to.ai !== null) to.ai.set(from.ai!);
  if (to.bi !== null) to.bi.set(from.bi!);
};

/** One cell at one size: both directions. */
function measure(cell: string, H: number, T: number, B: number, runs: number): ScanBenchRow[] {
  const { batch, I, O } = benchBatch({ cell: cell as never, H, T, B });
  const model = createModel({ cell: cell as never, inputSize: I, hiddenSize: H, outputSize: O });
  initModel(model, createRng(7), { init: initFor(cell, ''), rho: null, forgetBias: 0 });
  const ws = createWorkspace(model.spec, T, B);
  forwardBackward(model, batch, ws, {});
  const seqs = Array.from({ length: B }, (_, b) => sequencePairs(model, ws, b));
  const rows: ScanBenchRow[] = [];
  for (const dir of ['forward', 'reverse'] as const) {
    const src = seqs.map((s) => (dir === 'forward' ? s.forward : s.backward));
    const work = src.map(clonePairs);
    const out = src.map((p) => new Float64Array(p.ai === null ? p.T * p.U : 2 * p.T * p.U));
    const loop = () =>
      src.forEach((p, b) => {
        copyInto(work[b]!, p);
        sequentialScan(work[b]!, dir, out[b]!);
      });
    const scan = () =>
      src.forEach((p, b) => {
        copyInto(work[b]!, p);
        hillisSteele(work[b]!, dir);
      });
    const loopMs = timeIt(loop, 200, runs);
    const scanMs = timeIt(scan, 200, runs);
    let d = 0;
    let s = 1;
    src.forEach((p, b) => {
      loop();
      scan();
      const w = work[b]!;
      const o = out[b]!;
      const W = p.ai === null ? p.U : 2 * p.U;
      for (let t = 0; t < p.T; t++)
        for (let j = 0; j < p.U; j++) {
          const pairs: [number, number][] = [[w.b[t * p.U + j]!, o[t * W + j]!]];
          if (w.bi !== null) pairs.push([w.bi[t * p.U + j]!, o[t * W + p.U + j]!]);
          for (const [x, y] of pairs) {
            d = Math.max(d, Math.abs(x - y));
            s = Math.max(s, Math.abs(y));
          }
        }
    });
    rows.push({
      cell,
      H,
      T,
      B,
      lanes: src[0]!.U,
      dir,
      loopMs,
      scanMs,
      loopWork: T - 1,
      scanWork: scanWork(T),
      loopDepth: T - 1,
      scanDepth: scanDepth(T),
      gap: d / s,
    });
  }
  return rows;
}

export function measureScan(
  sizes: readonly (readonly [number, number, number])[],
  runs: number,
  say: (s: string) => void,
): ScanBenchRow[] {
  const cells = CELLS.filter((c) => 'scan' in c && c.scan === true).map((c) => c.id);
  const rows: ScanBenchRow[] = [];
  for (const [H, T, B] of sizes)
    for (const cell of cells) {
      for (const r of measure(cell, H, T, B, runs)) {
        say(
          `  ${cell.padEnd(6)} H=${H} T=${T} B=${B} ${r.dir.padEnd(7)} lanes ${String(r.lanes).padStart(4)}: ` +
            `loop ${r.loopMs.toFixed(3)} ms, scan ${r.scanMs.toFixed(3)} ms (${(r.scanMs / r.loopMs).toFixed(2)}×); ` +
            `work/lane ${r.loopWork} vs ${r.scanWork}, depth ${r.loopDepth} vs ${r.scanDepth}; gap ${r.gap.toExponential(1)}`,
        );
        rows.push(r);
      }
    }
  return rows;
}
