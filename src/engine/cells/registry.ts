/**
 * The cell registry, heavy half: each cell's engine (kernels, initializer, Jacobian), by id. The
 * engine looks a cell up here once per pass. The `satisfies` makes a cell listed in catalog.ts
 * without an engine here (or the reverse) a type error.
 */
import type { CellKind } from './catalog';
import { cellInfo } from './catalog';
import type { CellEngine } from './engine';
import { gru } from './gru';
import { linear } from './linear';
import { lstm } from './lstm';
import { rnn } from './rnn';

const ENGINES = { linear, rnn, lstm, gru } as const satisfies Record<CellKind, CellEngine>;

/** The engine of a registered cell; throws RangeError for an unknown id. */
export function cellEngine(id: string): CellEngine {
  cellInfo(id); // names the known cells when id is not one
  return ENGINES[id as CellKind];
}
