/**
 * The scan view on the page (view=scan): the worker's scan of the trace on screen for one lane,
 * the level on screen, autoplay, and which pass (forward states, or the backward pass's dL/dh) is
 * shown. Pure reducers; scanActions.ts wraps them as store writes.
 */
import type { ScanMessage, Snapshot } from '../worker/protocol';

/** Autoplay paces offered, in levels per second. */
export const SCAN_PACES = [0.5, 1, 2] as const;

export interface ScanState {
  /** The worker's latest scan, or null. Shown only while it matches the snapshot and the lane. */
  data: ScanMessage | null;
  /** The level on screen, 0 (the pairs) .. ⌈log₂ T⌉ (the states). */
  level: number;
  playing: boolean;
  pace: number;
  /** The lane asked for: a state entry (S6: channel d, state n as d·N + n; LRU: complex unit). */
  lane: number;
  /** The forward scan (states) or the reverse scan (the backward pass's dL/dh). */
  pass: 'forward' | 'backward';
  /** `run:trace:seq:lane` of the last scan asked for, so it asks once per trace and lane. */
  asked: string | null;
}

export const EMPTY_SCAN: ScanState = {
  data: null,
  level: 0,
  playing: false,
  pace: 1,
  lane: 0,
  pass: 'forward',
  asked: null,
};

export const scanKey = (s: Snapshot, lane: number): string =>
  `${s.run}:${s.trace}:${s.seq}:${lane}`;

/** The scan for what the snapshot shows, or null while none matches it. */
export function currentScan(sc: ScanState, s: Snapshot | null): ScanMessage | null {
  const d = sc.data;
  if (d === null || s === null) return null;
  return d.run === s.run && d.trace === s.trace && d.seq === s.seq ? d : null;
}

/** A scan arrived: the same length keeps the level (clamped), another starts at level 0. */
export function receiveScan(sc: ScanState, d: ScanMessage): ScanState {
  const same = sc.data !== null && sc.data.T === d.T;
  const level = same ? Math.min(sc.level, d.depth) : 0;
  return { ...sc, data: d, level, lane: d.lane, playing: same && sc.playing && level < d.depth };
}

/** To level l (clamped to 0..depth); autoplay stops at the last. */
export function toLevel(sc: ScanState, l: number): ScanState {
  const depth = sc.data?.depth ?? 0;
  const level = Math.min(Math.max(0, Math.round(l)), depth);
  return { ...sc, level, playing: sc.playing && level < depth };
}
