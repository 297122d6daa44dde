/**
 * The WebAssembly SIMD kernels against the TypeScript ones: the products on their own (every
 * remainder path: odd m, n, k, offsets, accumulate or not) and whole forward/backward passes of
 * every cell, where the two may differ only by summation order. Also: the committed bytes are a
 * fresh compile of kernels.wat.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import { initModel } from '../../src/engine/init';
import { gemmNT, gemmTN } from '../../src/engine/linalg';
import { createModel } from '../../src/engine/model';
import { createRng } from '../../src/engine/rng';
import type { Rng } from '../../src/engine/rng';
import type { Batch, CellKind } from '../../src/engine/types';
import { allocate, kernelsFor, setWasmKernels } from '../../src/engine/wasm/arena';

afterEach(() => setWasmKernels(true));

function relDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    worst = Math.max(worst, Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-300));
  }
  return worst;
}

/** Largest difference relative to the largest magnitude: sums of random terms can cancel to ~0. */
function normDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return d / m;
}

function fill(rng: Rng, a: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i] = rng.uniform(-1, 1);
}

it('kernels.wasm.ts is a fresh compile of kernels.wat', () => {
  expect(() =>
    execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { stdio: 'pipe' }),
  ).not.toThrow();
});

describe('SIMD products agree with the TypeScript ones', () => {
  const shapes: [number, number, number][] = [];
  for (const m of [1, 2, 3, 5, 8]) for (const n of [1, 3, 4, 6, 9]) for (const k of [1, 2, 3, 7, 34]) shapes.push([m, n, k]); // prettier-ignore
  shapes.push([32, 128, 34], [130, 34, 256], [1, 32, 257]);

  it.each([true, false])('gemmNT, accumulate = %s', (acc) => {
    const rng = createRng(21);
    for (const [m, n, k] of shapes) {
      const lda = k + 3;
      const ldb = k + 1;
      const ldc = n + 2;
      const a = allocate({ A: 5 + m * lda, B: 2 + n * ldb, C: 7 + m * ldc });
      expect(kernelsFor(a.A.buffer)).toBeDefined();
      fill(rng, a.A);
      fill(rng, a.B);
      fill(rng, a.C);
      const ref = { A: a.A.slice(), B: a.B.slice(), C: a.C.slice() };
      gemmNT(m, n, k, a.A, 5, lda, a.B, 2, ldb, a.C, 7, ldc, acc);
      gemmNT(m, n, k, ref.A, 5, lda, ref.B, 2, ldb, ref.C, 7, ldc, acc);
      expect(normDiff(a.C, ref.C), `${m}×${n}×${k}`).toBeLessThan(1e-14);
      // Nothing outside C's block was touched.
      expect(a.C[6]).toBe(ref.C[6]);
      expect(a.A).toEqual(ref.A);
    }
  });

  it('gemmTN', () => {
    const rng = createRng(22);
    for (const [m, n, k] of shapes) {
      const lda = m + 2;
      const ldb = n + 5;
      const ldc = n + 1;
      const a = allocate({ A: 3 + k * lda, B: 1 + k * ldb, C: 4 + m * ldc });
      fill(rng, a.A);
      fill(rng, a.B);
      fill(rng, a.C);
      const ref = { A: a.A.slice(), B: a.B.slice(), C: a.C.slice() };
      gemmTN(m, n, k, a.A, 3, lda, a.B, 1, ldb, a.C, 4, ldc);
      gemmTN(m, n, k, ref.A, 3, lda, ref.B, 1, ldb, ref.C, 4, ldc);
      expect(normDiff(a.C, ref.C), `${m}×${n}×${k}`).toBeLessThan(1e-14);
    }
  });

  it('a product runs in TypeScript when an operand is outside the arena', () => {
    const a = allocate({ A: 6, C: 4 });
    const B = new Float64Array([1, 2, 3, 4, 5, 6]);
    a.A.set([1, 0, 0, 0, 1, 0]);
    gemmNT(2, 2, 3, a.A, 0, 3, B, 0, 3, a.C, 0, 2, false);
    expect([...a.C]).toEqual([1, 4, 2, 5]);
  });
});

describe('whole passes agree with the TypeScript kernels', () => {
  const cases: [CellKind, number, number, number, number, number][] = [
    // cell, I, H, T, B, truncate
    ['linear', 3, 5, 7, 3, 0],
    ['rnn', 2, 9, 11, 4, 4],
    ['lstm', 1, 7, 9, 5, 0],
    ['lstm', 4, 16, 12, 3, 5],
    ['gru', 2, 6, 10, 3, 0],
    ['gru', 3, 13, 8, 2, 3],
  ];
  it.each(cases)('%s I=%i H=%i T=%i B=%i K=%i', (cell, I, H, T, B, truncate) => {
    const run = (simd: boolean) => {
      setWasmKernels(simd);
      const model = createModel({ cell, inputSize: I, hiddenSize: H, outputSize: 2 });
      initModel(model, createRng(3), { init: 'pytorch', rho: 1.2, forgetBias: 1 });
      const rng = createRng(4);
      const inputs = new Float64Array(T * B * I);
      fill(rng, inputs);
      const targets = new Float64Array(T * B * 2);
      fill(rng, targets);
      const batch: Batch = { T, B, inputs, targets, loss: 'mse_all' };
      const ws = createWorkspace(model.spec, T, B, { chunkRows: 2 * B });
      expect(kernelsFor(ws.trace.h.buffer) !== undefined).toBe(simd);
      const tr = forwardBackward(model, batch, ws, { truncate });
      return { tr, grads: model.params.map((p) => p.dw.slice()) };
    };
    const simd = run(true);
    const ts = run(false);
    expect(Math.abs(simd.tr.loss - ts.tr.loss) / ts.tr.loss).toBeLessThan(1e-13);
    expect(relDiff(simd.tr.h, ts.tr.h)).toBeLessThan(1e-11);
    expect(relDiff(simd.tr.dh, ts.tr.dh)).toBeLessThan(1e-10);
    simd.grads.forEach((g, i) => expect(relDiff(g, ts.grads[i]!)).toBeLessThan(1e-10));
  });
});
