/** The newer families' seeded initializations, by name (each cell's init.ts says where it comes from). */
import type { Rng } from '../rng';
import { initAttention } from '../cells/attention/init';
import { initLru, LRU_INIT_DEFAULTS } from '../cells/lru/init';
import type { LruInitOptions } from '../cells/lru/init';
import { initRglru } from '../cells/rglru/init';
import { initS6 } from '../cells/s6/init';
import { CELLS, cellInfo } from '../cells/catalog';
import { FAMILY_IDS } from './types';
import type { FamilyId, FamilyModel } from './types';

/** Initializations per family, as each descriptor lists them (cells/<id>/info.ts); the first is the default. */
export const FAMILY_INITS = Object.fromEntries(
  FAMILY_IDS.map((id) => [id, cellInfo(id).inits.map((i) => i.id)]),
) as unknown as Readonly<Record<FamilyId, readonly string[]>>;

/** The initializations cell `C` offers (its descriptor's `inits`). */
type InitOf<C extends FamilyId> = Extract<(typeof CELLS)[number], { id: C }>['inits'][number]['id'];

/** One family's initializer: `init` is one of its own ids, `ring` the LRU's (the others ignore it). */
type Initializer<C extends FamilyId> = (
  model: FamilyModel,
  rng: Rng,
  init: InitOf<C>,
  ring: LruInitOptions,
) => void;

/**
 * Every family's initializer, one entry per cell and typed by its own init ids: a family without
 * an entry, or an entry that does not accept every init its descriptor offers, is a type error
 * (never a model silently left at zero).
 */
const INITIALIZERS: { readonly [C in FamilyId]: Initializer<C> } = {
  lru: (m, rng, _init, ring) => initLru(m, rng, ring),
  rglru: (m, rng, init) => initRglru(m, rng, init),
  s6: (m, rng) => initS6(m, rng),
  attention: (m, rng) => initAttention(m, rng),
};

/** `ring` is the LRU's (r_min, r_max, max phase); the other cells ignore it. */
export function initFamily(
  model: FamilyModel,
  rng: Rng,
  kind?: string,
  ring: LruInitOptions = LRU_INIT_DEFAULTS,
): void {
  const k = kind ?? FAMILY_INITS[model.id][0]!;
  if (!FAMILY_INITS[model.id].includes(k))
    throw new RangeError(`${model.id} has no initialization ${k}`);
  // k is one of this cell's own inits (checked above against its descriptor).
  (INITIALIZERS[model.id] as Initializer<FamilyId>)(model, rng, k as InitOf<FamilyId>, ring);
}
