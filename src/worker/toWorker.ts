/**
 * Runtime validation of page → worker messages: every message carries `v` (PROTOCOL_VERSION); a
 * message with another version, an unknown `type` or out-of-range fields is answered with an
 * `error` message by `parseToWorker`, never by a crash. Only the session imports this file, so the
 * page's bundle carries no validator (protocol.ts has the types).
 */
import * as v from 'valibot';
import { MAX_GATES } from '../engine/cells/catalog';
import { LIMITS, TrainConfigPatchSchema, TrainConfigSchema } from './config';
import { MAX_RUNS, MAX_SWEEP_BUDGET, MAX_SWEEP_POINTS } from './runsProtocol';
import { PROTOCOL_VERSION } from './version';

const int = (lo: number, hi: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(lo), v.maxValue(hi));
const num = (lo: number, hi: number) =>
  v.pipe(v.number(), v.finite(), v.minValue(lo), v.maxValue(hi));

const ver = v.literal(PROTOCOL_VERSION);
const plain = <T extends string>(type: T) => v.strictObject({ v: ver, type: v.literal(type) });

/** Most steps one `step` message may request (keeps a paused worker responsive). */
export const MAX_STEP_N = 10000;

/** The run a message addresses; absent means run 0 (a page with one run need not say). */
const runIdField = v.optional(int(0, MAX_RUNS - 1), 0);

/**
 * `drop` removes a run from the session (a comparison shrank, or the run moved to another worker).
 * `allow` caps how far the session's runs may train while running (through that iteration; null =
 * no cap): runs in different workers stay in step because the page only lets each one a few
 * iterations ahead of the slowest. `sweep` asks for ‖∂L/∂h_1‖/‖∂L/∂h_T‖ of a run's settings at each
 * T of `Ts` (from its initialization or its current weights), and optionally the loss after training
 * `budget` iterations at that T; points come back one by one (`sweepPoint`), then `sweepDone`.
 * `cancelSweep` stops sweep `id` (answered with `sweepDone`, cancelled).
 */
const RUNS_MESSAGE_SCHEMAS = [
  v.strictObject({ v: ver, type: v.literal('drop'), runId: int(0, MAX_RUNS - 1) }),
  v.strictObject({
    v: ver,
    type: v.literal('allow'),
    through: v.nullable(int(0, Number.MAX_SAFE_INTEGER)),
  }),
  v.strictObject({
    v: ver,
    type: v.literal('sweep'),
    runId: runIdField,
    id: int(0, Number.MAX_SAFE_INTEGER),
    Ts: v.pipe(
      v.array(int(LIMITS.T.min, LIMITS.T.max)),
      v.minLength(1),
      v.maxLength(MAX_SWEEP_POINTS),
    ),
    from: v.picklist(['init', 'current']),
    budget: int(0, MAX_SWEEP_BUDGET),
  }),
  v.strictObject({ v: ver, type: v.literal('cancelSweep'), id: int(0, Number.MAX_SAFE_INTEGER) }),
] as const;

/**
 * Every page → worker message. `init` builds (or rebuilds) everything from a full config and is
 * answered with a snapshot; `setConfig` is a live change (lr/opt/clip/tbptt/holdForget/rho/
 * forgetBias keep the weights, the rest rebuild); `step` runs n training steps (default 1) while
 * paused, then posts a snapshot; `reset` re-initializes weights, optimizer state and data stream
 * from the config's seed; `setSpeed` sets training steps per second while playing ('max' = as fast
 * as the engine goes); `setView` picks which sequence of the batch (and which gate block, for the
 * spectrum) the snapshot carries; `analyze` asks for an on-demand analysis of the latest trace
 * (answered with `analysis`; `backward`: with `backward` and then `backwardNorms`; `scan`: with `scan`, for lane `lane`); `gradcheck` for a finite-difference check of the current model on
 * the current batch (answered with `gradcheck`); `loadWeights` replaces every parameter (names and
 * lengths must match the model, else `error` and no change). Per-run messages name their run
 * (`runId`, default 0); the transport (play, pause, step, reset, setSpeed) drives every run of the
 * session. runsProtocol.ts adds the messages of a comparison and of the sweep.
 */
const TO_WORKER = v.variant('type', [
  v.strictObject({ v: ver, type: v.literal('init'), runId: runIdField, config: TrainConfigSchema }),
  v.strictObject({
    v: ver,
    type: v.literal('setConfig'),
    runId: runIdField,
    patch: TrainConfigPatchSchema,
  }),
  plain('play'),
  plain('pause'),
  v.strictObject({ v: ver, type: v.literal('step'), n: v.optional(int(1, MAX_STEP_N)) }),
  plain('reset'),
  v.strictObject({
    v: ver,
    type: v.literal('setSpeed'),
    stepsPerSecond: v.union([v.literal('max'), num(0.1, 1e6)]),
  }),
  v.strictObject({
    v: ver,
    type: v.literal('setView'),
    runId: runIdField,
    seq: int(0, LIMITS.batch.max - 1),
    gate: v.optional(int(0, MAX_GATES - 1)),
    detail: v.optional(v.picklist(['full', 'light'])),
  }),
  v.strictObject({
    v: ver,
    type: v.literal('analyze'),
    runId: runIdField,
    kind: v.picklist(['jacobian', 'belt', 'backward', 'scan']),
    /** `scan`: the lane (state entry; complex unit for the LRU) to show; clamped to the state. */
    lane: v.optional(int(0, 1 << 20)),
  }),
  v.strictObject({ v: ver, type: v.literal('gradcheck'), runId: runIdField }),
  v.strictObject({
    v: ver,
    type: v.literal('loadWeights'),
    runId: runIdField,
    weights: v.record(v.string(), v.array(v.pipe(v.number(), v.finite()))),
  }),
  v.strictObject({ v: ver, type: v.literal('getWeights'), runId: runIdField }),
  ...RUNS_MESSAGE_SCHEMAS,
]);

/** The schema's type (protocol.ts infers ToWorker and ParsedToWorker from it). */
export type ToWorkerSchema = typeof TO_WORKER;

export type ParseResult =
  { ok: true; msg: v.InferOutput<ToWorkerSchema> } | { ok: false; message: string };

// An untrusted value may be an object without a prototype, which String() cannot convert.
function shownVersion(version: unknown): string {
  return typeof version === 'number' || typeof version === 'string' || typeof version === 'boolean'
    ? String(version)
    : `of type ${version === null ? 'null' : typeof version}`;
}

/** Checks an untrusted message; on failure says what was wrong (first issues, with paths). */
export function parseToWorker(input: unknown): ParseResult {
  if (typeof input === 'object' && input !== null && 'v' in input && input.v !== PROTOCOL_VERSION) {
    return {
      ok: false,
      message: `protocol version ${shownVersion(input.v)} is not supported (expected ${PROTOCOL_VERSION})`,
    };
  }
  const r = v.safeParse(TO_WORKER, input);
  if (r.success) return { ok: true, msg: r.output };
  const parts = r.issues.slice(0, 3).map((issue) => {
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
  return { ok: false, message: `bad message: ${parts.join('; ')}` };
}
