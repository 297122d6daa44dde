/**
 * The LRU's ring initialization (Orvieto et al. 2023, §3.3; github.com/NicolasZucchet/minimal-LRU,
 * lru/model.py): |λ| uniform by area on the ring r_min ≤ |λ| ≤ r_max, phase uniform on
 * [0, max_phase], γ = √(1 − |λ|²) so that each unit's stationary variance matches its input's,
 * B ~ N(0, 1/(2I)) per real and imaginary part. The readout is nn.Linear's default,
 * U(±1/√F) with F = 2H (it stands in for the reference's C, which draws N(0, 1/H)).
 */
import { exp } from '../../exp';
import { log } from '../../log';
import type { Rng } from '../../rng';
import { expm1 } from '../../special';
import { fillNormal, linearDefault } from '../../family/linearInit';
import type { FamilyModel } from '../../family/types';

export interface LruInitOptions {
  /** Smallest and largest |λ| (reference defaults 0 and 1). */
  rMin: number;
  rMax: number;
  /** Largest phase arg λ (reference default 6.28). */
  maxPhase: number;
}

export const LRU_INIT_DEFAULTS: LruInitOptions = { rMin: 0, rMax: 1, maxPhase: 6.28 };

export function initLru(model: FamilyModel, rng: Rng, o: LruInitOptions = LRU_INIT_DEFAULTS): void {
  const { rMin, rMax, maxPhase } = o;
  if (!(rMin >= 0 && rMin < rMax && rMax <= 1) || !(maxPhase > 0 && Number.isFinite(maxPhase)))
    throw new RangeError(
      `lru init: need 0 ≤ rMin < rMax ≤ 1 and maxPhase > 0, got ${JSON.stringify(o)}`,
    );
  const { hiddenSize: H, inputSize: I } = model.dims;
  const nu = model.param('nu_log').w;
  const th = model.param('theta_log').w;
  const ga = model.param('gamma_log').w;
  for (let k = 0; k < H; k++) {
    // 1 − next() lies in (0, 1]: never log 0 (|λ| = r_max = 1 exactly, ν_log = −∞, has chance 2⁻⁵³).
    const u1 = 1 - rng.next();
    const u2 = 1 - rng.next();
    const r2 = u1 * (rMax * rMax - rMin * rMin) + rMin * rMin;
    nu[k] = log(-0.5 * log(r2));
    th[k] = log(maxPhase * u2);
    // 1 − |λ|² = −expm1(−2·exp(ν_log)), exact also when |λ| is close to 1.
    ga[k] = 0.5 * log(-expm1(-2 * exp(nu[k]!)));
  }
  fillNormal(model.param('B_re').w, rng, 1 / Math.sqrt(2 * I));
  fillNormal(model.param('B_im').w, rng, 1 / Math.sqrt(2 * I));
  linearDefault(model, rng, 'readout');
}
