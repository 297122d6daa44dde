/**
 * The cell registry, light half: every cell's descriptor (./types.ts), in menu order. The page, the
 * URL codec, the worker's config and the CLI read cells from here and nowhere else. The kernels
 * are registered in ./registry.ts (kept apart so the page's first chunk carries no numerics).
 *
 * Adding a cell: its folder (info.ts, index.ts, kernels), one line here and one in registry.ts
 * (a type error until both agree). See docs/ADDING-A-CELL.md.
 */
import { ATTENTION } from './attention/info';
import { GRU } from './gru/info';
import { LINEAR } from './linear/info';
import { LRU } from './lru/info';
import { LSTM } from './lstm/info';
import { RELU } from './relu/info';
import { RGLRU } from './rglru/info';
import { RNN } from './rnn/info';
import { S6 } from './s6/info';
import { CLASSIC_PARAM } from './classic';
import type { CellPage } from './pageTypes';
import type { CellControl, CellInfo, CellSizes, ParamShape } from './types';

export const CELLS = [LINEAR, RNN, RELU, LSTM, GRU, LRU, RGLRU, S6, ATTENTION] as const;

export type CellKind = (typeof CELLS)[number]['id'];
/** The cells the page trains and draws (CellInfo.inApp): its menus, links and weights files. */
export type AppCellKind = Extract<(typeof CELLS)[number], { inApp: true }>['id'];
/** The cells that bring their own passes instead of the classic driver (lru, rglru, s6, attention). */
export type FamilyCellKind = Exclude<
  CellKind,
  Extract<(typeof CELLS)[number], { family: 'classic' }>['id']
>;
/** Every initialization some cell offers. */
export type InitKind = (typeof CELLS)[number]['inits'][number]['id'];

export const CELL_IDS: readonly CellKind[] = CELLS.map((c) => c.id);
export const APP_CELL_IDS = CELLS.filter((c) => c.inApp).map((c) => c.id) as readonly AppCellKind[];
export const FAMILY_CELL_IDS = CELLS.filter((c) => c.family !== 'classic').map(
  (c) => c.id,
) as readonly FamilyCellKind[];

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

/** What the page shows of a registered cell (its folder's page.ts); throws RangeError for an unknown id. */
export function cellPage(id: string): CellPage {
  return cellInfo(id).page;
}

/** True when the cell has this control (the others ignore it and the page hides it). */
export function cellHas(id: string, control: CellControl): boolean {
  return cellInfo(id).controls.includes(control);
}

/** The parameters that set a cell's recurrence (CellInfo.recurrent; weight_hh_l0 by default). */
export function recurrentParams(id: string): readonly string[] {
  return cellInfo(id).recurrent ?? [CLASSIC_PARAM.whh];
}

/**
 * The name of the cell's recurrent matrix W_hh ([G·H][H], the classic layout: its spectrum, ρ and
 * the backward walk's per-step terms), or null for a cell whose recurrence is not a matrix.
 */
export function recurrentMatrix(id: string): string | null {
  return cellInfo(id).family === 'classic' ? CLASSIC_PARAM.whh : null;
}

/** Every initialization id, each once, in the order cells list them. */
export const INIT_KINDS: readonly InitKind[] = [
  ...new Set(CELLS.flatMap((c) => c.inits.map((i) => i.id))),
];
/** The initializations of the cells the page trains. */
export type AppInitKind = Extract<(typeof CELLS)[number], { inApp: true }>['inits'][number]['id'];
export const APP_INIT_KINDS = [
  ...new Set(CELLS.filter((c) => c.inApp).flatMap((c) => c.inits.map((i) => i.id))),
] as readonly AppInitKind[];

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

/** The sizes with the cell's defaults filled in (N for s6 when the spec gives none). */
export function cellSizes(cell: string, s: CellSizes): CellSizes {
  const N = s.stateSize ?? cellInfo(cell).stateSizeDefault;
  return {
    inputSize: s.inputSize,
    hiddenSize: s.hiddenSize,
    outputSize: s.outputSize,
    ...(N !== undefined ? { stateSize: N } : {}),
  };
}

/** The model's parameters: the cell's own, then the linear readout `readout.weight` [O][F], `readout.bias` [O]. */
export function modelParamShapes(cell: string, sizes: CellSizes): readonly ParamShape[] {
  const info = cellInfo(cell);
  const s = cellSizes(cell, sizes);
  const F = info.readoutWidth(s);
  return [
    ...info.params(s),
    { name: 'readout.weight', shape: [s.outputSize, F] },
    { name: 'readout.bias', shape: [s.outputSize] },
  ];
}

/** The largest number of gate blocks any cell traces (the spectrum view's gate index stays below it). */
export const MAX_GATES = Math.max(1, ...CELLS.map((c) => c.gates.length));
