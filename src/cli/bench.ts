/**
 * `npm run bench`: ms per training step of our engine (float64, forward + full BPTT recording the
 * whole per-step trace + Adam) against TensorFlow.js (float32 — all tfjs offers — cpu and wasm+SIMD
 * backends, the faster per size) on the adding problem, plus our GFLOP/s against a single-thread
 * ceiling measured in the same process. The peer lives in bench/ with its own lockfile and is
 * installed on first use. Optional PyTorch column (float64, one thread) when `import torch` works.
 *
 * Ours runs on its WebAssembly SIMD kernels where available (as in the app); --kernels=typescript
 * times the TypeScript fallback instead. Besides the scalar ceiling, the table gives each case as a
 * share of the SIMD kernel's own peak on a 256³ product.
 *
 * The newer families (lru, rglru, s6, attention) follow, with the PyTorch column only
 * (bench/families.ts).
 *
 * Flags: --json (one JSON object on stdout), --no-peer, --quick (fewer runs), --cells=rnn,lstm,s6,
 * --all-backends (also time tfjs's cpu backend where wasm is already slow), --kernels=typescript,
 * --only scan (only the parallel scan against the sequential loop: bench/scan.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureCeiling, measureSimdPeak } from './bench/ceiling';
import { printTable } from './bench/report';
import type { BenchRow } from './bench/types';
import { setWasmKernels, wasmKernelsAvailable } from '../engine/wasm/arena';
import { benchBatch, createOursStep, median, stepFlops, stepsPerRun, timeRun } from './bench/ours';
import type { BenchCase } from './bench/ours';
import { torchAvailable, torchStepMs } from './bench/torch';
import { familyCases, measureFamilies } from './bench/families';
import { CELLS as REGISTERED } from '../engine/cells/catalog';
import { measureScan } from './bench/scan';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DIR = path.join(ROOT, 'bench');
const SIZES: readonly [number, number, number][] = [
  [16, 50, 16],
  [32, 50, 32],
  [64, 100, 32],
  [128, 200, 16],
];
const CELLS: readonly BenchCase['cell'][] = ['rnn', 'lstm', 'gru'];
/** The newer families (every registered cell that is not a classic one), against PyTorch only. */
const FAMILIES = REGISTERED.filter((c) => c.family !== 'classic').map(
  (c) => c.id,
) as readonly BenchCase['cell'][];
const isFamily = (c: string) => (FAMILIES as readonly string[]).includes(c);

interface Peer {
  useBackend(name: string): Promise<boolean>;
  backendInfo(): Promise<{ backend: string; version: string; simd: boolean }>;
  createPeerStep(o: object): { step: () => number; dispose: () => void };
}

/** Above this wasm time per step the tfjs cpu backend is not tried (see measureCase). */
const CPU_SKIP_ABOVE_MS = 1000;

interface Options {
  json: boolean;
  allBackends: boolean;
  quick: boolean;
  noPeer: boolean;
  cells: readonly BenchCase['cell'][];
  families: readonly BenchCase['cell'][];
  /** Progress and tables go to stderr under --json so stdout holds only the JSON. */
  say: (s: string) => void;
}

function parseOptions(argv: readonly string[]): Options {
  const args = new Set(argv);
  const json = args.has('--json');
  const cellsArg = [...args].find((a) => a.startsWith('--cells='));
  return {
    json,
    allBackends: args.has('--all-backends'),
    quick: args.has('--quick'),
    noPeer: args.has('--no-peer'),
    cells:
      cellsArg === undefined
        ? CELLS
        : (cellsArg
            .slice(8)
            .split(',')
            .filter((c) => !isFamily(c)) as BenchCase['cell'][]),
    families:
      cellsArg === undefined
        ? FAMILIES
        : (cellsArg.slice(8).split(',').filter(isFamily) as BenchCase['cell'][]),
    say: (s: string) => (json ? process.stderr.write(s + '\n') : console.log(s)),
  };
}

