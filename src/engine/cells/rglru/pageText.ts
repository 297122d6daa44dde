/** The RG-LRU's long texts and belt (an input-driven valve aₜ), loaded with the families' chunk. */
import type { CellPageText } from '../pageTypes';

export const PAGE_TEXT: CellPageText = {
  belt: {
    title: 'Belt with an input-driven valve aₜ (RG-LRU)',
    caption:
      'hₜ = aₜ⊙hₜ₋₁ + √(1−aₜ²)⊙(iₜ⊙x̃ₜ) with aₜ = a^(8rₜ): a forget gate that sees only the input. Where aₜ ≈ 1 the unit holds its value (and the gradient passes); a smaller aₜ lets the step overwrite it.',
  },
  spectrum: {
    title: 'Per-step decays aₜ (no W_hh)',
    caption:
      'The RG-LRU has no recurrent matrix: each unit’s state is multiplied by aₜ = a^(8rₜ) at step t, a number in (0, 1) the input chooses. Here every aₜ of the shown sequence, all units and steps, against radius 1 (right edge): the shaded part keeps a value over the whole sequence.',
    symbol: 'aₜ',
  },
  refs: {
    unitCurve: (u, at) => `Π aₛ of unit ${u}, ${at.seq}`,
    meanCurve: true,
    carriedBy: 'Π aₛ over s > t per unit',
  },
};
