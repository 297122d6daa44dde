import { describe, expect, it } from 'vitest';
import { Matrix, determinant, inverse } from 'ml-matrix';
import { createModel } from '../../src/engine/model';
import { randomOrthogonal } from '../../src/engine/orthogonal';
import { createRng } from '../../src/engine/rng';
import {
  spectralNorm,
  modelSpectrum,
  recurrentBlock,
  setModelSpectralRadius,
  setSpectralRadius,
  singularValues,
  spectralRadius,
  spectrum,
} from '../../src/engine/spectrum';
import type { Spectrum } from '../../src/engine/spectrum';

type C = [number, number];

const matmul = (A: Float64Array, B: Float64Array, n: number): Float64Array => {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const a = A[i * n + k] as number;
      for (let j = 0; j < n; j++)
        out[i * n + j] = (out[i * n + j] as number) + a * (B[k * n + j] as number);
    }
  return out;
};
const transpose = (A: Float64Array, n: number): Float64Array => {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = A[i * n + j] as number;
  return out;
};

/** Real block-diagonal matrix with the given eigenvalues (a conjugate pair as a 2×2 block a −b; b a). */
function blockDiag(eigs: C[]): { D: Float64Array; n: number; all: C[] } {
  const n = eigs.reduce((s, [, b]) => s + (b === 0 ? 1 : 2), 0);
  const D = new Float64Array(n * n);
  const all: C[] = [];
  let p = 0;
  for (const [a, b] of eigs) {
    if (b === 0) {
      D[p * n + p] = a;
      all.push([a, 0]);
      p += 1;
    } else {
      D[p * n + p] = a;
      D[p * n + p + 1] = -b;
      D[(p + 1) * n + p] = b;
      D[(p + 1) * n + p + 1] = a;
      all.push([a, b], [a, -b]);
      p += 2;
    }
  }
  return { D, n, all };
}

/** Largest distance from each expected eigenvalue to its nearest computed one (and vice versa). */
function matchError(s: Spectrum, expected: C[]): number {
  const got: C[] = Array.from(s.re, (r, k) => [r, s.im[k] as number]);
  const dist = (a: C, b: C) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  let worst = 0;
  const used = new Set<number>();
  for (const e of expected) {
    let best = Infinity;
    let bestK = -1;
    got.forEach((g, k) => {
      const d = dist(e, g);
      if (!used.has(k) && d < best) {
        best = d;
        bestK = k;
      }
    });
    used.add(bestK);
    worst = Math.max(worst, best);
  }
  expect(used.size).toBe(expected.length);
  return worst;
}

/** Coefficients of Π (x − r) (real, from conjugate-closed roots), highest power first, monic. */
function polyFromRoots(roots: C[]): number[] {
  let re = [1];
  let im = [0];
  for (const [a, b] of roots) {
    const nr = new Array<number>(re.length + 1).fill(0);
    const ni = new Array<number>(re.length + 1).fill(0);
    for (let k = 0; k < re.length; k++) {
      nr[k] = (nr[k] as number) + (re[k] as number);
      ni[k] = (ni[k] as number) + (im[k] as number);
      nr[k + 1] = (nr[k + 1] as number) - (a * (re[k] as number) - b * (im[k] as number));
      ni[k + 1] = (ni[k + 1] as number) - (a * (im[k] as number) + b * (re[k] as number));
    }
    re = nr;
    im = ni;
  }
  for (const v of im) expect(Math.abs(v)).toBeLessThan(1e-12);
  return re;
}

/** Companion matrix of the monic polynomial x^n + c1 x^(n−1) + … + cn. */
function companion(coeffs: number[]): { W: Float64Array; n: number } {
  const n = coeffs.length - 1;
  const W = new Float64Array(n * n);
  for (let j = 0; j < n; j++) W[j] = -(coeffs[j + 1] as number);
  for (let i = 1; i < n; i++) W[i * n + (i - 1)] = 1;
  return { W, n };
}

