/**
 * How long the full spectrum (all eigenvalues + σ_max, σ_min) takes for H = 64 and H = 256, and
 * what the on-demand Jacobian analyses cost on a T = 100 trace.
 * Run: npx tsx bench/spectrum-timing.ts [runs]
 * Matrices are PyTorch-default recurrent blocks, U(±1/√H), rescaled to ρ = 0.9 (a typical slider state).
 * Both wall-clock and process CPU time are reported: on a shared, oversubscribed machine the CPU
 * time is the better estimate of what an idle machine would take.
 */
import { createWorkspace, forwardBackward } from '../src/engine/bptt';
import { initModel } from '../src/engine/init';
import { jacobianProducts, stepJacobianNorms } from '../src/engine/jacobian';
import { beltCurves } from '../src/engine/jacobian/belt';
import { createModel } from '../src/engine/model';
import { createRng } from '../src/engine/rng';
import { setSpectralRadius, spectralRadius, spectrum } from '../src/engine/spectrum';
import type { CellKind } from '../src/engine/types';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** CPU milliseconds (user + system) of this process since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

const runs = Number(process.argv[2] ?? 21);
const rng = createRng(2024);
for (const H of [64, 256]) {
  const k = 1 / Math.sqrt(H);
  const times: number[] = [];
  const cpu: number[] = [];
  const rhoTimes: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    const W = new Float64Array(H * H);
    for (let j = 0; j < W.length; j++) W[j] = rng.uniform(-k, k);
    setSpectralRadius(W, H, 0.9);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const s = spectrum(W, H);
    const t1 = performance.now();
    const c1 = cpuMs(c0);
    spectralRadius(W, H);
    const t2 = performance.now();
    if (!(Math.abs(s.rho - 0.9) < 1e-10)) throw new Error(`ρ = ${s.rho}, expected 0.9`);
    // The first two runs warm up the JIT and are not counted.
    if (r >= 2) {
      times.push(t1 - t0);
      cpu.push(c1);
      rhoTimes.push(t2 - t1);
    }
  }
  console.log(
    `H=${H}: full spectrum median ${median(times).toFixed(2)} ms (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}, ${runs} runs); CPU median ${median(cpu).toFixed(2)} ms; eigenvalues only median ${median(rhoTimes).toFixed(2)} ms`,
  );
}

/** Median wall and CPU ms of fn over n runs after one warm-up, as "wall/cpu". */
function time(n: number, fn: () => void): string {
  fn();
  const ts: number[] = [];
  const cs: number[] = [];
  for (let r = 0; r < n; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
    cs.push(cpuMs(c0));
  }
  return `${median(ts).toFixed(1)}/${median(cs).toFixed(1)}`;
}

const T = 100;
const jacRuns = Math.max(3, Math.round(runs / 4));
for (const [cell, H] of [
  ['rnn', 64],
  ['rnn', 128],
  ['lstm', 32],
  ['lstm', 64],
] as [CellKind, number][]) {
  const model = createModel({ cell, inputSize: 2, hiddenSize: H, outputSize: 1 });
  initModel(model, createRng(1), { init: 'pytorch', rho: null, forgetBias: 0 });
  const r = createRng(2);
  const batch = {
    T,
    B: 1,
    loss: 'mse_last' as const,
    inputs: new Float64Array(T * 2).map(() => r.normal()),
    targets: new Float64Array(1),
  };
  const trace = forwardBackward(model, batch, createWorkspace(model.spec, T, 1));
  const norms = time(jacRuns, () => stepJacobianNorms(model, trace, 0));
  const prods = time(jacRuns, () => jacobianProducts(model, trace, 0));
  const belt = cell === 'lstm' ? time(jacRuns, () => beltCurves(model, trace, 0)) : '—';
  console.log(
    `${cell} H=${H} T=${T}: stepJacobianNorms ${norms} ms, jacobianProducts ${prods} ms, beltCurves ${belt} ms (wall/CPU medians of ${jacRuns})`,
  );
}
