/**
 * Dense kernels on row-major Float64Array slices. Two product shapes do all the work of BPTT:
 * C = A·Bᵀ (gemmNT: the per-step products, both operands read along contiguous rows, dot-product
 * order) and C = Aᵀ·B (gemmTN: the weight gradients, summed over the rows of a chunk of steps, so
 * the pre-activation gradients and states are read where they were written, with no transposes).
 * When all three operands are views of one workspace arena, the product runs in the WebAssembly
 * SIMD kernels instead (wasm/arena.ts); the TypeScript below is the fallback and the reference.
 */
import { kernelsFor } from './wasm/arena';

/**
 * C[i][j] (+)= Σ_p A[i][p]·B[j][p] for i < m, j < n, p < k. Row r of A starts at aOff + r·lda
 * (likewise B, C). With `accumulate` false, C is overwritten. Blocked 2 rows × 4 columns so that
 * eight partial sums stay in registers and each loaded value is used 2–4 times.
 */
export function gemmNT(
  m: number,
  n: number,
  k: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  accumulate: boolean,
): void {
  const w = A.buffer === C.buffer && B.buffer === C.buffer ? kernelsFor(C.buffer) : undefined;
  if (w !== undefined) {
    const a = A.byteOffset + 8 * aOff;
    const b = B.byteOffset + 8 * bOff;
    w.gemm_nt(m, n, k, a, lda, b, ldb, C.byteOffset + 8 * cOff, ldc, accumulate ? 1 : 0);
    return;
  }
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = aOff + i * lda;
    const a1 = a0 + lda;
    const c0 = cOff + i * ldc;
    const c1 = c0 + ldc;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = bOff + j * ldb;
      const b1 = b0 + ldb;
      const b2 = b1 + ldb;
      const b3 = b2 + ldb;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0; // prettier-ignore
      for (let p = 0; p < k; p++) {
        const x0 = A[a0 + p]!;
        const x1 = A[a1 + p]!;
        const y0 = B[b0 + p]!;
        const y1 = B[b1 + p]!;
        const y2 = B[b2 + p]!;
        const y3 = B[b3 + p]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      if (accumulate) {
        C[c0 + j] = C[c0 + j]! + s00;
        C[c0 + j + 1] = C[c0 + j + 1]! + s01;
        C[c0 + j + 2] = C[c0 + j + 2]! + s02;
        C[c0 + j + 3] = C[c0 + j + 3]! + s03;
        C[c1 + j] = C[c1 + j]! + s10;
        C[c1 + j + 1] = C[c1 + j + 1]! + s11;
        C[c1 + j + 2] = C[c1 + j + 2]! + s12;
        C[c1 + j + 3] = C[c1 + j + 3]! + s13;
      } else {
        C[c0 + j] = s00;
        C[c0 + j + 1] = s01;
        C[c0 + j + 2] = s02;
        C[c0 + j + 3] = s03;
        C[c1 + j] = s10;
        C[c1 + j + 1] = s11;
        C[c1 + j + 2] = s12;
        C[c1 + j + 3] = s13;
      }
    }
    for (; j < n; j++) {
      const b0 = bOff + j * ldb;
      let s0 = 0;
      let s1 = 0;
      for (let p = 0; p < k; p++) {
        const y = B[b0 + p]!;
        s0 += A[a0 + p]! * y;
        s1 += A[a1 + p]! * y;
      }
      C[c0 + j] = accumulate ? C[c0 + j]! + s0 : s0;
      C[c1 + j] = accumulate ? C[c1 + j]! + s1 : s1;
    }
  }
  if (i < m) {
    const a0 = aOff + i * lda;
    const c0 = cOff + i * ldc;
    for (let j = 0; j < n; j++) {
      const b0 = bOff + j * ldb;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[a0 + p]! * B[b0 + p]!;
      C[c0 + j] = accumulate ? C[c0 + j]! + s : s;
    }
  }
}

/**
 * Rows per call of the SIMD gemm_tn on long sums (the newer families' weight gradients over all T·B
 * rows): each of its 4×4 blocks of C walks all k rows of A and B, so over thousands of rows every
 * block streamed them from L3 (2.0–2.8 GFLOP/s for 384×128 and 128×128 over 3 200 rows, best of 15
 * runs); in chunks of 64 rows, which stay in L2, 12.8–16.2. Sums up to 512 rows (the classic cells'
 * chunks) still run in one call.
 */
const TN_CHUNK = 64;
const TN_ONE_CALL = 512;

/**
 * C[i][j] += Σ_p A[p][i]·B[p][j] for i < m, j < n, p < k: a sum of k outer products of rows. Row p
 * of A starts at aOff + p·lda (likewise B; C row i at cOff + i·ldc). Blocked 2 × 4 like gemmNT;
 * each step of p reads 2 neighbouring values of A's row and 4 of B's.
 */
