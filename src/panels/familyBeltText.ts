/**
 * The belt panel's title and caption for each newer family (its own valve), from its folder's
 * pageText.ts, in the families' chunk (lazyFamily.tsx) rather than the page's first load.
 */
import { cellPageText } from '../engine/cells/pageTexts';

/** The belt text of a family's cell; null for a classic cell. */
export function familyBeltText(cell: string): { title: string; caption: string } | null {
  return cellPageText(cell)?.belt ?? null;
}
