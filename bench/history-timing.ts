/**
 * What one store write costs the gradient heatmap's history at the size limit (T = 1000, 160 rows),
 * as it was (a list of rows that the panel copied into a fresh 160 × T array, then scanned for the
 * colour scale, on every write) and as it is (the row written into the ring in place, its extremes
 * folded into the scale). Run: npx tsx bench/history-timing.ts [T]
 * Wall-clock and process CPU time per write are reported (CPU is the better figure on a shared,
 * oversubscribed machine).
 */
import { cpuUsage } from 'node:process';
import { stickyLogDomain } from '../src/charts/scales';
import { appendGrad, EMPTY_GRAD, HEAT_ROWS } from '../src/store/history';

const T = Number(process.argv[2] ?? 1000);
const ROWS = 400;
const rows = Array.from({ length: ROWS }, (_, k) =>
  Float64Array.from({ length: T }, (_, t) => Math.exp(-t / 100) * (1 + k / ROWS)),
);

function time(label: string, write: (k: number) => void, n = 400): void {
  for (let k = 0; k < n; k++) write(k); // warm up and fill to the cap
  const c0 = cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < n; k++) write(n + k);
  const wall = (performance.now() - t0) / n;
  const c = cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000 / n;
  console.log(`${label}: ${wall.toFixed(3)} ms wall, ${cpu.toFixed(3)} ms CPU per write`);
}

// As it was: appendGrad kept the rows; the panel rebuilt the grid and its domain on every write.
let list: Float64Array[] = [];
time(`T=${T} rows copied into a fresh grid`, (k) => {
  list = [...list.slice(Math.max(0, list.length + 1 - HEAT_ROWS)), rows[k % ROWS]!];
  const grid = new Float64Array(list.length * T);
  list.forEach((r, j) => grid.set(r, j * T));
  stickyLogDomain(null, grid);
});

// As it is.
let g = EMPTY_GRAD;
time(`T=${T} ring written in place`, (k) => {
  g = appendGrad(g, {
    dhNorm: rows[k % ROWS]!,
    iteration: k,
    clippedSince: new Uint8Array(1),
    clipped: false,
  });
  stickyLogDomain(null, Float64Array.of(g.lo, g.hi));
});
