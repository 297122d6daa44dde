/** What the page shows of a classic cell (h_t from W_ih, W_hh): every one of them reads the same. */
import type { CellPage } from './pageTypes';

export const CLASSIC_PAGE = {
  recurrence: 'W_hh',
  memory: null,
  stateOf: '',
  rows: {
    caption: () =>
      'Each row is one hidden unit hₜ over time for the first sequence of the batch (orange positive, purple negative).',
    axis: 'hidden unit',
    legend: 'hₜ',
    column: (j) => `h[${j}]`,
  },
  rowNorms: false,
  decay: null,
} as const satisfies CellPage;
