/**
 * The parts of the protocol that a comparison adds: a run id on every per-run message, the
 * messages that shape a session's set of runs (`drop`, `allow`), and the sequence-length sweep
 * (`sweep`, `cancelSweep` down; `sweepPoint`, `sweepDone` up). protocol.ts assembles them into
 * its message unions.
 */
import * as v from 'valibot';
import { LIMITS } from './config';
import { PROTOCOL_VERSION } from './version';
import type { ProtocolVersion } from './version';

/** A comparison holds up to four runs: A (0) … D (3). */
export const MAX_RUNS = 4;
export const RUN_LETTERS = ['A', 'B', 'C', 'D'] as const;

/** How much a snapshot carries (see Snapshot.detail). */
export type Detail = 'full' | 'light';

/** The sweep's usual grid: T from 10 to 1000 on a log scale, about four points per decade. */
export const SWEEP_GRID: readonly number[] = [
  10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000,
];

/** Longest T grid one sweep may ask for, and the most iterations it may train per point. */
export const MAX_SWEEP_POINTS = 24;
export const MAX_SWEEP_BUDGET = 2000;

const ver = v.literal(PROTOCOL_VERSION);
const int = (lo: number, hi: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(lo), v.maxValue(hi));

/** The run a message addresses; absent means run 0 (a page with one run need not say). */
export const runIdField = v.optional(int(0, MAX_RUNS - 1), 0);

/**
 * `drop` removes a run from the session (a comparison shrank, or the run moved to another worker).
 * `allow` caps how far the session's runs may train while running (through that iteration; null =
 * no cap): runs in different workers stay in step because the page only lets each one a few
 * iterations ahead of the slowest. `sweep` asks for ‖∂L/∂h_1‖/‖∂L/∂h_T‖ of a run's settings at each
 * T of `Ts` (from its initialization or its current weights), and optionally the loss after training
 * `budget` iterations at that T; points come back one by one (`sweepPoint`), then `sweepDone`.
 * `cancelSweep` stops sweep `id` (answered with `sweepDone`, cancelled).
 */
export const RUNS_MESSAGE_SCHEMAS = [
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

/** One T of a sweep. */
export interface SweepPointMessage {
  v: ProtocolVersion;
  type: 'sweepPoint';
  runId: number;
  id: number;
  T: number;
  /** The batch the point used (lowered at long T so one pass stays within the work budget). */
  batch: number;
  /** ‖∂L/∂h_1‖ and ‖∂L/∂h_T‖ over the batch and units (dh1 may underflow to 0). */
  dh1: number;
  dhT: number;
  /** Loss of the weights measured on. */
  loss: number;
  /** Mean training loss over the last tenth of `budget` iterations at this T; null without a budget or on divergence. */
  trainedLoss: number | null;
  /** The iteration at which training at this T went non-finite, or null. */
  divergedAt: number | null;
  /** The task's chance-level loss at this T. */
  chanceLoss: number;
}

export interface SweepDoneMessage {
  v: ProtocolVersion;
  type: 'sweepDone';
  runId: number;
  id: number;
  cancelled: boolean;
}
