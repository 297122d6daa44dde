import { describe, expect, it } from 'vitest';
import { appendLoss, EMPTY_LOSS } from '../../src/store/history';
import { evaluateExpectations, fails, holds, pending } from '../../src/store/lessons/expect';
import type { Expectation } from '../../src/store/lessons/expect';
import { reachesBy } from '../../src/store/lessons/checks';
import { decadesAbove, firstCrossing, gateProduct } from '../../src/store/lessons/measures';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import { small } from '../worker/helpers';

const snapOf = (t: ReturnType<typeof createTrainer>) =>
  createSnapshotter(() => 0).build(
    t,
    { seq: 0, gate: 0 },
    { running: false, stepsPerSecond: 0, force: true, acked: 0 },
  ).msg;

describe('expectations', () => {
  it('keeps a final verdict for the rest of its run, re-evaluates the others, starts afresh on a new run', () => {
    let calls = 0;
    const live: Expectation = {
      id: 'live',
      text: '',
      check: () => (calls++ % 2 ? holds() : fails()),
    };
    const once: Expectation = {
      id: 'once',
      text: '',
      check: (s) => holds(`at ${s.iteration}`, true),
    };
    const lesson = { id: 'x', expect: [live, once] };
    const t = createTrainer(small());
    const s0 = snapOf(t);
    const a = evaluateExpectations(null, lesson, s0, EMPTY_LOSS);
    t.step();
    const s1 = snapOf(t);
    const b = evaluateExpectations(a, lesson, s1, EMPTY_LOSS);
    expect(a.verdicts.live!.status).toBe('fails');
    expect(b.verdicts.live!.status).toBe('holds');
    expect(b.verdicts.once).toBe(a.verdicts.once); // kept, not re-run
    expect(b.verdicts.once!.detail).toBe('at 0');
    const c = evaluateExpectations(b, lesson, { ...s1, run: s1.run + 1 }, EMPTY_LOSS);
    expect(c.verdicts.once!.detail).toBe('at 1');
    const d = evaluateExpectations(b, { ...lesson, id: 'y' }, s1, EMPTY_LOSS);
    expect(d.verdicts.once!.detail).toBe('at 1');
  });

  it('a check that throws reads as pending with the reason, never as a verdict', () => {
    const bad: Expectation = {
      id: 'bad',
      text: '',
      check: () => {
        throw new Error('boom');
      },
    };
    const s = snapOf(createTrainer(small()));
    const v = evaluateExpectations(null, { id: 'x', expect: [bad] }, s, EMPTY_LOSS).verdicts.bad!;
    expect(v.status).toBe('pending');
    expect(v.detail).toContain('boom');
    expect(pending().status).toBe('pending');
  });

  it('reachesBy: pending before the deadline, holds at the first crossing, fails after the deadline', () => {
    const t = createTrainer(small());
    const s = snapOf(t);
    let h = EMPTY_LOSS;
    const push = (iter: number, loss: number) => {
      h = appendLoss(h, {
        itersSince: Float64Array.of(iter),
        lossesSince: Float64Array.of(loss),
        normsSince: Float64Array.of(1),
        clippedSince: Uint8Array.of(0),
        accuraciesSince: Float64Array.of(NaN),
        hashesSince: Float64Array.of(iter),
      });
    };
    for (let k = 1; k <= 10; k++) push(k, 1);
    expect(reachesBy({ ...s, iteration: 10 }, h, 'loss', 0.5, 20, 3).status).toBe('pending');
    expect(reachesBy({ ...s, iteration: 25 }, h, 'loss', 0.5, 20, 3).status).toBe('fails');
    for (let k = 11; k <= 13; k++) push(k, 0.1);
    // The mean of 3 first drops under 0.5 at iteration 12: (1 + 0.1 + 0.1) / 3 = 0.4.
    expect(firstCrossing(h, 'loss', 0.5, 3)!.iteration).toBe(12);
    const v = reachesBy({ ...s, iteration: 13 }, h, 'loss', 0.5, 20, 3);
    expect(v).toMatchObject({ status: 'holds', final: true });
    expect(reachesBy({ ...s, iteration: 13 }, h, 'loss', 0.5, 11, 3).status).toBe('fails');
  });

  it('measures: decadesAbove and the belt product agree with direct computation', () => {
    const a = Float64Array.of(0.5 ** 3, 0.5 ** 2, 0.5, 1);
    expect(decadesAbove(a, 0.5)).toBeCloseTo(0, 12);
    expect(decadesAbove(a, 0.25)).toBeCloseTo(3 * Math.log10(2), 12); // at t = 1, 3 steps back
    const t = createTrainer(small({ cell: 'lstm', rho: null, forgetBias: 1 }));
    const s = snapOf(t);
    const { T, H } = s;
    const f = (k: number, u: number) => s.gates![(k - 1) * 4 * H + H + u]!;
    const unit = gateProduct(s, 1, 2)!;
    const avg = gateProduct(s, 1, null)!;
    for (const t1 of [1, 5, T]) {
      let direct = 1;
      for (let k = t1 + 1; k <= T; k++) direct *= f(k, 2);
      expect(unit[t1 - 1]).toBeCloseTo(direct, 14);
      let sum = 0;
      for (let u = 0; u < H; u++) {
        let p = 1;
        for (let k = t1 + 1; k <= T; k++) p *= f(k, u);
        sum += p;
      }
      expect(avg[t1 - 1]! / (sum / H)).toBeCloseTo(1, 12);
    }
  });
});

describe('one vanished threshold', () => {
  it('the charts’ grey, the readouts and the lessons use the same 10⁻³', async () => {
    const { VANISHED_RATIO } = await import('../../src/charts/colors');
    const { VANISHED } = await import('../../src/store/lessons/checks');
    expect(VANISHED_RATIO).toBe(1e-3);
    expect(VANISHED).toBe(VANISHED_RATIO);
  });
});
