/**
 * The backward walk on the page: the worker's walk of the trace on screen, its ‖J_t‖₂ as they
 * arrive, and where the student is (step t, autoplay). Pure reducers; walkActions.ts wraps them
 * as store writes. Stepping is the page's business alone: every number is already in the walk.
 */
import type { BackwardMessage, BackwardNormsMessage, Snapshot } from '../worker/protocol';

/** Autoplay paces offered, in steps per second. */
export const WALK_PACES = [0.5, 1, 2, 5, 10] as const;

export interface WalkState {
  /** The worker's latest walk, or null. It is shown only while it matches the snapshot's trace. */
  data: BackwardMessage | null;
  /** ‖J_t‖₂ of `data` (index t−1), NaN until it arrives; `done` once step 1 has. */
  jNorm: Float64Array | null;
  jNormDone: boolean;
  /** The step on screen, 1..T; T is where the loss's gradient enters. */
  step: number;
  playing: boolean;
  /** Autoplay pace, steps per second. */
  pace: number;
  /** `run:trace:seq` of the last walk the page asked for, so it asks once per trace. */
  asked: string | null;
}

export const EMPTY_WALK: WalkState = {
  data: null,
  jNorm: null,
  jNormDone: false,
  step: 1,
  playing: false,
  pace: 2,
  asked: null,
};

/** The walk for what the snapshot shows, or null while none matches it (asked, not yet here). */
export function currentWalk(w: WalkState, s: Snapshot | null): BackwardMessage | null {
  const d = w.data;
  if (d === null || s === null) return null;
  return d.run === s.run && d.trace === s.trace && d.seq === s.seq ? d : null;
}

/** The key a snapshot's walk is asked by. */
export const walkKey = (s: Snapshot): string => `${s.run}:${s.trace}:${s.seq}`;

/** A new walk arrived: keep the student's place when the chain is the same length, else start at T. */
export function receiveWalk(w: WalkState, d: BackwardMessage): WalkState {
  const sameChain = w.data !== null && w.data.run === d.run && w.data.T === d.T;
  const step = sameChain ? Math.min(Math.max(1, w.step), d.T) : d.T;
  return {
    ...w,
    data: d,
    jNorm: new Float64Array(d.T).fill(NaN),
    jNormDone: false,
    step,
    playing: sameChain ? w.playing && step > 1 : false,
  };
}

/** ‖J_t‖₂ values arrived for the walk on screen (others are dropped). */
export function receiveNorms(w: WalkState, m: BackwardNormsMessage): WalkState {
  const d = w.data;
  if (d === null || w.jNorm === null) return w;
  if (d.run !== m.run || d.trace !== m.trace || d.seq !== m.seq) return w;
  const jNorm = w.jNorm.slice();
  m.values.forEach((v, k) => {
    const t = m.from - k;
    if (t >= 1 && t <= d.T) jNorm[t - 1] = v;
  });
  return { ...w, jNorm, jNormDone: m.done };
}

/** Moves to step t (clamped to 1..T); autoplay stops at step 1. */
export function moveTo(w: WalkState, t: number): WalkState {
  const T = w.data?.T ?? 1;
  const step = Math.min(Math.max(1, Math.round(t)), T);
  return { ...w, step, playing: w.playing && step > 1 };
}
