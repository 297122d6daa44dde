/** Whether a cell's states come from a parallel scan (its descriptor's CellInfo.scan), for the page. */
import { cellInfo, isCellKind } from '../engine/cells/catalog';

export function scannable(cell: string): boolean {
  return isCellKind(cell) && cellInfo(cell).scan === true;
}

/** Why a registered cell has no scan, from its family: the reason the scan view gives. */
export function noScanReason(cell: string): 'recurrence' | 'attention' | null {
  if (!isCellKind(cell) || scannable(cell)) return null;
  return cellInfo(cell).family === 'attention' ? 'attention' : 'recurrence';
}
