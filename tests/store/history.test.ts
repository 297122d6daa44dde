import { describe, expect, it } from 'vitest';
import {
  appendGrad,
  appendLoss,
  EMPTY_GRAD,
  EMPTY_LOSS,
  gradRow,
  type GradHistory,
} from '../../src/store/history';

function part(from: number, n: number, loss = (i: number) => 1 / i) {
  const iters = Float64Array.from({ length: n }, (_, k) => from + k);
  return {
    itersSince: iters,
    lossesSince: iters.map(loss),
    normsSince: iters.map((i) => i * 2),
    clippedSince: Uint8Array.from(iters, (i) => (i % 3 === 0 ? 1 : 0)),
    accuraciesSince: iters.map((i) => i / 1000),
    hashesSince: iters.map((i) => i * 7),
  };
}

describe('loss history', () => {
  it('appends every iteration in order and returns fresh arrays', () => {
    const a = appendLoss(EMPTY_LOSS, part(1, 5));
    const b = appendLoss(a, part(6, 3));
    expect(Array.from(b.iters)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(b.losses[7]).toBeCloseTo(1 / 8, 15);
    expect(Array.from(b.clipped)).toEqual([0, 0, 1, 0, 0, 1, 0, 0]);
    expect(Array.from(b.accuracies)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => i / 1000));
    expect(Array.from(b.hashes)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => i * 7));
    expect(b.iters).not.toBe(a.iters);
    expect(a.iters.length).toBe(5);
  });

  it('skips non-finite losses instead of drawing them', () => {
    const h = appendLoss(
      EMPTY_LOSS,
      part(1, 4, (i) => (i === 2 ? NaN : i === 3 ? Infinity : i)),
    );
    expect(Array.from(h.iters)).toEqual([1, 4]);
  });

  it('stays bounded over a long session by halving resolution on a regular grid', () => {
    let h = EMPTY_LOSS;
    for (let k = 0; k < 200; k++) h = appendLoss(h, part(1 + k * 100, 100), 1000);
    expect(h.losses.length).toBeLessThanOrEqual(1000);
    expect(h.losses.length).toBeGreaterThan(400);
    const steps = new Set<number>();
    for (let k = 1; k < h.iters.length; k++)
      steps.add((h.iters[k] as number) - (h.iters[k - 1] as number));
    expect([...steps]).toEqual([h.stride]);
    // Accuracies and batch hashes are thinned with their iterations, never shifted against them.
    h.iters.forEach((it, k) => expect(h.accuracies[k]).toBe(it / 1000));
    h.iters.forEach((it, k) => expect(h.hashes[k]).toBe(it * 7));
    expect(h.iters[h.iters.length - 1]).toBeGreaterThan(19000);
  });
});

describe('gradient heatmap history', () => {
  const snap = (iteration: number, clipped = false) => ({
    iteration,
    dhNorm: Float64Array.of(iteration),
    clipped,
    clippedSince: new Uint8Array(0),
  });

  const rowsOf = (g: GradHistory) =>
    Array.from({ length: g.count }, (_, k) => Array.from(gradRow(g, k)));

  it('keeps the newest rows up to the cap, in a ring written in place', () => {
    let g = EMPTY_GRAD;
    const first = appendGrad(g, snap(1), 4);
    g = first;
    for (let i = 2; i <= 10; i++) g = appendGrad(g, snap(i, i === 9), 4);
    expect(g.iters).toEqual([7, 8, 9, 10]);
    expect(rowsOf(g)).toEqual([[7], [8], [9], [10]]);
    expect(g.clipped).toEqual([false, false, true, false]);
    expect(g.ring).toBe(first.ring); // one array for the whole run
    expect(g.ring.length).toBe(4);
    expect(g.start).toBe(2); // 10 rows into a ring of 4: the oldest kept (7) sits at row 6 mod 4
    expect(g.version).toBe(10);
    expect(g.recent.map((r) => r[0])).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(EMPTY_GRAD.ring.length).toBe(0);
  });

  it('replaces the row when the same iteration is re-traced (slider moved while paused)', () => {
    let g = appendGrad(EMPTY_GRAD, snap(3));
    g = appendGrad(g, { ...snap(3), dhNorm: Float64Array.of(42) });
    expect(g.count).toBe(1);
    expect(rowsOf(g)).toEqual([[42]]);
    expect(g.recent.map((r) => r[0])).toEqual([42]);
    expect(g.version).toBe(2);
  });

  it('starts a fresh ring when the row length changes, and tracks the extremes for the colour scale', () => {
    let g = appendGrad(EMPTY_GRAD, { ...snap(1), dhNorm: Float64Array.of(1e-3, 0, 2) }, 3);
    g = appendGrad(g, { ...snap(2), dhNorm: Float64Array.of(NaN, Infinity, 5) }, 3);
    expect([g.lo, g.hi]).toEqual([1e-3, 5]);
    const h = appendGrad(g, { ...snap(3), dhNorm: Float64Array.of(7) }, 3);
    expect(h.ring).not.toBe(g.ring);
    expect(h.T).toBe(1);
    expect(h.iters).toEqual([3]);
    expect([h.lo, h.hi]).toEqual([7, 7]);
  });
});
