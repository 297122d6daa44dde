/**
 * RG-LRU initializations (De et al. 2024, Griffin). Two variants of the base decay
 * a = exp(−softplus(Λ)) = σ(−Λ), named for their source:
 * - 'griffin-code' (google-deepmind/recurrentgemma, rnn_param_init(min_rad 0.9, max_rad 0.999)):
 *   a² uniform on [0.81 + 1e−8, 0.998001 + 1e−8] (uniform by area on the ring), so a ∈ [0.9, 0.999];
 *   Λ = softplus⁻¹(−ln a) = ln(1/a − 1).
 * - 'griffin-paper' (the paper's text: "a^c uniformly distributed between 0.9 and 0.999"): a^8
 *   uniform on [0.9, 0.999], so a ∈ [0.9869, 0.99987].
 * Both: input projection N(0, 1/I), gate weights N(0, 1/H) (the code's variance scaling 1/fan_in),
 * all biases 0; the readout is nn.Linear's default.
 */
import { exp } from '../../exp';
import { log } from '../../log';
import type { Rng } from '../../rng';
import { fillNormal, linearDefault } from '../../family/linearInit';
import type { FamilyModel } from '../../family/types';
import { RGLRU_C } from './kernel';

export type RglruInit = 'griffin-code' | 'griffin-paper';

export function initRglru(model: FamilyModel, rng: Rng, variant: RglruInit): void {
  const { inputSize: I, hiddenSize: H } = model.dims;
  const lam = model.param('a_param').w;
  for (let k = 0; k < H; k++) {
    let a: number;
    if (variant === 'griffin-code') {
      const eps = 1e-8;
      a = Math.sqrt(rng.uniform(0.81 + eps, 0.998001 + eps));
    } else {
      a = exp(log(rng.uniform(0.9, 0.999)) / RGLRU_C);
    }
    lam[k] = log(1 / a - 1);
  }
  fillNormal(model.param('input.weight').w, rng, 1 / Math.sqrt(I));
  fillNormal(model.param('gate_a.weight').w, rng, 1 / Math.sqrt(H));
  fillNormal(model.param('gate_x.weight').w, rng, 1 / Math.sqrt(H));
  for (const b of ['input.bias', 'gate_a.bias', 'gate_x.bias']) model.param(b).w.fill(0);
  linearDefault(model, rng, 'readout');
}
