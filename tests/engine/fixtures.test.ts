/**
 * The engine against PyTorch float64 (tests/fixtures/<cell>-<loss>[-tK][-holdφ].json, made by
 * tools/make_fixtures.py, and the three shared worked examples): every printed number to 1e−9
 * relative. Values below 1e−12 in magnitude compare absolutely at 1e−21 (exact zeros stay exact
 * to that level). Each fixture runs twice: with the WebAssembly SIMD kernels (the default where
 * available) and with the TypeScript ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGrad } from '../../src/cli/grad';
import { parseSpec } from '../../src/cli/spec';
import { CELLS } from '../../src/engine/cells/catalog';
import { setWasmKernels, wasmKernelsAvailable } from '../../src/engine/wasm/arena';

const DIR = join(__dirname, '..', 'fixtures');
const KEYS = [
  'lossValue',
  'grads',
  'hidden',
  'dL_dh',
  'dL_dh_norm',
  'dL_dh0',
  'cellState',
  'dL_dc',
  'dL_dc_norm',
  'dL_dc0',
  'gates',
];
/** Every registered cell on the classic driver: each must have its fixtures (tools/make_fixtures.py). */
const CLASSIC = CELLS.filter((c) => c.family === 'classic').map((c) => c.id);
const FILE = new RegExp(
  `^(example-)?(${CLASSIC.join('|')})-(mse|xent)_(last|all)(-t\\d+)?(-hold[\\d.]+)?(-[ih]1)?\\.json$`,
);
const FILES = readdirSync(DIR).filter((f) => FILE.test(f));

type Json = number | Json[] | { [k: string]: Json };

/** The nesting of x with every number replaced by 0: equal exactly when the shapes are equal. */
function shapeOf(x: Json): Json {
  if (typeof x === 'number') return 0;
  if (Array.isArray(x)) return x.map(shapeOf);
  return Object.fromEntries(
    Object.keys(x)
      .sort()
      .map((k) => [k, shapeOf(x[k]!)]),
  );
}

function flat(x: Json, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) x.forEach((e) => flat(e, out));
  else
    Object.keys(x)
      .sort()
      .forEach((k) => flat(x[k]!, out));
  return out;
}

it('runs the SIMD kernels here (Node has WebAssembly SIMD)', () => {
  expect(wasmKernelsAvailable()).toBe(true);
});

it('finds every cell × loss fixture', () => {
  for (const cell of CLASSIC) {
    for (const loss of ['mse_last', 'mse_all', 'xent_all', 'xent_last'])
      expect(FILES).toContain(`${cell}-${loss}.json`);
  }
  expect(FILES.filter((f) => f.includes('-t')).length).toBeGreaterThanOrEqual(12);
  expect(FILES.filter((f) => f.includes('-hold')).length).toBeGreaterThanOrEqual(3);
  expect(FILES.filter((f) => f.startsWith('example-')).length).toBe(3);
  // A matrix with one column (I = 1, H = 1) must stay [rows][1], as PyTorch's tolist() gives it.
  for (const cell of CLASSIC) {
    expect(FILES).toContain(`${cell}-mse_last-i1.json`);
    expect(FILES).toContain(`${cell}-xent_all-h1.json`);
  }
});

describe.each(FILES)('%s', (file) => {
  const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, Json>;
  const got = runGrad(parseSpec(raw)) as Record<string, Json>;
  setWasmKernels(false);
  let gotTs: Record<string, Json>;
  try {
    gotTs = runGrad(parseSpec(raw)) as Record<string, Json>;
  } finally {
    setWasmKernels(true);
  }
  const present = KEYS.filter((k) => k in raw);

  it('prints every key PyTorch has', () => {
    expect(present.length).toBeGreaterThanOrEqual(6);
    for (const k of present) expect(got).toHaveProperty(k);
    expect(got.nonFinite).toBeNull();
  });

  it('prints every key in the nested shape PyTorch gives it (matrices [rows][cols], vectors flat)', () => {
    for (const k of present) expect(shapeOf(got[k]!), k).toEqual(shapeOf(raw[k]!));
  });

  it.each(present)('%s matches to 1e−9 relative', (key) => {
    const want = flat(raw[key]!);
    for (const run of [got, gotTs]) {
      const have = flat(run[key]!);
      expect(have.length).toBe(want.length);
      let worst = 0;
      for (let i = 0; i < want.length; i++) {
        const a = have[i]!;
        const b = want[i]!;
        worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12));
      }
      expect(worst).toBeLessThan(1e-9);
    }
  });
});