/** det(W − λI) for complex λ by Gaussian elimination with partial pivoting in complex arithmetic. */
function charDet(W: Float64Array, n: number, lam: C): C {
  const re = Array.from(W);
  const im = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) {
    re[i * n + i] = (re[i * n + i] as number) - lam[0];
    im[i * n + i] = -lam[1];
  }
  let det: C = [1, 0];
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++)
      if (
        Math.hypot(re[r * n + c] as number, im[r * n + c] as number) >
        Math.hypot(re[p * n + c] as number, im[p * n + c] as number)
      )
        p = r;
    if (p !== c) {
      for (let j = 0; j < n; j++) {
        [re[c * n + j], re[p * n + j]] = [re[p * n + j] as number, re[c * n + j] as number];
        [im[c * n + j], im[p * n + j]] = [im[p * n + j] as number, im[c * n + j] as number];
      }
      det = [-det[0], -det[1]];
    }
    const pr = re[c * n + c] as number;
    const pi = im[c * n + c] as number;
    det = [det[0] * pr - det[1] * pi, det[0] * pi + det[1] * pr];
    const m2 = pr * pr + pi * pi;
    if (m2 === 0) return [0, 0];
    for (let r = c + 1; r < n; r++) {
      const ar = re[r * n + c] as number;
      const ai = im[r * n + c] as number;
      const fr = (ar * pr + ai * pi) / m2;
      const fi = (ai * pr - ar * pi) / m2;
      for (let j = c; j < n; j++) {
        const br = re[c * n + j] as number;
        const bi = im[c * n + j] as number;
        re[r * n + j] = (re[r * n + j] as number) - (fr * br - fi * bi);
        im[r * n + j] = (im[r * n + j] as number) - (fr * bi + fi * br);
      }
    }
  }
  return det;
}

/**
 * How far each computed λ_k is from being a root: |det(W − λ_k I)| / Π_{j≠k} |λ_j − λ_k|, which to
 * first order is the distance from λ_k to the true eigenvalue (det(W − λI) = Π_j (λ_j − λ)).
 */
function rootResidual(W: Float64Array, n: number, s: Spectrum): number {
  let worst = 0;
  for (let k = 0; k < n; k++) {
    const lam: C = [s.re[k] as number, s.im[k] as number];
    const d = charDet(W, n, lam);
    let denom = 1;
    for (let j = 0; j < n; j++)
      if (j !== k) denom *= Math.hypot((s.re[j] as number) - lam[0], (s.im[j] as number) - lam[1]);
    worst = Math.max(worst, Math.hypot(d[0], d[1]) / denom);
  }
  return worst;
}