export function gemmTN(
  m: number,
  n: number,
  k: number,
  A: Float64Array,
  aOff: number,
  lda: number,
  B: Float64Array,
  bOff: number,
  ldb: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
): void {
  const w = A.buffer === C.buffer && B.buffer === C.buffer ? kernelsFor(C.buffer) : undefined;
  if (w !== undefined) {
    const a = A.byteOffset + 8 * aOff;
    const b = B.byteOffset + 8 * bOff;
    const c = C.byteOffset + 8 * cOff;
    if (k <= TN_ONE_CALL) {
      w.gemm_tn(m, n, k, a, lda, b, ldb, c, ldc);
      return;
    }
    for (let p = 0; p < k; p += TN_CHUNK)
      w.gemm_tn(
        m,
        n,
        Math.min(TN_CHUNK, k - p),
        a + 8 * p * lda,
        lda,
        b + 8 * p * ldb,
        ldb,
        c,
        ldc,
      );
    return;
  }
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const c0 = cOff + i * ldc;
    const c1 = c0 + ldc;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0; // prettier-ignore
      let pa = aOff + i;
      let pb = bOff + j;
      for (let p = 0; p < k; p++) {
        const x0 = A[pa]!;
        const x1 = A[pa + 1]!;
        const y0 = B[pb]!;
        const y1 = B[pb + 1]!;
        const y2 = B[pb + 2]!;
        const y3 = B[pb + 3]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
        pa += lda;
        pb += ldb;
      }
      C[c0 + j] = C[c0 + j]! + s00;
      C[c0 + j + 1] = C[c0 + j + 1]! + s01;
      C[c0 + j + 2] = C[c0 + j + 2]! + s02;
      C[c0 + j + 3] = C[c0 + j + 3]! + s03;
      C[c1 + j] = C[c1 + j]! + s10;
      C[c1 + j + 1] = C[c1 + j + 1]! + s11;
      C[c1 + j + 2] = C[c1 + j + 2]! + s12;
      C[c1 + j + 3] = C[c1 + j + 3]! + s13;
    }
    for (; j < n; j++) {
      let s0 = 0;
      let s1 = 0;
      let pa = aOff + i;
      let pb = bOff + j;
      for (let p = 0; p < k; p++) {
        const y = B[pb]!;
        s0 += A[pa]! * y;
        s1 += A[pa + 1]! * y;
        pa += lda;
        pb += ldb;
      }
      C[c0 + j] = C[c0 + j]! + s0;
      C[c1 + j] = C[c1 + j]! + s1;
    }
  }
  if (i < m) {
    const c0 = cOff + i * ldc;
    for (let j = 0; j < n; j++) {
      let s = 0;
      let pa = aOff + i;
      let pb = bOff + j;
      for (let p = 0; p < k; p++) {
        s += A[pa]! * B[pb]!;
        pa += lda;
        pb += ldb;
      }
      C[c0 + j] = C[c0 + j]! + s;
    }
  }
}

/** out[j] += Σ_r M[off + r·ld + j] for j < cols, r < rows: column sums of a row-major block. */
export function colSumsAdd(
  M: Float64Array,
  off: number,
  rows: number,
  cols: number,
  ld: number,
  out: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const base = off + r * ld;
    for (let j = 0; j < cols; j++) out[j] = out[j]! + M[base + j]!;
  }
}

/** dst[j·ldd + dOff + i] = src[sOff + i·cols + j]: writes the rows×cols block as cols rows of length ≥ rows. */
export function transposeInto(
  src: Float64Array,
  sOff: number,
  rows: number,
  cols: number,
  dst: Float64Array,
  dOff: number,
  ldd: number,
): void {
  for (let i = 0; i < rows; i++) {
    const s = sOff + i * cols;
    for (let j = 0; j < cols; j++) dst[dOff + j * ldd + i] = src[s + j]!;
  }
}

/** Fills `rows` rows of length `vec.length` starting at off (row stride = vec.length) with vec. */
export function broadcastRows(
  dst: Float64Array,
  off: number,
  rows: number,
  vec: Float64Array,
): void {
  const n = vec.length;
  for (let r = 0; r < rows; r++) dst.set(vec, off + r * n);
}

/** Euclidean norm of x[off..off+len), scaled so that values near 1e−300 or 1e300 neither underflow nor overflow. */
export function norm2(x: Float64Array, off: number, len: number): number {
  let amax = 0;
  for (let p = 0; p < len; p++) {
    const a = Math.abs(x[off + p]!);
    // NaN fails every comparison, so test it explicitly to keep it visible.
    if (a > amax || a !== a) amax = a;
  }
  if (amax !== amax || amax === Infinity) return amax;
  if (amax === 0) return 0;
  if (amax > 1e-150 && amax < 1e150) {
    let s = 0;
    for (let p = 0; p < len; p++) {
      const v = x[off + p]!;
      s += v * v;
    }
    return Math.sqrt(s);
  }
  // Divide rather than multiply by 1/amax: 1/amax overflows for subnormal amax.
  let s = 0;
  for (let p = 0; p < len; p++) {
    const v = x[off + p]! / amax;
    s += v * v;
  }
  return amax * Math.sqrt(s);
}
