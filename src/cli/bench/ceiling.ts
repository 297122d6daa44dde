import { gemmNT } from '../../engine/linalg';
import { allocate, kernelsFor, wasmKernelsAvailable } from '../../engine/wasm/arena';

/**
 * The single-thread ceiling the engine is held against: a register-blocked float64 matrix product
 * C = A·Bᵀ (4 rows × 2 columns of C in registers, both operands read along contiguous rows), written
 * only for this measurement so that engine changes cannot move the yardstick.
 */

function gemm4x2(
  m: number,
  n: number,
  k: number,
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
): void {
  for (let i = 0; i < m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    for (let j = 0; j < n; j += 2) {
      const b0 = j * k;
      const b1 = b0 + k;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0; // prettier-ignore
      for (let p = 0; p < k; p++) {
        const y0 = B[b0 + p]!;
        const y1 = B[b1 + p]!;
        const x0 = A[a0 + p]!;
        const x1 = A[a1 + p]!;
        const x2 = A[a2 + p]!;
        const x3 = A[a3 + p]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s30 += x3 * y0;
        s31 += x3 * y1;
      }
      C[i * n + j] = s00;
      C[i * n + j + 1] = s01;
      C[(i + 1) * n + j] = s10;
      C[(i + 1) * n + j + 1] = s11;
      C[(i + 2) * n + j] = s20;
      C[(i + 2) * n + j + 1] = s21;
      C[(i + 3) * n + j] = s30;
      C[(i + 3) * n + j + 1] = s31;
    }
  }
}

export interface CeilingResult {
  /** Best GFLOP/s over the runs (2·m·n·k flops per product). */
  gflops: number;
  /** Median GFLOP/s. */
  medianGflops: number;
  size: number;
  /** Σ C, so the product cannot be optimized away and a wrong kernel shows. */
  checksum: number;
}

/** Times `runs` products of n×n matrices (n a multiple of 4) after `warmups`; deterministic data. */
export function measureCeiling(n = 256, runs = 9, warmups = 3): CeilingResult {
  if (n % 4 !== 0) throw new RangeError('n must be a multiple of 4');
  const A = new Float64Array(n * n);
  const B = new Float64Array(n * n);
  for (let q = 0; q < n * n; q++) {
    A[q] = ((q * 7919) % 1000) / 1000 - 0.5;
    B[q] = ((q * 104729) % 1000) / 1000 - 0.5;
  }
  const C = new Float64Array(n * n);
  for (let w = 0; w < warmups; w++) gemm4x2(n, n, n, A, B, C);
  const rates: number[] = [];
  const flops = 2 * n * n * n;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    gemm4x2(n, n, n, A, B, C);
    const ms = performance.now() - t0;
    rates.push(flops / (ms * 1e6));
  }
  rates.sort((a, b) => a - b);
  let checksum = 0;
  for (let q = 0; q < C.length; q++) checksum += C[q]!;
  return {
    gflops: rates[rates.length - 1]!,
    medianGflops: rates[rates.length >> 1]!,
    size: n,
    checksum,
  };
}

/**
 * A second reference, for the engine's own WebAssembly SIMD product (two doubles per instruction,
 * so it can pass the scalar ceiling above): GFLOP/s of that kernel on n×n operands in an arena,
 * best and median of `runs`. Null where the SIMD kernels are unavailable or turned off.
 */
export function measureSimdPeak(n = 256, runs = 9, warmups = 3): CeilingResult | null {
  if (!wasmKernelsAvailable()) return null;
  const m = allocate({ A: n * n, B: n * n, C: n * n });
  if (kernelsFor(m.C.buffer) === undefined) return null;
  for (let q = 0; q < n * n; q++) {
    m.A[q] = ((q * 7919) % 1000) / 1000 - 0.5;
    m.B[q] = ((q * 104729) % 1000) / 1000 - 0.5;
  }
  const run = () => gemmNT(n, n, n, m.A, 0, n, m.B, 0, n, m.C, 0, n, false);
  for (let w = 0; w < warmups; w++) run();
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    run();
    rates.push((2 * n * n * n) / ((performance.now() - t0) * 1e6));
  }
  rates.sort((a, b) => a - b);
  let checksum = 0;
  for (let q = 0; q < m.C.length; q++) checksum += m.C[q]!;
  return {
    gflops: rates[rates.length - 1]!,
    medianGflops: rates[rates.length >> 1]!,
    size: n,
    checksum,
  };
}
