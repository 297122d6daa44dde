/** S6's long texts and belt (Δ as a clock), loaded with the families' chunk. */
import type { CellPageText } from '../pageTypes';

export const PAGE_TEXT: CellPageText = {
  belt: {
    title: 'Δ as a clock (S6)',
    caption:
      'Each step multiplies sₜ[d, n] by exp(Δₜ·A[d, n]) and writes Δₜ·Bₜ·x̃ₜ: a large Δ resets and writes, a small Δ holds, as if time stood still. Shown: the channel’s state norm ‖sₜ[d]‖, its clock Δₜ and the decay of its slowest mode n.',
  },
  spectrum: {
    title: 'Per-step decays exp(Δₜ·A) (no W_hh)',
    caption:
      'S6 has no recurrent matrix: state entry (d, n) is multiplied by exp(Δₜ[d]·A[d, n]) at step t, with the step size Δₜ chosen by the input. Here every such decay of the shown sequence, all channels, entries and steps, against radius 1 (right edge): the shaded part keeps a value over the whole sequence.',
    symbol: 'exp(Δₜ·A)',
  },
  refs: {
    unitCurve: (u, at) => `exp(A[${u},${at.mode}]·Σ Δₛ) of channel ${u}'s slowest mode, ${at.seq}`,
    meanCurve: false,
    carriedBy: 'exp(A·Σ Δₛ) per state entry',
  },
};
