/** The newer families' seeded initializations, by name (each cell's init.ts says where it comes from). */
import type { Rng } from '../rng';
import { initAttention } from '../cells/attention/init';
import { initLru, LRU_INIT_DEFAULTS } from '../cells/lru/init';
import type { LruInitOptions } from '../cells/lru/init';
import { initRglru } from '../cells/rglru/init';
import { initS6 } from '../cells/s6/init';
import { cellInfo } from '../cells/catalog';
import { FAMILY_IDS } from './types';
import type { FamilyId, FamilyModel } from './types';

/** Initializations per family, as each descriptor lists them (cells/<id>/info.ts); the first is the default. */
export const FAMILY_INITS = Object.fromEntries(
  FAMILY_IDS.map((id) => [id, cellInfo(id).inits.map((i) => i.id)]),
) as unknown as Readonly<Record<FamilyId, readonly string[]>>;

/** `ring` is the LRU's (r_min, r_max, max phase); the other cells ignore it. */
export function initFamily(
  model: FamilyModel,
  rng: Rng,
  kind?: string,
  ring: LruInitOptions = LRU_INIT_DEFAULTS,
): void {
  const k = kind ?? FAMILY_INITS[model.id][0];
  if (!FAMILY_INITS[model.id].includes(k!))
    throw new RangeError(`${model.id} has no initialization ${k}`);
  switch (model.id) {
    case 'lru':
      return initLru(model, rng, ring);
    case 'rglru':
      return initRglru(model, rng, k as 'griffin-code' | 'griffin-paper');
    case 's6':
      return initS6(model, rng);
    case 'attention':
      return initAttention(model, rng);
  }
}
