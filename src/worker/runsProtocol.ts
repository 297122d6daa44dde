/**
 * The parts of the protocol that a comparison adds: a run id on every per-run message, the
 * messages that shape a session's set of runs (`drop`, `allow`), and the sequence-length sweep
 * (`sweep`, `cancelSweep` down, validated in toWorker.ts; `sweepPoint`, `sweepDone` up).
 */
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

/** One T of a sweep, as the sweep computes it (worker/sweep.ts). */
export interface SweepResult {
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

/** One T of a sweep, sent to the page. */
export interface SweepPointMessage extends SweepResult {
  v: ProtocolVersion;
  type: 'sweepPoint';
  runId: number;
  id: number;
}

export interface SweepDoneMessage {
  v: ProtocolVersion;
  type: 'sweepDone';
  runId: number;
  id: number;
  cancelled: boolean;
}
