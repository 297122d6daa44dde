/** nn.Linear's default initialization, shared by the newer families' initializers. */
import type { Rng } from '../rng';
import type { FamilyModel } from './types';

/** U(±1/√fan_in) for `prefix`.weight [rows][fan_in] and `prefix`.bias (torch's reset_parameters). */
export function linearDefault(model: FamilyModel, rng: Rng, prefix: string): void {
  const w = model.param(`${prefix}.weight`);
  const bound = 1 / Math.sqrt(w.cols);
  for (let j = 0; j < w.w.length; j++) w.w[j] = rng.uniform(-bound, bound);
  const b = model.param(`${prefix}.bias`).w;
  for (let j = 0; j < b.length; j++) b[j] = rng.uniform(-bound, bound);
}

/** N(0, scale²) for every entry of a parameter. */
export function fillNormal(w: Float64Array, rng: Rng, scale: number): void {
  for (let j = 0; j < w.length; j++) w[j] = scale * rng.normal();
}

/** U(±bound) for every entry of a parameter. */
export function fillUniform(w: Float64Array, rng: Rng, bound: number): void {
  for (let j = 0; j < w.length; j++) w[j] = rng.uniform(-bound, bound);
}
