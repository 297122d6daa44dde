/** Whether a cell's states come from a parallel scan (its descriptor's CellInfo.scan), for the page. */
import { cellInfo, cellPage, isCellKind } from '../engine/cells/catalog';

export function scannable(cell: string): boolean {
  return isCellKind(cell) && cellInfo(cell).scan === true;
}

/** Why a registered cell has no scan (no recurrence at all, or one that reads h): the view's reason. */
export function noScanReason(cell: string): 'recurrence' | 'attention' | null {
  if (!isCellKind(cell) || scannable(cell)) return null;
  return cellPage(cell).recurrence === null ? 'attention' : 'recurrence';
}
