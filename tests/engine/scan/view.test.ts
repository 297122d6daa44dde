/** The scan view's data (engine/scan/view.ts): levels per lane and its measured gaps to the trace. */
import { describe, expect, it } from 'vitest';
import { CELLS } from '../../../src/engine/cells/catalog';
import type { CellKind } from '../../../src/engine/cells/catalog';
import { scanView } from '../../../src/engine/scan/view';
import { runCell } from './helpers';

const SCANNABLE = CELLS.filter((c) => 'scan' in c && c.scan === true).map((c) => c.id as CellKind);

describe.each(SCANNABLE)('%s', (cell) => {
  it.each([1, 16, 19])('T = %i: ⌈log₂ T⌉ + 1 levels, the last equal to the trace', (T) => {
    const { model, batch, run } = runCell(cell, T, 2, 'mse_all', { truncate: T > 4 ? 4 : 0 });
    const v = scanView(model, batch, 1, 99, run);
    expect(v.lane).toBe(v.U - 1);
    expect(v.forward.b.length).toBe((v.depth + 1) * T);
    expect(v.complex).toBe(v.forward.bi !== null);
    for (const g of [v.gapForward, v.gapBackward, v.gapForwardAll, v.gapBackwardAll])
      expect(g).toBeLessThanOrEqual(1e-12);
    const last = v.depth * T;
    for (let t = 0; t < T; t++) {
      expect(v.forward.b[last + t]).toBeCloseTo(v.state[t]!, 12);
      expect(v.backward.b[last + t]).toBeCloseTo(v.dState[t]!, 12);
    }
    // Level 0 holds the pairs: b_1 is the first state (x_0 = 0, no h_0 here).
    expect(v.forward.b[0]).toBeCloseTo(v.state[0]!, 14);
  });
});
