/** The LRU's long texts and belt (a constant valve |λ| per unit), loaded with the families' chunk. */
import type { CellPageText } from '../pageTypes';

export const PAGE_TEXT: CellPageText = {
  belt: {
    title: 'Belt with a constant valve |λ| (LRU)',
    caption:
      'Each unit’s complex state x is multiplied by its own eigenvalue λ at every step, the same λ at every step (time-invariant): along the belt the gradient shrinks by exactly |λ| per step back, and only |λ| close to 1 remembers. Shown: Re x of the unit; Im x on hover.',
  },
  spectrum: {
    title: 'Eigenvalues λ (the LRU’s parameters)',
    caption:
      'The LRU’s recurrence is diagonal, so its eigenvalues λ are its parameters, trained directly. The shaded ring is where the initialization drew them (r_min ≤ |λ| ≤ r_max, 0 ≤ arg λ ≤ max phase); hollow: as set, filled: now. |λ| = exp(−exp(ν_log)) < 1 always: the LRU cannot explode. Below: |λ| against radius 1, where the axis stretches the last decimals.',
    symbol: '|λ|',
  },
  refs: {
    unitCurve: (u, at) => `|λ|^(T−t) of unit ${u} (|λ| = ${at.decay0})`,
    meanCurve: false,
    carriedBy: '|λₖ|^(T−t) per mode',
  },
};
