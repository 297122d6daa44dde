/** What the page shows of the LRU (its complex state x, its eigenvalues λ). */
import { column, firstGateColumn } from '../decayBelt';
import type { CellPage } from '../pageTypes';

export const PAGE: CellPage = {
  recurrence: 'λ',
  memory:
    'The LRU has no W_hh and no forget gate: its decays are its eigenvalues λ, drawn on the ring below and then trained.',
  stateOf: ' (x is the LRU’s complex state: its real and imaginary parts)',
  rows: {
    caption: (H) =>
      `Each row is one real number of the LRU’s complex state xₜ over time: Re x of units 0–${H - 1} on top, then Im x of the same units (orange positive, purple negative).`,
    axis: 'Re x (top), Im x (bottom)',
    legend: 'Re xₜ, Im xₜ',
    column: (j, H) => (j < H ? `Re x[${j}]` : `Im x[${j - H}]`),
  },
  rowNorms: false,
  decay: {
    // gates block 0 is |λ| per unit (CellInfo.gates: lambda_abs).
    unitDecay: firstGateColumn,
    columns(s, u) {
      const decay = this.unitDecay(s, u);
      return {
        state: column(s.hidden, s.T, s.stateWidth, u),
        stateName: 'Re xₜ',
        decay: decay && { name: '|λ|', values: decay },
        extra: [{ name: 'Im xₜ', values: column(s.hidden, s.T, s.stateWidth, s.H + u) }],
        gradName: '‖∂L/∂xₜ‖',
      };
    },
  },
};
