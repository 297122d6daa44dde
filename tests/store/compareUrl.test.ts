/** The comparison in a link (`compare=`, `run=`): readable, total, and restored exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrl, DEFAULT_VIEW, encodeUrl } from '../../src/store/url';
import { DEFAULT_CONFIG, fitWorkBudget, LIMITS, OPTIMIZER_KINDS } from '../../src/worker/config';
import type { TrainConfig } from '../../src/worker/config';

describe('compare= in links', () => {
  it('writes each compared run as its differences from run A, readable by hand', () => {
    const lstm: TrainConfig = { ...DEFAULT_CONFIG, cell: 'lstm', forgetBias: 1 };
    const gru: TrainConfig = { ...DEFAULT_CONFIG, cell: 'gru', clip: 0 };
    expect(encodeUrl(DEFAULT_CONFIG, { ...DEFAULT_VIEW, run: 2 }, null, [lstm, gru])).toBe(
      'v=1&run=C&compare=cell:lstm,forgetBias:1;cell:gru,clip:0',
    );
    expect(encodeUrl(DEFAULT_CONFIG, DEFAULT_VIEW, null, [DEFAULT_CONFIG])).toBe(
      'v=1&compare=same',
    );
    const d = decodeUrl('?T=100&compare=cell:lstm;same;opt:sgd,lr:0.1&run=b');
    expect(d.problems).toEqual([]);
    expect(d.compare).toEqual([
      { ...DEFAULT_CONFIG, T: 100, cell: 'lstm' },
      { ...DEFAULT_CONFIG, T: 100 },
      { ...DEFAULT_CONFIG, T: 100, opt: 'sgd', lr: 0.1 },
    ]);
    expect(d.view.run).toBe(1);
  });

  it('reads what it can of a bad comparison and says what it dropped', () => {
    const d = decodeUrl(
      '?compare=cell:lstm,T:5,colour:red;cell:banana;lr:9;same;same&run=D&seed=4',
    );
    expect(d.compare.map((c) => [c.cell, c.T, c.lr, c.seed])).toEqual([
      ['lstm', DEFAULT_CONFIG.T, DEFAULT_CONFIG.lr, 4],
      [DEFAULT_CONFIG.cell, DEFAULT_CONFIG.T, DEFAULT_CONFIG.lr, 4],
      [DEFAULT_CONFIG.cell, DEFAULT_CONFIG.T, LIMITS.lr.max, 4],
    ]);
    expect(d.view.run).toBe(3);
    const text = d.problems.join('\n');
    expect(text).toMatch(/run B: T is shared by every run/);
    expect(text).toMatch(/run B: colour is not a setting/);
    expect(text).toMatch(/run C: cell=banana is not one of/);
    expect(text).toMatch(/run D: lr=9 is above the largest allowed 1/);
    expect(text).toMatch(/lists 5 runs; at most 3/);
    expect(decodeUrl('?run=C').view.run).toBe(0);
    expect(decodeUrl('?run=C').problems.join()).toMatch(/there is one run; showing run A/);
    expect(decodeUrl('?compare=none').compare).toEqual([]);
    expect(decodeUrl(`?compare=${'cell:lstm,'.repeat(400)}`).problems.join()).toMatch(/too long/);
  });

  it('one batch for all: a compared run too big for the batch lowers it for every run', () => {
    const d = decodeUrl('?H=8&T=1000&batch=64&compare=cell:lstm,H:128');
    expect(d.config.batch).toBe(d.compare[0]!.batch);
    expect(d.config.batch).toBe(fitWorkBudget({ ...d.compare[0]!, batch: 64 }).config.batch);
    expect(d.problems.join()).toMatch(/using batch/);
  });

  it('decode(encode(…)) restores any comparison exactly', () => {
    const run = (base: TrainConfig) =>
      fc
        .record({
          cell: fc.constantFrom('linear' as const, 'rnn' as const, 'lstm' as const, 'gru' as const),
          H: fc.integer({ min: 1, max: 32 }),
          opt: fc.constantFrom(...OPTIMIZER_KINDS),
          lr: fc.double({ min: LIMITS.lr.min, max: LIMITS.lr.max, noNaN: true }),
          clip: fc.constantFrom(0, 0.5, 1, 12.5),
          rho: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: null }),
          holdForget: fc.option(fc.constantFrom(0.5, 1), { nil: null }),
        })
        .map((p): TrainConfig => ({ ...base, ...p }));
    const base: TrainConfig = { ...DEFAULT_CONFIG, T: 30, batch: 8 };
    fc.assert(
      fc.property(fc.array(run(base), { maxLength: 3 }), fc.nat(3), (compare, pick) => {
        const view = { ...DEFAULT_VIEW, run: Math.min(pick, compare.length) };
        const d = decodeUrl(encodeUrl(base, view, null, compare));
        expect(d.problems).toEqual([]);
        expect(d.config).toEqual(base);
        expect(d.compare).toEqual(compare);
        expect(d.view).toEqual(view);
      }),
      { numRuns: 500 },
    );
  });
});

describe('comparison lessons in links', () => {
  it('a comparison lesson brings its runs; compare=none drops them; changes are written against them', () => {
    const d = decodeUrl('?lesson=rnn-vs-lstm');
    expect(d.compare.map((c) => c.cell)).toEqual(['lstm']);
    expect(d.compare[0]!.forgetBias).toBe(2);
    expect(decodeUrl('?lesson=rnn-vs-lstm&compare=none').compare).toEqual([]);
    expect(encodeUrl(d.config, d.view, d.lesson, [])).toBe('v=1&lesson=rnn-vs-lstm&compare=none');
    const changed = [{ ...d.compare[0]!, lr: 0.003 }];
    const link = encodeUrl(d.config, d.view, d.lesson, changed);
    expect(link).toBe('v=1&lesson=rnn-vs-lstm&compare=cell:lstm,rho:off,forgetBias:2,lr:0.003');
    expect(decodeUrl(link).compare).toEqual(changed);
  });
});
