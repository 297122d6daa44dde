/** The grad CLI on the newer families, as a user runs it: a spawned process, good and bad specs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');

function grad(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/grad.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'grad-family-'));
let n = 0;
function specFile(spec: unknown): string {
  const f = join(tmp, `spec${n++}.json`);
  writeFileSync(f, JSON.stringify(spec));
  return f;
}
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8')) as Record<string, unknown>;

describe('grad CLI, newer families', () => {
  it.each(['lru-mse_all', 'rglru-xent_all', 's6-mse_last', 'attention-xent_last'])(
    '%s: one JSON object with the contract fields',
    (name) => {
      const r = grad(join(FIX, `${name}.json`));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const got = JSON.parse(r.out) as Record<string, unknown>;
      for (const k of ['lossValue', 'grads', 'hidden', 'dL_dh', 'dL_dh_norm'])
        expect(got).toHaveProperty(k);
      const want = fixture(name);
      expect(Math.abs((got.lossValue as number) / (want.lossValue as number) - 1)).toBeLessThan(
        1e-12,
      );
      const gates = { lru: ['lambda_abs'], rglru: ['a', 'r', 'i'], s6: ['delta'], attention: [] }[
        want.cell as string
      ]!;
      expect(Object.keys((got.gates as object | undefined) ?? {})).toEqual(gates);
      expect('attention' in got).toBe(want.cell === 'attention');
      expect('dL_dh0' in got).toBe(want.cell === 'rglru');
    },
  );

  it('draws weights from a named initialization (s6 with stateSize)', () => {
    const base = fixture('s6-mse_last');
    const spec = { ...base, weights: undefined, init: 'mamba', seed: 3, stateSize: 4 };
    const r = grad(specFile(spec));
    expect(r.err).toBe('');
    const got = JSON.parse(r.out) as { grads: Record<string, number[][]>; hidden: number[][][] };
    expect(got.grads.A_log).toHaveLength(4);
    expect(got.grads.A_log![0]).toHaveLength(4);
    expect(got.hidden[0]![0]).toHaveLength(16);
  });

  const lru = fixture('lru-mse_all');
  const attention = fixture('attention-mse_all');
  const s6 = fixture('s6-mse_all');
  const w = lru.weights as Record<string, unknown>;
  const cases: [string, unknown, RegExp][] = [
    ['missing field', { ...lru, seqLen: undefined }, /^spec\.seqLen: missing$/],
    ['bad stateSize', { ...s6, stateSize: 0 }, /^spec\.stateSize: expected ≥ 1, got 0$/],
    ['stateSize off s6', { ...lru, stateSize: 4 }, /^spec\.stateSize: only s6 has/],
    ['h0 off rglru', { ...lru, h0: [[0]] }, /^spec\.h0: only rglru takes/],
    [
      'truncating attention',
      { ...attention, truncate: 2 },
      /^spec\.truncate: attention has no recurrence/,
    ],
    [
      'unknown weight',
      { ...lru, weights: { ...w, C: [] } },
      /^spec\.weights\.C: unknown parameter of lru/,
    ],
    [
      'missing weight',
      { ...lru, weights: { ...w, B_im: undefined } },
      /^spec\.weights\.B_im: missing$/,
    ],
    [
      'wrong shape',
      { ...lru, weights: { ...w, B_re: [[1, 2]] } },
      /^spec\.weights\.B_re: expected 4 rows of 2, got 1 rows$/,
    ],
    [
      'unknown init',
      { ...lru, weights: undefined, init: 'xavier' },
      /^spec\.init: expected one of ring for lru/,
    ],
    [
      's6 state A_log shape',
      { ...s6, stateSize: 5 },
      /^spec\.weights\.B\.weight: expected 5 rows of 4/,
    ],
  ];
  it.each(cases)('%s → exit 2, one line naming the field', (_, spec, re) => {
    const r = grad(specFile(spec));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(re);
  });
});
