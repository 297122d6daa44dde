import { describe, expect, it } from 'vitest';
import { unitLogProducts } from '../../src/store/lessons/measures';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import type { TrainConfig } from '../../src/worker/config';
import { createSnapshotter } from '../../src/worker/snapshot';
import { createTrainer } from '../../src/worker/trainer';
import {
  autoUnit,
  autoUnitLabel,
  gradScale,
  largestUnit,
  log10Ratio,
  memoryHorizon,
  rhoReference,
  vanishedCount,
} from '../../src/panels/gradStats';

const geometric = (T: number, rho: number, end = 1) =>
  Float64Array.from({ length: T }, (_, k) => end * rho ** (T - (k + 1)));

describe('gradient readouts', () => {
  it('ratio of first to last norm as a power of ten, exact for tiny values', () => {
    expect(log10Ratio(geometric(11, 0.1))).toBeCloseTo(-10, 12);
    expect(log10Ratio(Float64Array.of(1e-300, 1e10))).toBeCloseTo(-310, 9);
    expect(log10Ratio(Float64Array.of(0, 1))).toBeNull();
    expect(log10Ratio(Float64Array.of(NaN, 1))).toBeNull();
    expect(log10Ratio(new Float64Array(0))).toBeNull();
  });

  it('memory horizon is the first lag below the vanished threshold (10⁻³) of the last step', () => {
    // 0.5^k < 1e-3 first at k = 10 (0.5^10 ≈ 9.8e-4); 0.5^k < 1e-6 first at k = 20.
    expect(memoryHorizon(geometric(50, 0.5))).toBe(10);
    expect(memoryHorizon(geometric(50, 0.5), 1e-6)).toBe(20);
    expect(memoryHorizon(geometric(50, 0.99))).toBeNull();
    expect(memoryHorizon(Float64Array.of(1, 0))).toBeNull();
  });

  it('attention measures against the largest norm before T: a residual spike at T is no yardstick', () => {
    // Flat at 10⁻⁶ under a spike of 1 at T: against ‖·_T‖ every step looks vanished …
    const flat = Float64Array.of(1e-6, 2e-6, 1e-6, 1e-6, 1);
    expect(memoryHorizon(flat)).toBe(1);
    expect(vanishedCount(flat, gradScale(flat))).toBe(4);
    // … against the largest earlier one none is, and step 1 is half of it.
    expect(gradScale(flat, true)).toBe(2e-6);
    expect(vanishedCount(flat, gradScale(flat, true))).toBe(0);
    expect(log10Ratio(flat, true)).toBeCloseTo(Math.log10(0.5), 12);
    expect(vanishedCount(Float64Array.of(1e-9, 1, 5), 1)).toBe(1);
  });

  it('reference curve is rho^(T-t) times the last norm', () => {
    const ref = rhoReference(Float64Array.of(3, 2, 5), 0.5);
    expect(Array.from(ref)).toEqual([1.25, 2.5, 5]);
    const tiny = rhoReference(geometric(1000, 0.5), 0.5);
    expect(tiny[0]).toBeGreaterThan(0);
    expect(tiny[0]! / 0.5 ** 999).toBeCloseTo(1, 9);
  });

  it('largest unit by absolute value', () => {
    expect(largestUnit(Float64Array.of(0.1, -0.2, 0.3, 0.05, -0.9, 0.1), 3)).toBe(1);
  });
});

describe('the belt’s automatic unit', () => {
  const snap = (c: Partial<TrainConfig>) =>
    createSnapshotter(() => 0).build(
      createTrainer({ ...DEFAULT_CONFIG, cell: 'lstm', init: 'pytorch', rho: null, ...c }),
      { seq: 0, gate: 0 },
      { running: false, stepsPerSecond: 0, force: true, acked: 0 },
    ).msg;

  it('is the LSTM unit with the largest Π f, the one the lessons’ checks name', () => {
    const s = snap({ forgetBias: 2 });
    const p = unitLogProducts(s, 1)!;
    expect(autoUnit(s)).toBe(p.indexOf(Math.max(...p)));
    expect(autoUnitLabel('lstm', s)).toBe('largest Π f');
  });

  it('with the forget gate held (every Π f alike) it is the unit with the largest |c|', () => {
    const s = snap({ holdForget: 1 });
    expect(autoUnit(s)).toBe(largestUnit(s.cellState!, s.H));
    expect(autoUnitLabel('lstm', s)).toBe('largest |c|');
  });
});
