/** The newer families by id (each cell is one folder under engine/cells/). */
import { attentionCell } from '../cells/attention';
import { lruCell } from '../cells/lru';
import { rglruCell } from '../cells/rglru';
import { s6Cell } from '../cells/s6';
import type { FamilyCell, FamilyId } from './types';

export const FAMILY_CELLS: Record<FamilyId, FamilyCell> = {
  lru: lruCell,
  rglru: rglruCell,
  s6: s6Cell,
  attention: attentionCell,
};
