/**
 * The newer families' long page texts and belts (their folders' pageText.ts), typed against the
 * family ids: a family without one does not compile. Loaded with the families' chunk
 * (panels/familyUi.ts), not the page's first load.
 */
import { PAGE_TEXT as ATTENTION } from './attention/pageText';
import type { FamilyCellKind } from './catalog';
import { PAGE_TEXT as LRU } from './lru/pageText';
import type { CellPageText } from './pageTypes';
import { PAGE_TEXT as RGLRU } from './rglru/pageText';
import { PAGE_TEXT as S6 } from './s6/pageText';

export const PAGE_TEXTS = {
  lru: LRU,
  rglru: RGLRU,
  s6: S6,
  attention: ATTENTION,
} as const satisfies Record<FamilyCellKind, CellPageText>;

/** A family's texts and belt; null for a classic cell (its texts are the page's own). */
export function cellPageText(id: string): CellPageText | null {
  return (PAGE_TEXTS as Readonly<Record<string, CellPageText>>)[id] ?? null;
}
