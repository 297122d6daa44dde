/**
 * S6 initialization as Mamba's (Gu & Dao 2023; state-spaces/mamba, mamba_simple.py): A_log[d, n] =
 * ln(n + 1) (S4D-real), D = 1, Δ bias = softplus⁻¹(dt) with dt log-uniform on [1e−3, 0.1] (floored
 * at 1e−4), Δ weights U(±1/√H) (dt_init "random" with dt_rank = H here, there being no low-rank
 * factor), B and C projections and the input projection nn.Linear's default U(±1/√fan_in), as is
 * the readout.
 */
import { exp } from '../../exp';
import { log } from '../../log';
import type { Rng } from '../../rng';
import { softplusInverse } from '../../special';
import { fillUniform, linearDefault } from '../../family/linearInit';
import type { FamilyModel } from '../../family/types';

const DT_MIN = 1e-3;
const DT_MAX = 0.1;
const DT_FLOOR = 1e-4;

export function initS6(model: FamilyModel, rng: Rng): void {
  const { hiddenSize: H, stateSize: N } = model.dims;
  linearDefault(model, rng, 'input');
  fillUniform(model.param('dt.weight').w, rng, 1 / Math.sqrt(H));
  const db = model.param('dt.bias').w;
  for (let d = 0; d < H; d++) {
    const dt = exp(rng.next() * (log(DT_MAX) - log(DT_MIN)) + log(DT_MIN));
    db[d] = softplusInverse(Math.max(dt, DT_FLOOR));
  }
  fillUniform(model.param('B.weight').w, rng, 1 / Math.sqrt(H));
  fillUniform(model.param('C.weight').w, rng, 1 / Math.sqrt(H));
  const aLog = model.param('A_log').w;
  for (let d = 0; d < H; d++) for (let n = 0; n < N; n++) aLog[d * N + n] = log(n + 1);
  model.param('D').w.fill(1);
  linearDefault(model, rng, 'readout');
}
