import { cellInfo } from '../engine/cells/catalog';
import type { Explanation } from '../engine/cells/types';

export type { Explanation } from '../engine/cells/types';

/** Short text and the equations (KaTeX source) of a cell: its descriptor's (cells/<id>/info.ts). */
export function explainFor(cell: string): Explanation {
  return cellInfo(cell).explain;
}
