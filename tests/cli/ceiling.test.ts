import { expect, it } from 'vitest';
import { measureCeiling, measureSimdPeak } from '../../src/cli/bench/ceiling';

it('the SIMD peak is timed on the same product as the scalar ceiling (equal checksums)', () => {
  const scalar = measureCeiling(64, 1, 0);
  const simd = measureSimdPeak(64, 1, 0);
  expect(simd).not.toBeNull();
  expect(Math.abs(simd!.checksum - scalar.checksum)).toBeLessThan(1e-9 * Math.abs(scalar.checksum));
  expect(simd!.gflops).toBeGreaterThan(0);
});
