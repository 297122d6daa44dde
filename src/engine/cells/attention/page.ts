/** What the page shows of attention (no recurrence: its position embeddings e, its weights α). */
import type { CellPage } from '../pageTypes';

export const PAGE: CellPage = {
  recurrence: null,
  memory:
    'Attention has no recurrence: nothing decays with distance, so there is no spectral radius, no forget gate and no truncation window.',
  stateOf: ' (e are the position embeddings attention reads: there is no recurrent state)',
  rows: {
    caption: () =>
      'Attention has no hidden state carried from step to step: each row is one unit of the position embedding eₜ that every later position reads (orange positive, purple negative).',
    axis: 'embedding unit',
    legend: 'eₜ',
    column: (j) => `e[${j}]`,
  },
  rowNorms: false,
  decay: null,
};
