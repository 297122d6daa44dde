/**
 * What the scan view draws for one lane of one sequence (computed in the worker): every level of
 * the forward scan and of the reverse (backward) scan, the sequential recurrence's values for the
 * same lane as the engine traced them, and how far apart the scan and the trace are, for the lane
 * and over the whole sequence (every lane). Levels are [(L+1)][T]: level 0 the pairs themselves.
 */
import { createWorkspace, forwardBackward } from '../bptt';
import type { RunOptions } from '../bptt/options';
import type { Model } from '../model';
import type { Batch } from '../types';
import { sequencePairs, stateRows } from './pairs';
import { hillisSteele, scanDepth, scanLevels } from './prefix';
import type { ScanDirection } from './prefix';
import { clonePairs, lanePairs } from './types';
import type { ScanPairs } from './types';

/** One scan's levels for a lane: a and b, with imaginary parts when complex. */
export interface LaneLevels {
  a: Float64Array;
  b: Float64Array;
  ai: Float64Array | null;
  bi: Float64Array | null;
}

export interface ScanViewData {
  T: number;
  /** Lanes of a state row (S; S/2 when complex) and the lane shown. */
  U: number;
  lane: number;
  complex: boolean;
  /** ⌈log₂ T⌉. */
  depth: number;
  forward: LaneLevels;
  backward: LaneLevels;
  /** The lane's traced state x_t and dL/dx_t, [T] each (imaginary parts when complex, else null). */
  state: Float64Array;
  stateIm: Float64Array | null;
  dState: Float64Array;
  dStateIm: Float64Array | null;
  /** max |scan − trace| / max(1, max |trace|): this lane, and every lane of the sequence. */
  gapForward: number;
  gapBackward: number;
  gapForwardAll: number;
  gapBackwardAll: number;
}

function flatten(levels: readonly ScanPairs[], T: number): LaneLevels {
  const cat = (get: (p: ScanPairs) => Float64Array | null) => {
    if (get(levels[0]!) === null) return null;
    const out = new Float64Array(levels.length * T);
    levels.forEach((p, l) => out.set(get(p)!, l * T));
    return out;
  };
  return { a: cat((p) => p.a)!, b: cat((p) => p.b)!, ai: cat((p) => p.ai), bi: cat((p) => p.bi) };
}

function gap(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  let s = 1;
  for (let k = 0; k < y.length; k++) {
    d = Math.max(d, Math.abs(x[k]! - y[k]!));
    s = Math.max(s, Math.abs(y[k]!));
  }
  return d / s;
}

/** Rows [T][S] of sequence seq from a trace buffer whose step 1 starts at `lead`. */
function rowsOf(buf: Float64Array, T: number, B: number, S: number, seq: number, lead: number) {
  const out = new Float64Array(T * S);
  for (let t = 0; t < T; t++) {
    const from = lead + (t * B + seq) * S;
    out.set(buf.subarray(from, from + S), t * S);
  }
  return out;
}

function column(rows: Float64Array, T: number, S: number, j: number): Float64Array {
  return Float64Array.from({ length: T }, (_, t) => rows[t * S + j]!);
}

/** Runs the pass on (model, batch, opts) and scans sequence `seq`, showing lane `lane` (clamped). */
export function scanView(
  model: Model,
  batch: Batch,
  seq: number,
  lane: number,
  opts: RunOptions,
): ScanViewData {
  const { T, B } = batch;
  const ws = createWorkspace(model.spec, T, B);
  const trace = forwardBackward(model, batch, ws, opts);
  const pairs = sequencePairs(model, ws, seq, opts);
  const { S } = pairs;
  const complex = pairs.forward.ai !== null;
  const U = pairs.forward.U;
  const u = Math.min(Math.max(0, Math.round(lane)), U - 1);
  const h = rowsOf(trace.h, T, B, S, seq, B * S);
  const dh = rowsOf(trace.dh, T, B, S, seq, 0);
  const all = (p: ScanPairs, dir: ScanDirection) => {
    const c = clonePairs(p);
    hillisSteele(c, dir);
    return stateRows(c);
  };
  const fwd = scanLevels(lanePairs(pairs.forward, u), 'forward');
  const bwd = scanLevels(lanePairs(pairs.backward, u), 'reverse');
  const state = column(h, T, S, u);
  const stateIm = complex ? column(h, T, S, U + u) : null;
  const dState = column(dh, T, S, u);
  const dStateIm = complex ? column(dh, T, S, U + u) : null;
  const lastRows = (lv: ScanPairs) => stateRows(lv);
  const lane2 = (re: Float64Array, im: Float64Array | null) => {
    if (im === null) return re;
    const out = new Float64Array(2 * T);
    for (let t = 0; t < T; t++) {
      out[2 * t] = re[t]!;
      out[2 * t + 1] = im[t]!;
    }
    return out;
  };
  return {
    T,
    U,
    lane: u,
    complex,
    depth: scanDepth(T),
    forward: flatten(fwd, T),
    backward: flatten(bwd, T),
    state,
    stateIm,
    dState,
    dStateIm,
    gapForward: gap(lastRows(fwd[fwd.length - 1]!), lane2(state, stateIm)),
    gapBackward: gap(lastRows(bwd[bwd.length - 1]!), lane2(dState, dStateIm)),
    gapForwardAll: gap(all(pairs.forward, 'forward'), h),
    gapBackwardAll: gap(all(pairs.backward, 'reverse'), dh),
  };
}
