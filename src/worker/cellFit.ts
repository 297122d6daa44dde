/**
 * Which config keys and initializations a cell has a use for (the registry's CellInfo.controls and
 * CellInfo.inits), and the words that say why one does not apply. The URL codec and the embed's
 * set-config messages read these, so a value the chosen cell cannot use is never dropped without
 * a word: a link is told in the page's notice, a host page in its console.
 */
import { CELLS, cellHas, cellInfo, initFor } from '../engine/cells/catalog';
import type { CellControl } from '../engine/cells/types';
import type { TrainConfig } from './config';

/**
 * The config keys behind each cell-specific control: a cell without the control has no use for
 * them (the worker ignores them, the page hides their controls). A record over every CellControl,
 * so a new control without its keys is a type error.
 */
export const CELL_CONTROL_KEYS: { readonly [C in CellControl]: readonly (keyof TrainConfig)[] } = {
  rho: ['rho'],
  forgetBias: ['forgetBias'],
  holdForget: ['holdForget'],
  stateSize: ['N'],
  ring: ['rmin', 'rmax', 'phase'],
};

/** What a cell without the control lacks, as in "the GRU has no forget-gate bias". */
const LACKS: { readonly [C in CellControl]: string } = {
  rho: 'W_hh to set the spectral radius of',
  forgetBias: 'forget-gate bias',
  holdForget: 'forget gate to hold',
  stateSize: 'state size N',
  ring: 'eigenvalue ring to draw λ from',
};

const CONTROL_OF = new Map<string, CellControl>(
  (Object.keys(CELL_CONTROL_KEYS) as CellControl[]).flatMap((c) =>
    CELL_CONTROL_KEYS[c].map((k) => [k, c] as const),
  ),
);

/** The page's cells that pass the test, by label: "LSTM", "linear, tanh RNN". */
function appCells(test: (c: (typeof CELLS)[number]) => boolean): string {
  const names = CELLS.filter((c) => c.inApp && test(c)).map((c) => c.label);
  return names.length === 0 ? 'no cell on this page' : `${names.join(', ')} only`;
}

/** True unless `key` belongs to a control the cell lacks. */
export function cellUsesKey(cell: string, key: string): boolean {
  const control = CONTROL_OF.get(key);
  return control === undefined || cellHas(cell, control);
}

/** Why `key` does nothing for `cell` ("the GRU has no forget-gate bias (LSTM only)"), or null. */
export function keyUnusedReason(cell: string, key: string): string | null {
  const control = CONTROL_OF.get(key);
  if (control === undefined || cellHas(cell, control)) return null;
  return `the ${cellInfo(cell).label} has no ${LACKS[control]} (${appCells((c) =>
    (c.controls as readonly string[]).includes(control),
  )})`;
}

/** Why `cell` does not offer `init` ("not offered for the tanh RNN (ReLU RNN only)"), or null. */
export function initUnusedReason(cell: string, init: string): string | null {
  if (initFor(cell, init) === init) return null;
  return `not offered for the ${cellInfo(cell).label} (${appCells((c) =>
    c.inits.some((i) => i.id === init),
  )})`;
}

/** The initialization `init` means for `cell`: itself if offered, else the cell's default. */
export const initForCell = (cell: string, init: string): TrainConfig['init'] =>
  initFor(cell, init) as TrainConfig['init'];

/** Narrowest LRU ring: r_max − r_min never below it (the ring sliders' step too). */
export const RING_GAP = 0.001;

/**
 * The LRU's ring needs 0 ≤ r_min < r_max ≤ 1 (engine/cells/lru/init.ts throws otherwise). A crossed
 * or empty ring keeps r_max and takes r_min = r_max − RING_GAP (r_max at least RING_GAP), with the
 * words that say so for the page's notice; `note` is null when the ring was fine.
 */
export function fitRing(
  rmin: number,
  rmax: number,
): { rmin: number; rmax: number; note: string | null } {
  if (rmin < rmax) return { rmin, rmax, note: null };
  const hi = Math.max(rmax, RING_GAP);
  const lo = Number((hi - RING_GAP).toFixed(6));
  return {
    rmin: lo,
    rmax: hi,
    note: `rmin=${rmin} is not below rmax=${rmax}: the ring needs r_min < r_max; using r_min = ${lo}, r_max = ${hi}`,
  };
}
