/** The grad CLI as a user runs it: a spawned process on the worked examples and on bad specs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const FIX = join(ROOT, 'tests', 'fixtures');

function grad(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/grad.ts', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'grad-cli-'));
let n = 0;
function specFile(spec: unknown): string {
  const f = join(tmp, `spec${n++}.json`);
  writeFileSync(f, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return f;
}

const example = (name: string) =>
  JSON.parse(readFileSync(join(FIX, `example-${name}.json`), 'utf8')) as Record<string, unknown>;

describe('grad CLI on the worked examples', () => {
  it.each(['rnn-mse_last', 'lstm-mse_last', 'gru-xent_all'])(
    '%s: one JSON object on stdout, matching PyTorch',
    (name) => {
      const r = grad(join(FIX, `example-${name}.json`));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out.trim().split('\n')).toHaveLength(1);
      const got = JSON.parse(r.out) as Record<string, unknown>;
      const want = example(name);
      expect(Math.abs((got.lossValue as number) - (want.lossValue as number))).toBeLessThan(
        1e-12 * (want.lossValue as number),
      );
      const keys = ['lossValue', 'grads', 'hidden', 'dL_dh', 'dL_dh_norm', 'dL_dh0'];
      if (name.startsWith('lstm')) keys.push('cellState', 'dL_dc', 'dL_dc_norm', 'dL_dc0', 'gates');
      if (name.startsWith('gru')) keys.push('gates');
      for (const k of keys) expect(got).toHaveProperty(k);
      const gw = got.grads as Record<string, number[][]>;
      const ww = want.grads as Record<string, number[][]>;
      expect(gw.weight_hh_l0![0]![0]).toBeCloseTo(ww.weight_hh_l0![0]![0]!, 12);
    },
  );
});

describe('grad CLI on bad specs: one line naming the field on stderr, nothing on stdout, exit 2', () => {
  const base = example('rnn-mse_last');
  const weights = base.weights as Record<string, unknown>;
  const cases: [string, unknown, RegExp][] = [
    ['missing field', { ...base, hiddenSize: undefined }, /^spec\.hiddenSize: missing$/],
    [
      'unknown cell',
      { ...base, cell: 'transformer' },
      /^spec\.cell: expected one of linear, rnn, relu, lstm, gru, lru, rglru, s6, attention, got "transformer"$/,
    ],
    ['unknown loss', { ...base, loss: 'hinge' }, /^spec\.loss: expected one of/],
    ['bad size', { ...base, seqLen: 2.5 }, /^spec\.seqLen: expected an integer/],
    [
      'wrong weight shape',
      {
        ...base,
        weights: { ...weights, weight_hh_l0: (weights.weight_hh_l0 as unknown[]).slice(0, 2) },
      },
      /^spec\.weights\.weight_hh_l0: expected 3 rows of 3, got 2 rows$/,
    ],
    [
      'missing weight',
      { ...base, weights: { ...weights, 'readout.bias': undefined } },
      /^spec\.weights\.readout\.bias: missing$/,
    ],
    [
      'unknown weight',
      { ...base, weights: { ...weights, weight_xx: [1] } },
      /^spec\.weights\.weight_xx: unknown parameter/,
    ],
    [
      'wrong input length',
      { ...base, inputs: (base.inputs as unknown[]).slice(1) },
      /^spec\.inputs: expected 4 entries, got 3 entries$/,
    ],
    [
      'non-finite number',
      JSON.stringify(base).replace(/"inputs":\[\[\[[^,]+/, '"inputs":[[[1e999'),
      /^spec\.inputs\[0\]\[0\]\[0\]: expected a finite number, got Infinity$/,
    ],
    [
      'null entry',
      {
        ...base,
        h0: [
          [null, 0, 0],
          [0, 0, 0],
        ],
      },
      /^spec\.h0\[0\]\[0\]: expected a finite number, got null$/,
    ],
    [
      'bad class id',
      {
        ...example('gru-xent_all'),
        targets: [
          [0, 5],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
      },
      /^spec\.targets\[0\]\[1\]: expected an integer class id in 0\.\.2, got 5$/,
    ],
    ['c0 on an rnn', { ...base, c0: base.h0 }, /^spec\.c0: only an lstm has a cell state/],
    ['not JSON', '{"cell": ', /^spec: cannot read .*: /],
    ['not an object', '[1,2]', /^spec: expected a JSON object, got an array of 2$/],
  ];
  it.each(cases)('%s', (_name, spec, message) => {
    const r = grad(specFile(spec));
    expect(r.out).toBe('');
    expect(r.code).toBe(2);
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.trim()).toMatch(message);
  });

  it('a missing file exits 2 with a message', () => {
    const r = grad(join(tmp, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^spec: cannot read/);
  });
});
