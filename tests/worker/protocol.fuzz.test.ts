/** Page → worker messages are untrusted (postMessage): junk is answered with a reason, never a crash. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ToWorker } from '../../src/worker/protocol';
import { MAX_STEP_N, parseToWorker } from '../../src/worker/toWorker';
import { DEFAULT_CONFIG, LIMITS, type TrainConfig } from '../../src/worker/config';
import { MAX_RUNS, MAX_SWEEP_BUDGET, MAX_SWEEP_POINTS } from '../../src/worker/runsProtocol';

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
  'drop',
  'allow',
  'sweep',
  'cancelSweep',
] as const;

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const runId = fc.integer({ min: 0, max: MAX_RUNS - 1 });

/** Every kind of message the page may send, with valid fields (the run named, as the page does). */
const validMessage: fc.Arbitrary<ToWorker> = fc.oneof(
  runId.map((r): ToWorker => ({ v: 1, type: 'init', runId: r, config: DEFAULT_CONFIG })),
  fc
    .tuple(runId, fc.subarray(Object.keys(DEFAULT_CONFIG) as (keyof TrainConfig)[]))
    .map(([r, keys]): ToWorker => ({
      v: 1,
      type: 'setConfig',
      runId: r,
      patch: Object.fromEntries(keys.map((k) => [k, DEFAULT_CONFIG[k]])),
    })),
  fc.constantFrom('play', 'pause', 'reset').map((type) => ({ v: 1, type }) as ToWorker),
  fc
    .tuple(fc.constantFrom('gradcheck', 'getWeights', 'drop'), runId)
    .map(([type, r]) => ({ v: 1, type, runId: r }) as ToWorker),
  fc
    .option(fc.integer({ min: 0, max: 1e9 }), { nil: null })
    .map((through): ToWorker => ({ v: 1, type: 'allow', through })),
  fc
    .record({
      runId,
      id: fc.integer({ min: 0, max: 1e9 }),
      Ts: fc.array(fc.integer({ min: LIMITS.T.min, max: LIMITS.T.max }), {
        minLength: 1,
        maxLength: MAX_SWEEP_POINTS,
      }),
      from: fc.constantFrom('init' as const, 'current' as const),
      budget: fc.integer({ min: 0, max: MAX_SWEEP_BUDGET }),
    })
    .map((r): ToWorker => ({ v: 1, type: 'sweep', ...r })),
  fc.integer({ min: 0, max: 1e9 }).map((id): ToWorker => ({ v: 1, type: 'cancelSweep', id })),
  fc
    .option(fc.integer({ min: 1, max: MAX_STEP_N }), { nil: undefined })
    .map((n): ToWorker => (n === undefined ? { v: 1, type: 'step' } : { v: 1, type: 'step', n })),
  fc
    .oneof(fc.constant<'max'>('max'), fc.double({ min: 0.1, max: 1e6, noNaN: true }))
    .map((stepsPerSecond): ToWorker => ({ v: 1, type: 'setSpeed', stepsPerSecond })),
  fc
    .record({
      runId,
      seq: fc.integer({ min: 0, max: LIMITS.batch.max - 1 }),
      gate: fc.integer({ min: 0, max: 3 }),
      detail: fc.constantFrom('full' as const, 'light' as const),
    })
    .map((r): ToWorker => ({ v: 1, type: 'setView', ...r })),
  fc
    .tuple(fc.constantFrom('jacobian' as const, 'belt' as const), runId)
    .map(([kind, r]): ToWorker => ({ v: 1, type: 'analyze', runId: r, kind })),
  fc
    .tuple(fc.dictionary(fc.string(), fc.array(finite, { maxLength: 5 }), { maxKeys: 3 }), runId)
    .map(([weights, r]): ToWorker => ({ v: 1, type: 'loadWeights', runId: r, weights })),
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

  it('names a version it cannot print (an object without a prototype) instead of throwing', () => {
    const r = parseToWorker({ v: Object.create(null) as object });
    expect(r).toEqual({
      ok: false,
      message: 'protocol version of type object is not supported (expected 1)',
    });
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
    expect(parseToWorker({ v: 1, type: 'getWeights', runId: MAX_RUNS }).ok).toBe(false);
    expect(parseToWorker({ v: 1, type: 'getWeights', runId: 0.5 }).ok).toBe(false);
    const sweep = { v: 1, type: 'sweep', id: 1, from: 'init', budget: 0 };
    expect(parseToWorker({ ...sweep, Ts: [] }).ok).toBe(false);
    expect(parseToWorker({ ...sweep, Ts: [LIMITS.T.max + 1] }).ok).toBe(false);
    expect(parseToWorker({ ...sweep, Ts: [10], budget: MAX_SWEEP_BUDGET + 1 }).ok).toBe(false);
  });

  it('a per-run message that names no run addresses run 0', () => {
    expect(parseToWorker({ v: 1, type: 'gradcheck' })).toEqual({
      ok: true,
      msg: { v: 1, type: 'gradcheck', runId: 0 },
    });
  });
});
