import { EXPLANATIONS } from '../engine/cells/explanations';
import type { CellKind } from '../engine/cells/catalog';
import type { Explanation } from '../engine/cells/types';

export type { Explanation } from '../engine/cells/types';

/**
 * Short text and the equations (KaTeX source) of a cell (cells/<id>/explain.ts). Only the explain
 * panel's own chunk imports this (ExplainPanel.tsx loads it).
 */
export function explainFor(cell: CellKind): Explanation {
  return EXPLANATIONS[cell];
}
