/** The grad CLI's spec parser under random and adversarial input: a SpecError naming a field, never a crash or a hang. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSpec, SpecError } from '../../src/cli/spec';
import { readFileSync } from 'node:fs';

const example = JSON.parse(
  readFileSync('tests/fixtures/example-rnn-mse_last.json', 'utf8'),
) as Record<string, unknown>;

function outcome(raw: unknown): 'ok' | 'spec-error' {
  try {
    parseSpec(raw);
    return 'ok';
  } catch (e) {
    if (e instanceof SpecError) {
      expect(e.message).toMatch(/^spec\b/);
      return 'spec-error';
    }
    throw e;
  }
}

describe('grad spec parser, fuzzed', () => {
  it('arbitrary JSON values never crash it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => void outcome(raw)),
      { numRuns: 1000 },
    );
  });

  it('a valid spec with one field replaced by junk is rejected with that field named', () => {
    const keys = [
      'cell',
      'inputSize',
      'hiddenSize',
      'outputSize',
      'seqLen',
      'batch',
      'loss',
      'inputs',
      'targets',
    ];
    const junk = fc.oneof(
      fc.constant(null),
      fc.constant('NaN'),
      fc.constant(1e308 * 10),
      fc.constant(-1),
      fc.constant(2 ** 40),
      fc.string(),
      fc.array(fc.double()),
      fc.object(),
    );
    fc.assert(
      fc.property(fc.constantFrom(...keys), junk, (key, value) => {
        const r = outcome({ ...example, [key]: value });
        expect(r).toBe('spec-error');
      }),
      { numRuns: 300 },
    );
    expect(outcome(example)).toBe('ok');
  });

  it('huge sizes are refused before anything is allocated; deep nesting and 10 MB strings are refused', () => {
    const t0 = performance.now();
    expect(outcome({ ...example, hiddenSize: 1e9 })).toBe('spec-error');
    expect(outcome({ ...example, seqLen: 2 ** 31 })).toBe('spec-error');
    let deep: unknown = 0;
    for (let k = 0; k < 10000; k++) deep = [deep];
    expect(outcome({ ...example, inputs: deep })).toBe('spec-error');
    expect(outcome({ ...example, cell: 'x'.repeat(10 * 1024 * 1024) })).toBe('spec-error');
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
