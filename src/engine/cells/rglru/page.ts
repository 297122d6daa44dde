/** What the page shows of the RG-LRU (its state h, its input-driven decay aₜ). */
import { CLASSIC_PAGE } from '../classicPage';
import { column, firstGateColumn } from '../decayBelt';
import type { CellPage } from '../pageTypes';

export const PAGE: CellPage = {
  recurrence: 'a',
  memory:
    'The RG-LRU has no W_hh and no forget-gate bias: its decay per step is aₜ = a^(8rₜ), with a from the initialization above and rₜ a gate that sees only the input.',
  stateOf: '',
  rows: CLASSIC_PAGE.rows,
  rowNorms: false,
  decay: {
    // gates blocks a, r, i (CellInfo.gates), H each.
    unitDecay: firstGateColumn,
    columns(s, u) {
      const { T, H } = s;
      const state = column(s.hidden, T, s.stateWidth, u);
      const g = s.gates;
      if (g === null) return { state, stateName: 'hₜ', decay: null, gradName: '‖∂L/∂hₜ‖' };
      const G = g.length / T;
      const a = column(g, T, G, u);
      const i = column(g, T, G, 2 * H + u);
      return {
        state,
        stateName: 'hₜ',
        decay: { name: 'aₜ', values: a },
        write: {
          name: '√(1−a²)·i',
          values: a.map((v, t) => Math.sqrt(1 - v * v) * (i[t] as number)),
        },
        extra: [
          { name: 'rₜ', values: column(g, T, G, H + u) },
          { name: 'iₜ', values: i },
        ],
        gradName: '‖∂L/∂hₜ‖',
      };
    },
  },
};
