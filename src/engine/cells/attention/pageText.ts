/** Attention's long texts (arcs, not a belt), loaded with the families' chunk. */
import type { CellPageText } from '../pageTypes';

export const PAGE_TEXT: CellPageText = {
  belt: {
    title: 'Arcs from the last position (attention)',
    caption:
      'No belt: the last position reads every earlier one directly, with weight α_T,t (arc thickness). The gradient reaches step t in one hop, scaled by α_T,t, not by a product over the steps between.',
  },
  spectrum: {
    title: 'Attention weights α (no recurrence, no eigenvalues)',
    caption:
      'Attention has no recurrence and so no eigenvalues: query t mixes the values of every key s ≤ t with weight α_t,s in one hop (rows sum to 1; above the diagonal is masked). Nothing is multiplied step after step, so nothing decays with distance.',
    symbol: 'α',
  },
  refs: null,
};
