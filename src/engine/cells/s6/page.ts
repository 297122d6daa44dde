/** What the page shows of S6 (its H × N state s, shown as channel norms; its clock Δₜ). */
import { column, slowestMode } from '../decayBelt';
import type { CellPage } from '../pageTypes';

export const PAGE: CellPage = {
  recurrence: 'A',
  memory:
    'S6 has no W_hh and no forget-gate bias: its decay per step is exp(Δₜ·A), with A per state entry and the step size Δₜ chosen by the input.',
  stateOf: ' (s is S6’s state, H channels × N entries)',
  rows: {
    caption: () =>
      'Each row is one channel d of S6’s state over time, shown as ‖sₜ[d, ·]‖, the norm of its N entries (the state itself has H × N numbers).',
    axis: 'channel d',
    legend: '‖sₜ[d, ·]‖',
    column: (j) => `‖s[${j}]‖`,
  },
  rowNorms: true,
  decay: {
    // The valve of channel u is exp(Δₜ·A[u, n]) of its slowest mode n (gates: delta, H wide).
    unitDecay(s, u) {
      if (s.gates === null || s.A === null) return null;
      const { a } = slowestMode(s.A, s.H, u);
      return column(s.gates, s.T, s.H, u).map((delta) => Math.exp(delta * a));
    },
    columns(s, u) {
      const decay = this.unitDecay(s, u);
      const n = s.A ? slowestMode(s.A, s.H, u).n : 0;
      return {
        state: column(s.hidden, s.T, s.stateWidth, u),
        stateName: '‖sₜ[d]‖',
        // The valve of the channel's slowest mode n (named in the caption and the tooltip's title).
        decay: decay && { name: n === 0 ? 'e^(ΔA)' : `e^(ΔA[${n}])`, values: decay },
        write: s.gates === null ? null : { name: 'Δₜ', values: column(s.gates, s.T, s.H, u) },
        gradName: '‖∂L/∂sₜ‖',
      };
    },
  },
};
