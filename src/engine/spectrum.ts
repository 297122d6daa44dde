/**
 * Eigenvalues and singular values of recurrent matrices, and rescaling to a chosen spectral radius.
 * The decompositions are ml-matrix's (Hessenberg + shifted QR for the eigenvalues, Golub–Kahan for
 * the singular values); nothing here iterates on its own.
 */
import { CLASSIC_PARAM } from './cells/classic';
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { largestSingularValue } from './spectralNorm';
import type { Param, ParamName } from './types';

/** Anything that hands out PyTorch-named parameters (a Model does). */
export interface ParamSource {
  param(name: ParamName): Param;
}

export interface Spectrum {
  /** Real parts of the n eigenvalues, sorted by modulus, largest first (conjugate pairs adjacent). */
  re: Float64Array;
  /** Imaginary parts, same order as re. */
  im: Float64Array;
  /** Spectral radius ρ = max |λ|. */
  rho: number;
  /** Largest singular value σ_max = ‖W‖₂. */
  sigmaMax: number;
  /** Smallest singular value σ_min (0 for a singular matrix, up to rounding). */
  sigmaMin: number;
}

/**
 * The power of two nearest max |w|, or 1 for a zero matrix. Dividing by it is exact, so it changes
 * no digit of the result, but it keeps the decompositions' intermediate values far from overflow:
 * their sweeps have no iteration cap and would spin forever on an ∞ or NaN made inside them.
 */
function pow2Scale(W: Float64Array): number {
  let m = 0;
  for (let k = 0; k < W.length; k++) m = Math.max(m, Math.abs(W[k] as number));
  return m === 0 ? 1 : 2 ** Math.round(Math.log2(m));
}

function toMatrix(W: Float64Array, rows: number, cols: number, scale: number): Matrix {
  if (W.length !== rows * cols)
    throw new RangeError(`expected ${rows}×${cols} = ${rows * cols} entries, got ${W.length}`);
  const M = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) M.set(i, j, (W[i * cols + j] as number) / scale);
  }
  return M;
}

function allFinite(W: Float64Array): boolean {
  for (let k = 0; k < W.length; k++) if (!Number.isFinite(W[k] as number)) return false;
  return true;
}

/**
 * Eigenvalues (re, im) of an n×n row-major real matrix, sorted by modulus descending.
 * A matrix holding NaN or ±∞ gets NaN eigenvalues: the QR sweep has no iteration cap and would
 * never converge on such input (a diverged run must not hang the worker).
 */
export function eigenvalues(W: Float64Array, n: number): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  if (n === 0) return { re, im };
  if (!allFinite(W)) {
    if (W.length !== n * n) throw new RangeError(`expected ${n * n} entries, got ${W.length}`);
    re.fill(NaN);
    im.fill(NaN);
    return { re, im };
  }
  const scale = pow2Scale(W);
  const evd = new EigenvalueDecomposition(toMatrix(W, n, n, scale));
  const d = evd.realEigenvalues.map((x) => x * scale);
  const e = evd.imaginaryEigenvalues.map((x) => x * scale);
  const order = Array.from({ length: n }, (_, k) => k);
  const mod = (k: number) => Math.hypot(d[k] as number, e[k] as number);
  // Modulus first; ties (conjugate pairs, ±λ) by real part then imaginary part so the order is stable.
  order.sort(
    (a, b) =>
      mod(b) - mod(a) || (d[b] as number) - (d[a] as number) || (e[b] as number) - (e[a] as number),
  );
  for (let k = 0; k < n; k++) {
    const src = order[k] as number;
    re[k] = d[src] as number;
    im[k] = e[src] as number;
  }
  return { re, im };
}

