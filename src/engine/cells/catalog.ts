/**
 * The cell registry, light half: every cell's descriptor (./types.ts), in menu order. The page, the
 * URL codec, the worker's config and the CLI read cells from here and nowhere else. The kernels
 * are registered in ./registry.ts (kept apart so the page's first chunk carries no numerics).
 *
 * Adding a cell: its folder (info.ts, index.ts, kernels), one line here and one in registry.ts
 * (a type error until both agree). See docs/ADDING-A-CELL.md.
 */
import { GRU } from './gru/info';
import { LINEAR } from './linear/info';
import { LSTM } from './lstm/info';
import { RNN } from './rnn/info';
import type { CellControl, CellInfo, CellSizes, ParamShape } from './types';

export const CELLS = [LINEAR, RNN, LSTM, GRU] as const;

export type CellKind = (typeof CELLS)[number]['id'];
/** Every initialization some cell offers. */
export type InitKind = (typeof CELLS)[number]['inits'][number]['id'];

export const CELL_IDS: readonly CellKind[] = CELLS.map((c) => c.id);

const BY_ID = new Map<string, CellInfo>(CELLS.map((c) => [c.id, c]));

export function isCellKind(id: unknown): id is CellKind {
  return typeof id === 'string' && BY_ID.has(id);
}

/** The descriptor of a registered cell; throws RangeError for an unknown id. */
export function cellInfo(id: string): CellInfo {
  const c = BY_ID.get(id);
  if (c === undefined)
    throw new RangeError(`unknown cell ${JSON.stringify(id)} (known: ${CELL_IDS.join(', ')})`);
  return c;
}

/** True when the cell has this control (the others ignore it and the page hides it). */
export function cellHas(id: string, control: CellControl): boolean {
  return cellInfo(id).controls.includes(control);
}

/** Every initialization id, each once, in the order cells list them. */
export const INIT_KINDS: readonly InitKind[] = [
  ...new Set(CELLS.flatMap((c) => c.inits.map((i) => i.id))),
];

/** Label of an initialization (the first cell that lists it names it). */
export function initLabel(id: string): string {
  for (const c of CELLS) for (const i of c.inits) if (i.id === id) return i.label;
  return id;
}

/** The initialization a config's `init` means for this cell: itself if offered, else the cell's default. */
export function initFor(cell: string, init: string): InitKind {
  const inits = cellInfo(cell).inits;
  return (inits.find((i) => i.id === init) ?? inits[0]!).id as InitKind;
}

/** The model's parameters: the cell's own, then the linear readout `readout.weight` [O][F], `readout.bias` [O]. */
export function modelParamShapes(cell: string, s: CellSizes): readonly ParamShape[] {
  const info = cellInfo(cell);
  const F = info.readoutWidth(s);
  return [
    ...info.params(s),
    { name: 'readout.weight', shape: [s.outputSize, F] },
    { name: 'readout.bias', shape: [s.outputSize] },
  ];
}

/** The largest number of gate blocks any cell traces (the spectrum view's gate index stays below it). */
export const MAX_GATES = Math.max(1, ...CELLS.map((c) => c.gates.length));
