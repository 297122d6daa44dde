/**
 * The cell registry, heavy half: each cell's engine (kernels, initializer, Jacobian), by id. The
 * engine looks a cell up here once per pass. The `satisfies` makes a cell listed in catalog.ts
 * without an engine here (or the reverse) a type error; the newer families' engines come from
 * family/cells.ts, whose own `satisfies` does the same for them.
 */
import type { CellKind, FamilyCellKind } from './catalog';
import { cellInfo, FAMILY_CELL_IDS } from './catalog';
import type { CellEngine } from './engine';
import { familyEngine } from '../family/engine';
import { gru } from './gru';
import { linear } from './linear';
import { lstm } from './lstm';
import { relu } from './relu';
import { rnn } from './rnn';

// The newer families run on their own driver (family/run.ts, its cells listed in family/cells.ts).
const FAMILIES = Object.fromEntries(FAMILY_CELL_IDS.map((id) => [id, familyEngine(id)])) as Record<
  FamilyCellKind,
  CellEngine
>;

const ENGINES = { linear, rnn, relu, lstm, gru, ...FAMILIES } as const satisfies Record<
  CellKind,
  CellEngine
>;

/** The engine of a registered cell; throws RangeError for an unknown id. */
export function cellEngine(id: string): CellEngine {
  cellInfo(id); // names the known cells when id is not one
  return ENGINES[id as CellKind];
}
