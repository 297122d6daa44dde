/**
 * The newer families against PyTorch float64 (tests/fixtures/{lru,rglru,s6,attention}-*.json, made
 * by tools/family_fixtures.py): every printed number to 1e−9 relative, on the WebAssembly SIMD
 * kernels and on the TypeScript ones. Values below 1e−12 in magnitude compare absolutely.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFamilyGrad } from '../../../src/cli/familyGrad';
import { parseFamilySpec } from '../../../src/cli/familySpec';
import { FAMILY_CELL_IDS } from '../../../src/engine/cells/catalog';
import { setWasmKernels } from '../../../src/engine/wasm/arena';

const DIR = join(__dirname, '..', '..', 'fixtures');
const KEYS = [
  'lossValue',
  'grads',
  'hidden',
  'dL_dh',
  'dL_dh_norm',
  'dL_dh0',
  'gates',
  'attention',
];
/** Every registered cell with its own passes: each must have its fixtures (tools/make_fixtures.py). */
const FILES = readdirSync(DIR).filter((f) => FAMILY_CELL_IDS.some((c) => f.startsWith(`${c}-`)));

type Json = number | string | Json[] | { [k: string]: Json };

function flat(x: Json, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (typeof x === 'string') return out;
  else if (Array.isArray(x)) x.forEach((e) => flat(e, out));
  else
    Object.keys(x)
      .sort()
      .forEach((k) => flat(x[k]!, out));
  return out;
}

/** Same nesting (a matrix with one column stays [rows][1]). */
function shape(x: Json): unknown {
  if (typeof x !== 'object') return 0;
  if (Array.isArray(x)) return [x.length, shape(x[0] ?? 0)];
  return Object.fromEntries(Object.keys(x).map((k) => [k, shape(x[k]!)]));
}

it('finds every family × loss fixture and the special cases', () => {
  for (const cell of FAMILY_CELL_IDS) {
    for (const loss of ['mse_last', 'mse_all', 'xent_all', 'xent_last'])
      expect(FILES).toContain(`${cell}-${loss}.json`);
    for (const tag of ['tiny', 'h1', 'i1', 'long'])
      expect(FILES.some((f) => f.startsWith(cell) && f.endsWith(`-${tag}.json`))).toBe(true);
  }
  for (const f of ['lru-mse_last-decay99', 'rglru-mse_all-a1', 's6-mse_all-n1', 's6-xent_all-n16'])
    expect(FILES).toContain(`${f}.json`);
  expect(FILES.filter((f) => f.startsWith('attention') && f.includes('oddh')).length).toBe(2);
  expect(FILES.filter((f) => /-t\d/.test(f)).length).toBe(9);
});

/**
 * Attention's key-bias gradient is exactly zero (softmax ignores a shift shared by a row); the
 * engine prints 0, PyTorch its round-off. Check that round-off is tiny against the tensor's scale,
 * then judge the engine against the true 0.
 */
function exactKeyBias(raw: Record<string, Json>): void {
  if (raw.cell !== 'attention') return;
  const H = raw.hiddenSize as number;
  const g = (raw.grads as Record<string, number[]>)['attn.in_proj_bias']!;
  const scale = Math.max(...g.map(Math.abs));
  for (let k = H; k < 2 * H; k++) {
    expect(Math.abs(g[k]!)).toBeLessThan(1e-14 * scale);
    g[k] = 0;
  }
}

describe.each(FILES)('%s', (file) => {
  const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, Json>;
  exactKeyBias(raw);
  const got = runFamilyGrad(parseFamilySpec(raw)) as Record<string, Json>;
  setWasmKernels(false);
  let gotTs: Record<string, Json>;
  try {
    gotTs = runFamilyGrad(parseFamilySpec(raw)) as Record<string, Json>;
  } finally {
    setWasmKernels(true);
  }
  const present = KEYS.filter((k) => k in raw);

  it('prints every key PyTorch has, in the same shapes', () => {
    expect(present.length).toBeGreaterThanOrEqual(5);
    for (const k of present) expect(shape(got[k]!)).toEqual(shape(raw[k]!));
    expect(got.nonFinite).toBeNull();
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
