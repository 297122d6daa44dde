/**
 * The parallel scan against the engine's own sequential kernels, for every cell of the registry
 * that declares itself scannable: the forward scan's b at t is the traced state x_t, the reverse
 * scan over (a_{t+1}, g_t) is the trace's dL/dh_t, both to 1e-12 (relative to max(1, max |·|)),
 * at T = 1, powers of 2 and not, with and without TBPTT (and with h_0 where the cell takes one).
 * Every level of the scan holds, at t, the composition of the last min(t, 2^ℓ) steps.
 */
import { describe, expect, it } from 'vitest';
import { CELLS } from '../../../src/engine/cells/catalog';
import type { CellKind } from '../../../src/engine/cells/catalog';
import { isScannable, sequencePairs, stateRows } from '../../../src/engine/scan/pairs';
import {
  hillisSteele,
  scanDepth,
  scanLevels,
  sequentialScan,
} from '../../../src/engine/scan/prefix';
import { lanePairs } from '../../../src/engine/scan/types';
import { gap, runCell } from './helpers';

const SCANNABLE = CELLS.filter((c) => 'scan' in c && c.scan === true).map((c) => c.id as CellKind);
const B = 3;

/** The traced rows of sequence seq, steps 1..T, [T][S], from a buffer whose step 1 starts at lead. */
function traced(buf: Float64Array, T: number, S: number, seq: number, lead: number): Float64Array {
  const out = new Float64Array(T * S);
  for (let t = 1; t <= T; t++) {
    const from = lead + ((t - 1) * B + seq) * S;
    out.set(buf.subarray(from, from + S), (t - 1) * S);
  }
  return out;
}

describe('the registry declares its scannable cells', () => {
  it('only diagonal recurrences, at least lru, rglru and s6; the others refuse', () => {
    expect(SCANNABLE).toEqual(expect.arrayContaining(['lru', 'rglru', 's6']));
    for (const c of CELLS) {
      expect(isScannable(c.id)).toBe(SCANNABLE.includes(c.id));
      if (isScannable(c.id)) expect(c.family).toBe('diagonal');
    }
    for (const cell of CELLS.filter((c) => !isScannable(c.id)).map((c) => c.id)) {
      const { model, ws } = runCell(cell, 4, B, 'mse_all');
      expect(() => sequencePairs(model, ws, 0)).toThrow(/no scan/);
    }
  });
});

const SIZES = [1, 2, 3, 5, 8, 13, 16, 33];
const CASES = SCANNABLE.flatMap((cell) =>
  SIZES.flatMap((T) => [
    { cell, T, loss: 'mse_all' as const, truncate: 0 },
    { cell, T, loss: 'mse_last' as const, truncate: 0 },
    { cell, T, loss: 'xent_all' as const, truncate: Math.max(1, Math.floor(T / 3)) },
  ]),
);

describe.each(CASES)('$cell, T = $T, $loss, TBPTT K = $truncate', ({ cell, T, loss, truncate }) => {
  // h_0 on odd T: the cells that take one (rglru) fold it into b_1; the others ignore it.
  const { model, ws, trace, run } = runCell(cell, T, B, loss, { truncate, h0: T % 2 === 1 });
  const S = trace.S;
  it('forward: the scan states equal the sequential kernel states to 1e-12', () => {
    for (let seq = 0; seq < B; seq++) {
      const { forward } = sequencePairs(model, ws, seq, run);
      hillisSteele(forward);
      const want = traced(trace.h, T, S, seq, B * S);
      expect(gap(stateRows(forward), want)).toBeLessThanOrEqual(1e-12);
    }
  });
  it('backward: the reverse scan equals the traced dL/dh to 1e-12', () => {
    for (let seq = 0; seq < B; seq++) {
      const { backward } = sequencePairs(model, ws, seq, run);
      hillisSteele(backward, 'reverse');
      const want = traced(trace.dh, T, S, seq, 0);
      expect(gap(stateRows(backward), want)).toBeLessThanOrEqual(1e-12);
    }
  });
  it(`takes ⌈log₂ T⌉ = ${scanDepth(T)} levels, each a prefix of the last 2^ℓ steps`, () => {
    const { forward } = sequencePairs(model, ws, 1, run);
    const lane = lanePairs(forward, 0);
    const levels = scanLevels(lane);
    expect(levels.length - 1).toBe(scanDepth(T));
    levels.forEach((lv, l) => {
      // Entry t at level l: the last min(t+1, 2^l) steps composed, from a zero state.
      for (let t = 0; t < T; t++) {
        const from = Math.max(0, t - 2 ** l + 1);
        const cut = (x: Float64Array | null) => x?.subarray(from, t + 1) ?? null;
        const sub = {
          T: t - from + 1,
          U: 1,
          a: cut(lane.a)!,
          b: cut(lane.b)!,
          ai: cut(lane.ai),
          bi: cut(lane.bi),
        };
        const out = new Float64Array(lane.ai === null ? sub.T : 2 * sub.T);
        sequentialScan(sub, 'forward', out);
        const last = sub.T - 1;
        const re = lane.ai === null ? out[last]! : out[2 * last]!;
        expect(Math.abs(lv.b[t]! - re)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(re)));
        if (lv.bi !== null) {
          const im = out[2 * last + 1]!;
          expect(Math.abs(lv.bi[t]! - im)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(im)));
        }
      }
    });
  });
});
