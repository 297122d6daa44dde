import { expect, it } from 'vitest';
import { powDet } from '../../src/engine/optim/adam';

it('powDet is as accurate as ** for Adam’s bias corrections (error ≈ (1 + |t·ln b|)·ε)', () => {
  for (const b of [0.9, 0.99, 0.999, 0.5, 1.0001]) {
    for (let t = 1; t <= 20000; t += t < 50 ? 1 : 97) {
      const want = b ** t;
      if (want < 1e-290) {
        // Underflow (0.9^7000): 1 − bᵗ is exactly 1 either way.
        expect(powDet(b, t)).toBeLessThan(1e-290);
        continue;
      }
      const bound = (4 + Math.abs(t * Math.log(b))) * Number.EPSILON;
      expect(Math.abs(powDet(b, t) - want) / want, `${b}^${t}`).toBeLessThan(bound);
      // Where 1 − bᵗ cancels (t small, β close to 1), it stays within a few ulps of 1 − b ** t.
      if (b < 1 && want > 0.5)
        expect(Math.abs(1 - powDet(b, t) - (1 - want))).toBeLessThanOrEqual(4 * Number.EPSILON);
    }
  }
});