describe('spectrum: known spectra', () => {
  it('rotations: e^{±iθ}, radius r, conjugated by a random orthogonal matrix', () => {
    const eigs: C[] = [
      [0.9 * Math.cos(0.3), 0.9 * Math.sin(0.3)],
      [1.2 * Math.cos(2.0), 1.2 * Math.sin(2.0)],
      [Math.cos(Math.PI / 2), Math.sin(Math.PI / 2)],
      [-0.4, 0],
    ];
    const { D, n, all } = blockDiag(eigs);
    const direct = spectrum(D, n);
    const Q = randomOrthogonal(createRng(7), n, n);
    const W = matmul(matmul(Q, D, n), transpose(Q, n), n);
    const s = spectrum(W, n);
    expect(Math.max(matchError(direct, all), matchError(s, all))).toBeLessThan(1e-10);
    expect(Math.abs(s.rho - 1.2)).toBeLessThan(1e-10);
    // Normal matrix: singular values are the moduli.
    expect(Math.abs(s.sigmaMax - 1.2)).toBeLessThan(1e-10);
    expect(Math.abs(s.sigmaMin - 0.4)).toBeLessThan(1e-10);
  });

  it('diagonal matrices, directly and under a non-orthogonal similarity', () => {
    const d = [3, -2.5, 1e-3, 0, 0.75, -0.75, 7, 1];
    const n = d.length;
    const D = new Float64Array(n * n);
    d.forEach((v, i) => (D[i * n + i] = v));
    const all: C[] = d.map((v) => [v, 0]);
    const direct = spectrum(D, n);
    expect(Array.from(direct.re)).toEqual([7, 3, -2.5, 1, 0.75, -0.75, 1e-3, 0]);
    expect(direct.sigmaMax).toBe(7);
    expect(direct.sigmaMin).toBe(0);
    const rng = createRng(11);
    const V = new Matrix(n, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) V.set(i, j, (i === j ? 1 : 0) + 0.3 * rng.normal());
    const W = Float64Array.from(
      V.mmul(
        new Matrix(Array.from({ length: n }, (_, i) => Array.from(D.subarray(i * n, i * n + n)))),
      )
        .mmul(inverse(V))
        .to1DArray(),
    );
    expect(matchError(spectrum(W, n), all)).toBeLessThan(1e-10);
  });

  it('companion matrices of known polynomials, complex roots included', () => {
    const roots: C[] = [
      [2, 0],
      [-3, 0],
      [0.5, 0.5],
      [0.5, -0.5],
      [-1, 2],
      [-1, -2],
      [0.25, 0],
    ];
    const { W, n } = companion(polyFromRoots(roots));
    const s = spectrum(W, n);
    expect(matchError(s, roots)).toBeLessThan(1e-10);
    expect(rootResidual(W, n, s)).toBeLessThan(1e-10);
    // x^4 − 1: the four fourth roots of unity, two of them purely imaginary.
    const q = companion([1, 0, 0, 0, -1]);
    const unity: C[] = [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ];
    expect(matchError(spectrum(q.W, q.n), unity)).toBeLessThan(1e-10);
  });

  it('random orthogonal matrices: every |λ| = 1 and every σ = 1 (n = 64)', () => {
    const n = 64;
    const Q = randomOrthogonal(createRng(3), n, n);
    const s = spectrum(Q, n);
    let worst = 0;
    for (let k = 0; k < n; k++)
      worst = Math.max(worst, Math.abs(Math.hypot(s.re[k] as number, s.im[k] as number) - 1));
    expect(worst).toBeLessThan(1e-10);
    expect(Math.abs(s.rho - 1)).toBeLessThan(1e-10);
    expect(Math.abs(s.sigmaMax - 1)).toBeLessThan(1e-10);
    expect(Math.abs(s.sigmaMin - 1)).toBeLessThan(1e-10);
  });

  it('random matrices: trace = Σλ, det = Πλ, each λ a root of det(W − λI), Σσ² = ‖W‖_F²', () => {
    const rng = createRng(5);
    for (const n of [6, 12]) {
      const W = new Float64Array(n * n);
      for (let k = 0; k < W.length; k++) W[k] = rng.normal() / Math.sqrt(n);
      const s = spectrum(W, n);
      let tr = 0;
      for (let i = 0; i < n; i++) tr += W[i * n + i] as number;
      let sumRe = 0;
      let sumIm = 0;
      let prod: C = [1, 0];
      for (let k = 0; k < n; k++) {
        const a = s.re[k] as number;
        const b = s.im[k] as number;
        sumRe += a;
        sumIm += b;
        prod = [prod[0] * a - prod[1] * b, prod[0] * b + prod[1] * a];
      }
      const det = determinant(
        new Matrix(Array.from({ length: n }, (_, i) => Array.from(W.subarray(i * n, i * n + n)))),
      );
      expect(Math.abs(sumRe - tr)).toBeLessThan(1e-12);
      expect(Math.abs(sumIm)).toBeLessThan(1e-12);
      expect(Math.abs(prod[1])).toBeLessThan(1e-12);
      expect(Math.abs(prod[0] - det) / Math.abs(det)).toBeLessThan(1e-10);
      expect(rootResidual(W, n, s)).toBeLessThan(1e-10);
      const sv = singularValues(W, n, n);
      let fro = 0;
      for (const v of W) fro += v * v;
      expect(Math.abs(sv.reduce((a, v) => a + v * v, 0) - fro) / fro).toBeLessThan(1e-12);
      for (let k = 1; k < n; k++) expect(sv[k] as number).toBeLessThanOrEqual(sv[k - 1] as number);
      expect(s.rho).toBeLessThanOrEqual(s.sigmaMax * (1 + 1e-12));
    }
  });

  it('singular values of a rectangular matrix; non-finite input gives NaN instead of hanging', () => {
    // [[3, 0, 0], [0, 0, -2]]: singular values 3, 2.
    expect(Array.from(singularValues(Float64Array.from([3, 0, 0, 0, 0, -2]), 2, 3))).toEqual([
      3, 2,
    ]);
    // Entries near the overflow threshold: the result scales with them instead of hanging or overflowing.
    const big = Float64Array.from([0, -1e300, 1e300, 0]); // rotation by π/2 scaled by 1e300
    const sb = spectrum(big, 2);
    expect(Math.abs(sb.rho / 1e300 - 1)).toBeLessThan(1e-15);
    expect(Math.abs(sb.sigmaMax / 1e300 - 1)).toBeLessThan(1e-15);
    expect(
      Math.abs(
        spectrum(
          big.map((x) => x * 1e-300 * 1e-300),
          2,
        ).rho /
          1e-300 -
          1,
      ),
    ).toBeLessThan(1e-15);
    const bad = Float64Array.from([1, NaN, 0, 1]);
    expect(Number.isNaN(spectralRadius(bad, 2))).toBe(true);
    expect(Number.isNaN(spectrum(bad, 2).sigmaMax)).toBe(true);
  });
});

