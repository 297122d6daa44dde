/**
 * Attention initialized as torch.nn.MultiheadAttention(H, 1) initializes itself: in_proj_weight
 * Xavier-uniform over the whole [3H][H] matrix (bound √(6/(H + 3H))), in_proj_bias and
 * out_proj.bias 0, out_proj.weight nn.Linear's default U(±1/√H). The input projection's weight is
 * N(0, 1), as nn.Embedding's: on one-hot inputs W_in is an embedding table, and with nn.Linear's
 * U(±1/√I) the token part of e_t is a tenth of the sinusoids' size, which left one-layer attention
 * at chance for 800 Adam steps on associative recall and selective copy (N(0, 1): solved and
 * learning). Its bias and the readout: nn.Linear's default.
 */
import type { Rng } from '../../rng';
import { fillNormal, fillUniform, linearDefault } from '../../family/linearInit';
import type { FamilyModel } from '../../family/types';

export function initAttention(model: FamilyModel, rng: Rng): void {
  const H = model.dims.hiddenSize;
  linearDefault(model, rng, 'input');
  fillNormal(model.param('input.weight').w, rng, 1);
  fillUniform(model.param('attn.in_proj_weight').w, rng, Math.sqrt(6 / (4 * H)));
  model.param('attn.in_proj_bias').w.fill(0);
  fillUniform(model.param('attn.out_proj.weight').w, rng, 1 / Math.sqrt(H));
  model.param('attn.out_proj.bias').w.fill(0);
  linearDefault(model, rng, 'readout');
}