/** Singular values of a rows×cols row-major matrix, descending (min(rows, cols) of them). */
export function singularValues(W: Float64Array, rows: number, cols: number): Float64Array {
  const k = Math.min(rows, cols);
  const out = new Float64Array(k);
  if (k === 0) return out;
  if (!allFinite(W)) {
    if (W.length !== rows * cols)
      throw new RangeError(`expected ${rows * cols} entries, got ${W.length}`);
    return out.fill(NaN);
  }
  const scale = pow2Scale(W);
  const svd = new SingularValueDecomposition(toMatrix(W, rows, cols, scale), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  const s = svd.diagonal;
  for (let i = 0; i < k; i++) out[i] = (s[i] as number) * scale;
  out.sort().reverse();
  return out;
}

/** Spectral norm ‖W‖₂ = σ_max of a rows×cols row-major matrix (σ_max alone; see spectralNorm.ts). */
export function spectralNorm(W: Float64Array, rows: number, cols: number): number {
  if (rows === 0 || cols === 0) return 0;
  if (W.length !== rows * cols)
    throw new RangeError(`expected ${rows}×${cols} = ${rows * cols} entries, got ${W.length}`);
  return largestSingularValue(W, rows, cols);
}

/** Spectral radius ρ = max |λ| of an n×n row-major matrix. */
export function spectralRadius(W: Float64Array, n: number): number {
  const { re, im } = eigenvalues(W, n);
  let rho = 0;
  for (let k = 0; k < n; k++) {
    const m = Math.hypot(re[k] as number, im[k] as number);
    if (!(m <= rho)) rho = m; // NaN propagates
  }
  return rho;
}

/** All eigenvalues, ρ, σ_max and σ_min of an n×n row-major matrix (H up to 256). */
export function spectrum(W: Float64Array, n: number): Spectrum {
  const { re, im } = eigenvalues(W, n);
  const s = singularValues(W, n, n);
  const rho = n === 0 ? 0 : Math.hypot(re[0] as number, im[0] as number);
  return {
    re,
    im,
    rho,
    sigmaMax: n === 0 ? 0 : (s[0] as number),
    sigmaMin: n === 0 ? 0 : (s[n - 1] as number),
  };
}

/**
 * Scale W in place by ρ_target/ρ(W), so that its spectral radius becomes ρ_target (eigenvalues scale
 * with the matrix, exactly up to rounding). A matrix whose spectral radius is 0 (the zero matrix, or
 * a nilpotent one) cannot be rescaled: it is left untouched and flagged `zero`. `after` is measured
 * again on the rescaled matrix, not inferred.
 */
export function setSpectralRadius(
  W: Float64Array,
  n: number,
  rho: number,
): { zero: boolean; before: number; after: number } {
  if (!(rho >= 0) || !Number.isFinite(rho))
    throw new RangeError(`spectral radius must be finite and ≥ 0, got ${rho}`);
  let isZero = true;
  for (let k = 0; k < W.length; k++) if (W[k] !== 0) isZero = false;
  if (isZero) return { zero: true, before: 0, after: 0 };
  const before = spectralRadius(W, n);
  if (!Number.isFinite(before)) return { zero: false, before, after: before };
  if (before === 0) return { zero: true, before, after: 0 };
  const a = rho / before;
  for (let k = 0; k < W.length; k++) W[k] = (W[k] as number) * a;
  return { zero: false, before, after: rho === 0 ? 0 : spectralRadius(W, n) };
}

/** Number of gate blocks G and hidden size H, read from weight_hh_l0's shape [G·H][H]. */
export function recurrentShape(model: ParamSource): { G: number; H: number } {
  const p = model.param(CLASSIC_PARAM.whh);
  return { G: p.rows / p.cols, H: p.cols };
}

/** Copy of the H×H block of weight_hh_l0 for gate index `gate` (PyTorch row order; 0 for rnn/linear). */
export function recurrentBlock(model: ParamSource, gate: number): Float64Array {
  const { G, H } = recurrentShape(model);
  if (!Number.isInteger(gate) || gate < 0 || gate >= G)
    throw new RangeError(`gate ${gate} outside 0..${G - 1}`);
  return model.param(CLASSIC_PARAM.whh).w.slice(gate * H * H, (gate + 1) * H * H);
}

/** Spectrum of one gate block of the recurrent matrix. */
export function modelSpectrum(model: ParamSource, gate: number): Spectrum {
  return spectrum(recurrentBlock(model, gate), recurrentShape(model).H);
}

/**
 * Multiply gate block g of weight_hh_l0 by factors[g], in place. Eigenvalues and singular values
 * scale by the same factor, so a caller that knows a block's ρ knows it afterwards without another
 * eigen-decomposition (the ρ slider answers in milliseconds instead of two decompositions per block).
 */
export function scaleRecurrentBlocks(model: ParamSource, factors: readonly number[]): void {
  const { G, H } = recurrentShape(model);
  const w = model.param(CLASSIC_PARAM.whh).w;
  for (let g = 0; g < G; g++) {
    const f = factors[g] ?? 1;
    if (f === 1) continue;
    for (let k = g * H * H; k < (g + 1) * H * H; k++) w[k] = (w[k] as number) * f;
  }
}

/**
 * Rescale each chosen gate block of weight_hh_l0 (default: all) to spectral radius ρ, in place.
 * Returns per block what setSpectralRadius reported, so a zero block can be shown as such.
 */
export function setModelSpectralRadius(
  model: ParamSource,
  rho: number,
  gates?: readonly number[],
): { gate: number; zero: boolean; before: number; after: number }[] {
  const { G, H } = recurrentShape(model);
  const w = model.param(CLASSIC_PARAM.whh).w;
  const chosen = gates ?? Array.from({ length: G }, (_, g) => g);
  return chosen.map((gate) => {
    const block = recurrentBlock(model, gate);
    const r = setSpectralRadius(block, H, rho);
    w.set(block, gate * H * H);
    return { gate, ...r };
  });
}