describe('spectralNorm (σ_max alone, Gram + tridiagonal bisection) agrees with the full SVD', () => {
  it('random square and rectangular matrices, extreme scales, rank one, zero and NaN', () => {
    const rng = createRng(21);
    let worst = 0;
    for (const [r, c] of [
      [1, 1],
      [2, 2],
      [3, 7],
      [7, 3],
      [16, 16],
      [64, 64],
      [40, 90],
      [128, 128],
    ] as const) {
      for (const scale of [1, 1e-200, 1e200]) {
        const W = new Float64Array(r * c).map(() => rng.normal() * scale);
        const ref = singularValues(
          W.map((x) => x / scale),
          r,
          c,
        )[0] as number;
        worst = Math.max(worst, Math.abs(spectralNorm(W, r, c) / scale - ref) / ref);
      }
    }
    // Nearly equal top singular values (an orthogonal matrix with one value nudged) and rank one.
    const Q = randomOrthogonal(createRng(2), 32, 32);
    for (let j = 0; j < 32; j++) Q[j] = (Q[j] as number) * (1 + 1e-9);
    const refQ = singularValues(Q, 32, 32)[0] as number;
    worst = Math.max(worst, Math.abs(spectralNorm(Q, 32, 32) - refQ) / refQ);
    const u = new Float64Array(9).map(() => rng.normal());
    const v = new Float64Array(5).map(() => rng.normal());
    const R1 = new Float64Array(45);
    for (let i = 0; i < 9; i++)
      for (let j = 0; j < 5; j++) R1[i * 5 + j] = (u[i] as number) * (v[j] as number);
    const nu = Math.hypot(...u) * Math.hypot(...v);
    worst = Math.max(worst, Math.abs(spectralNorm(R1, 9, 5) - nu) / nu);
    expect(worst).toBeLessThan(1e-12);
    expect(spectralNorm(new Float64Array(12), 3, 4)).toBe(0);
    expect(Number.isNaN(spectralNorm(Float64Array.from([1, NaN, 0, 1]), 2, 2))).toBe(true);
  });
});

describe('setSpectralRadius', () => {
  it('rescales random matrices to the target ρ to 1e-10', () => {
    const rng = createRng(9);
    let worst = 0;
    for (const [n, target] of [
      [16, 0.9],
      [32, 1.5],
      [64, 0.5],
      [8, 1e-3],
    ] as const) {
      const W = new Float64Array(n * n);
      for (let k = 0; k < W.length; k++) W[k] = rng.normal();
      const r = setSpectralRadius(W, n, target);
      expect(r.zero).toBe(false);
      expect(r.before).toBeGreaterThan(1);
      const measured = spectralRadius(W, n);
      worst = Math.max(
        worst,
        Math.abs(measured - target) / target,
        Math.abs(r.after - target) / target,
      );
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('a zero matrix stays zero and is flagged', () => {
    const W = new Float64Array(9);
    expect(setSpectralRadius(W, 3, 0.9)).toEqual({ zero: true, before: 0, after: 0 });
    expect(W.every((v) => v === 0)).toBe(true);
    const V = Float64Array.from([1, 2, 3, 4]);
    expect(setSpectralRadius(V, 2, 0).after).toBe(0);
    expect(Array.from(V)).toEqual([0, 0, 0, 0]);
    expect(() => setSpectralRadius(V, 2, -1)).toThrow();
  });
});

describe('model blocks', () => {
  it('per-gate blocks of an LSTM: spectrum per block, rescaling only the chosen ones', () => {
    const H = 6;
    const model = createModel({ cell: 'lstm', inputSize: 2, hiddenSize: H, outputSize: 1 });
    const rng = createRng(1);
    const w = model.param('weight_hh_l0').w;
    for (let k = 0; k < w.length; k++) w[k] = rng.normal();
    const before = w.slice();
    expect(Array.from(recurrentBlock(model, 2))).toEqual(
      Array.from(before.subarray(2 * H * H, 3 * H * H)),
    );
    setModelSpectralRadius(model, 0.8, [1, 3]);
    expect(Array.from(w.subarray(0, H * H))).toEqual(Array.from(before.subarray(0, H * H)));
    expect(Array.from(w.subarray(2 * H * H, 3 * H * H))).toEqual(
      Array.from(before.subarray(2 * H * H, 3 * H * H)),
    );
    expect(Math.abs(modelSpectrum(model, 1).rho - 0.8)).toBeLessThan(1e-10);
    expect(Math.abs(modelSpectrum(model, 3).rho - 0.8)).toBeLessThan(1e-10);
    setModelSpectralRadius(model, 1.1);
    for (let g = 0; g < 4; g++)
      expect(Math.abs(modelSpectrum(model, g).rho - 1.1)).toBeLessThan(1e-10);
    expect(() => recurrentBlock(model, 4)).toThrow();
  });
});