function ensurePeerInstalled(say: Options['say']): boolean {
  if (existsSync(path.join(BENCH_DIR, 'node_modules/@tensorflow/tfjs/package.json'))) return true;
  say('Installing the TensorFlow.js peer into bench/ (first use, about 300 MB)…');
  const lock = existsSync(path.join(BENCH_DIR, 'package-lock.json'));
  const r = spawnSync(
    'npm',
    [lock ? 'ci' : 'install', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) {
    say(
      `Peer install failed (${r.stderr.trim().split('\n').slice(-1)[0] ?? 'unknown'}); benchmarking ours only.`,
    );
    return false;
  }
  return true;
}

async function loadPeer({ noPeer, say }: Options): Promise<Peer | null> {
  if (noPeer || !ensurePeerInstalled(say)) return null;
  try {
    return (await import(pathToFileURL(path.join(BENCH_DIR, 'peer.mjs')).href)) as Peer;
  } catch (e) {
    say(`Could not load the peer: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** tfjs wants [B][T][I]; ours is [T][B][I]. */
function toBatchMajor(x: Float64Array, T: number, B: number, I: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++)
      for (let i = 0; i < I; i++) out[(b * T + t) * I + i] = x[(t * B + b) * I + i]!;
  return out;
}

interface CaseResult {
  oursMs: number;
  /** Median ceiling GFLOP/s measured between our runs. */
  ceilingAdjacent: number;
  oursLoss: [number, number];
  peer: { ms: number; backend: string } | null;
}

/**
 * Ours and each peer backend are timed in alternating runs (ours, peer, ours, peer, …), so load from
 * other processes on this shared machine hits both alike; medians are over each side's runs.
 */
async function measureCase(
  peer: Peer | null,
  c: BenchCase,
  runs: number,
  { allBackends, say }: Options,
): Promise<CaseResult> {
  const targetMs = 250;
  const ours = createOursStep(c);
  const first = ours();
  const plan = stepsPerRun(ours, targetMs);
  const oursTimes: number[] = [];
  /** Ceiling runs interleaved with ours, so "% of ceiling" compares like with like under load. */
  const ceilRuns: number[] = [];
  let best: { ms: number; backend: string } | null = null;
  if (peer !== null) {
    const { batch, I, O } = benchBatch(c);
    const data = {
      ...c,
      I,
      O,
      inputs: toBatchMajor(batch.inputs, c.T, c.B, I),
      targets: batch.targets,
      lr: 1e-2,
    };
    for (const backend of ['wasm', 'cpu']) {
      if (backend === 'cpu' && best !== null && best.ms > CPU_SKIP_ABOVE_MS && !allBackends) {
        // In the runs here cpu won only where wasm took under ~600 ms and lost 2–8× at H ≥ 64, where
        // one cpu step took over a minute; a synchronous step cannot be interrupted, so skip it.
        say(
          `    tfjs cpu: not tried (wasm already ${best.ms.toFixed(0)} ms/step; --all-backends to force)`,
        );
        continue;
      }
      if (!(await peer.useBackend(backend))) continue;
      const p = peer.createPeerStep(data);
      // A backend already 2× slower than the best on a single step cannot win: one timing, no runs.
      const bar = best === null ? Infinity : 2 * best.ms;
      const t0 = performance.now();
      const pFirst = p.step();
      const firstMs = performance.now() - t0;
      // The first step also initializes the backend, hence the wide margin.
      if (firstMs > 10 * bar) {
        say(
          `    tfjs ${backend}: first step ${firstMs.toFixed(0)} ms, clearly slower; not timed further`,
        );
        p.dispose();
        continue;
      }
      const pPlan = stepsPerRun(p.step, targetMs);
      if (pPlan.estMs > bar) {
        say(
          `    tfjs ${backend}: ${pPlan.estMs.toFixed(1)} ms/step on a single step, clearly slower; not timed further`,
        );
        p.dispose();
        continue;
      }
      const peerTimes: number[] = [];
      for (let r = 0; r < runs; r++) {
        oursTimes.push(timeRun(ours, plan.steps));
        ceilRuns.push(measureCeiling(256, 1, 1).gflops);
        peerTimes.push(timeRun(p.step, pPlan.steps));
      }
      const pLast = p.step();
      p.dispose();
      const ms = median(peerTimes);
      say(
        `    tfjs ${backend}: ${ms.toFixed(2)} ms/step, loss ${pFirst.toFixed(3)} → ${pLast.toFixed(3)}`,
      );
      if (best === null || ms < best.ms) best = { ms, backend };
    }
  }
  if (oursTimes.length === 0)
    for (let r = 0; r < runs; r++) {
      oursTimes.push(timeRun(ours, plan.steps));
      ceilRuns.push(measureCeiling(256, 1, 1).gflops);
    }
  return {
    oursMs: median(oursTimes),
    ceilingAdjacent: median(ceilRuns),
    oursLoss: [first, ours()],
    peer: best,
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const opts = parseOptions(argv);
  const { json, quick, say } = opts;
  if (argv.includes('--kernels=typescript')) setWasmKernels(false);
  if (json) {
    // tfjs prints banners and init warnings through console; keep them off stdout too.
    const toErr = (...a: unknown[]) => process.stderr.write(a.map(String).join(' ') + '\n');
    console.log = toErr;
    console.info = toErr;
    console.warn = toErr;
  }
  const runs = quick ? 3 : 7;
  const only = argv.find((a, k) => a.startsWith('--only=') || argv[k - 1] === '--only');
  if (only !== undefined && only.replace('--only=', '') === 'scan') {
    say(
      'Bench: the parallel scan (Hillis–Steele) against the sequential loop, one thread, ms per batch.',
    );
    const scan = measureScan(SIZES, runs, say);
    if (json) process.stdout.write(JSON.stringify({ scan }) + '\n');
    return;
  }
  say(
    `Bench: adding problem, Adam lr 1e-2; ours float64 with the full per-step trace; median of ${runs} runs.`,
  );
  const ceil0 = measureCeiling(256, quick ? 5 : 9);
  say(
    `Single-thread ceiling (register-blocked 4×2 float64 A·Bᵀ, n = 256): ${ceil0.gflops.toFixed(2)} GFLOP/s (median ${ceil0.medianGflops.toFixed(2)})`,
  );
  const peer = await loadPeer(opts);
  if (peer !== null) {
    await peer.useBackend('wasm');
    const info = await peer.backendInfo();
    say(
      `Peer: TensorFlow.js ${info.version} (float32), wasm SIMD ${info.simd ? 'on' : 'off'}, and the cpu backend.`,
    );
  }
  const kernels = wasmKernelsAvailable() ? 'simd' : 'typescript';
  const simd0 = measureSimdPeak(256, quick ? 5 : 9);
  say(
    kernels === 'simd'
      ? `Ours on WebAssembly SIMD kernels; their own peak on a 256³ product: ${simd0?.gflops.toFixed(2) ?? '—'} GFLOP/s.`
      : 'Ours on the TypeScript kernels.',
  );
  const torch = torchAvailable();
  if (torch) say('PyTorch found: adding a float64 single-thread column.');

  const rows: BenchRow[] = [];
  for (const [H, T, B] of SIZES) {
    for (const cell of opts.cells) {
      const c: BenchCase = { cell, H, T, B };
      const r = await measureCase(peer, c, runs, opts);
      const { I } = benchBatch(c);
      const gflops = stepFlops(c, I) / (r.oursMs * 1e6);
      say(
        `  ${cell} H=${H} T=${T} B=${B}: ours ${r.oursMs.toFixed(2)} ms/step (${gflops.toFixed(2)} GFLOP/s), loss ${r.oursLoss[0].toFixed(3)} → ${r.oursLoss[1].toFixed(3)}`,
      );
      const p = r.peer;
      const row: BenchRow = {
        cell,
        H,
        T,
        B,
        oursMs: r.oursMs,
        peerMs: p?.ms ?? null,
        peerBackend: p?.backend ?? null,
        ratio: p === null ? null : p.ms / r.oursMs,
        gflops,
        ceilingAdjacentGflops: r.ceilingAdjacent,
        kernels,
      };
      if (torch) {
        const tm = torchStepMs(c, runs);
        if (tm !== null) row.torchMs = tm;
      }
      rows.push(row);
    }
  }
  rows.push(
    ...(await measureFamilies(familyCases(opts.families, SIZES), runs, torch, kernels, say)),
  );
  const ceil1 = measureCeiling(256, quick ? 5 : 9);
  const ceilingGflops = Math.max(ceil0.gflops, ceil1.gflops);
  const simd1 = kernels === 'simd' ? measureSimdPeak(256, quick ? 5 : 9) : null;
  const simdPeakGflops =
    simd0 === null || simd1 === null ? null : Math.max(simd0.gflops, simd1.gflops);

  if (json) {
    process.stdout.write(JSON.stringify({ results: rows, ceilingGflops, simdPeakGflops }) + '\n');
    return;
  }
  console.log('');
  console.log(
    `ceiling ${ceilingGflops.toFixed(2)} GFLOP/s (start ${ceil0.gflops.toFixed(2)}, end ${ceil1.gflops.toFixed(2)})` +
      (simdPeakGflops === null ? '' : `; SIMD kernel peak ${simdPeakGflops.toFixed(2)} GFLOP/s`),
  );
  printTable(rows, ceilingGflops, simdPeakGflops, torch);
}

// Run only as a script: importing this file parses no argv and times nothing.
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
