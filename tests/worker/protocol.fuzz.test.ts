/** Page → worker messages are untrusted (postMessage): junk is answered with a reason, never a crash. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseToWorker } from '../../src/worker/protocol';
import { DEFAULT_CONFIG } from '../../src/worker/config';

describe('worker protocol validator, fuzzed', () => {
  it('never throws, and rejects what is not a message', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const r = parseToWorker(raw);
        if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects out-of-range and non-finite config values, accepts the defaults', () => {
    expect(parseToWorker({ v: 1, type: 'init', config: DEFAULT_CONFIG }).ok).toBe(true);
    const bad = fc.oneof(
      fc.constant(NaN),
      fc.constant(Infinity),
      fc.constant(1e300),
      fc.constant(-5),
      fc.constant('1'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('T', 'H', 'batch', 'lr', 'rho', 'clip', 'seed'),
        bad,
        (key, value) => {
          expect(parseToWorker({ v: 1, type: 'setConfig', patch: { [key]: value } }).ok).toBe(
            false,
          );
        },
      ),
    );
    expect(parseToWorker({ v: 2, type: 'play' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/version/),
    });
    expect(parseToWorker({ v: 1, type: 'loadWeights', weights: { a: [1, NaN] } }).ok).toBe(false);
  });
});
