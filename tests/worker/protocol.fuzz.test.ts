/** Page → worker messages are untrusted (postMessage): junk is answered with a reason, never a crash. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_STEP_N, parseToWorker, type ToWorker } from '../../src/worker/protocol';
import { DEFAULT_CONFIG, LIMITS, type TrainConfig } from '../../src/worker/config';

const TYPES = [
  'init',
  'setConfig',
  'play',
  'pause',
  'step',
  'reset',
  'setSpeed',
  'setView',
  'analyze',
  'gradcheck',
  'loadWeights',
  'getWeights',
] as const;

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Every kind of message the page may send, with valid fields. */
const validMessage: fc.Arbitrary<ToWorker> = fc.oneof(
  fc.constant<ToWorker>({ v: 1, type: 'init', config: DEFAULT_CONFIG }),
  fc.subarray(Object.keys(DEFAULT_CONFIG) as (keyof TrainConfig)[]).map((keys): ToWorker => ({
    v: 1,
    type: 'setConfig',
    patch: Object.fromEntries(keys.map((k) => [k, DEFAULT_CONFIG[k]])),
  })),
  fc
    .constantFrom('play', 'pause', 'reset', 'gradcheck', 'getWeights')
    .map((type) => ({ v: 1, type }) as ToWorker),
  fc
    .option(fc.integer({ min: 1, max: MAX_STEP_N }), { nil: undefined })
    .map((n): ToWorker => (n === undefined ? { v: 1, type: 'step' } : { v: 1, type: 'step', n })),
  fc
    .oneof(fc.constant<'max'>('max'), fc.double({ min: 0.1, max: 1e6, noNaN: true }))
    .map((stepsPerSecond): ToWorker => ({ v: 1, type: 'setSpeed', stepsPerSecond })),
  fc
    .record({
      seq: fc.integer({ min: 0, max: LIMITS.batch.max - 1 }),
      gate: fc.integer({ min: 0, max: 3 }),
    })
    .map((r): ToWorker => ({ v: 1, type: 'setView', ...r })),
  fc
    .constantFrom('jacobian', 'belt')
    .map((kind): ToWorker => ({ v: 1, type: 'analyze', kind: kind as 'jacobian' | 'belt' })),
  fc
    .dictionary(fc.string(), fc.array(finite, { maxLength: 5 }), { maxKeys: 3 })
    .map((weights): ToWorker => ({ v: 1, type: 'loadWeights', weights })),
);

const isKnown = (raw: unknown): boolean =>
  typeof raw === 'object' &&
  raw !== null &&
  (raw as { v?: unknown }).v === 1 &&
  (TYPES as readonly unknown[]).includes((raw as { type?: unknown }).type);

describe('worker protocol validator, fuzzed', () => {
  it('never throws, and rejects anything that is not a versioned message of a known type', () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (raw) => {
        const r = parseToWorker(raw);
        if (!isKnown(raw)) expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.message.length).toBeGreaterThan(0);
          rejected++;
        }
      }),
      { numRuns: 1000 },
    );
    // The property above is not vacuous: almost every arbitrary value was turned away.
    expect(rejected).toBeGreaterThan(990);
  });

  it('accepts every valid message as it is', () => {
    fc.assert(
      fc.property(validMessage, (msg) => {
        expect(parseToWorker(msg)).toEqual({ ok: true, msg });
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a valid message with an unknown type, an extra field or another version', () => {
    fc.assert(
      fc.property(
        validMessage,
        fc.string().filter((t) => !(TYPES as readonly string[]).includes(t)),
        fc.string({ minLength: 1 }).filter((k) => k !== 'v' && k !== 'type'),
        fc.integer().filter((n) => n !== 1),
        (msg, type, key, version) => {
          expect(parseToWorker({ ...msg, type }).ok).toBe(false);
          // An extra key: only the keys the type defines are allowed (a misspelt field is an error).
          if (!(key in msg)) expect(parseToWorker({ ...msg, [key]: 0 }).ok).toBe(false);
          expect(parseToWorker({ ...msg, v: version })).toMatchObject({
            ok: false,
            message: expect.stringMatching(/version/),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects out-of-range and non-finite config values', () => {
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
          const patch = { [key]: value };
          expect(parseToWorker({ v: 1, type: 'setConfig', patch }).ok).toBe(false);
          const config = { ...DEFAULT_CONFIG, [key]: value };
          expect(parseToWorker({ v: 1, type: 'init', config }).ok).toBe(false);
        },
      ),
    );
    expect(parseToWorker({ v: 1, type: 'loadWeights', weights: { a: [1, NaN] } }).ok).toBe(false);
    expect(parseToWorker({ v: 1, type: 'step', n: MAX_STEP_N + 1 }).ok).toBe(false);
    expect(parseToWorker({ v: 1, type: 'setView', seq: LIMITS.batch.max }).ok).toBe(false);
  });
});
