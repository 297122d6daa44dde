/** S6's descriptor (Gu & Dao 2023, Mamba's selective scan; the equations: ./index.ts). */
import type { CellInfo, CellSizes } from '../types';
import { PAGE } from './page';

/** N when a spec gives none (Mamba's d_state). */
const N_DEFAULT = 16;
const N = (s: CellSizes) => s.stateSize ?? N_DEFAULT;

export const S6 = {
  id: 's6',
  label: 'S6 (Mamba)',
  family: 'diagonal',
  gates: ['delta'],
  params: (s: CellSizes) => {
    const { inputSize: I, hiddenSize: H } = s;
    return [
      { name: 'input.weight', shape: [H, I] as const },
      { name: 'input.bias', shape: [H] as const },
      { name: 'dt.weight', shape: [H, H] as const },
      { name: 'dt.bias', shape: [H] as const },
      { name: 'B.weight', shape: [N(s), H] as const },
      { name: 'C.weight', shape: [N(s), H] as const },
      { name: 'A_log', shape: [H, N(s)] as const },
      { name: 'D', shape: [H] as const },
    ];
  },
  readoutWidth: (s: CellSizes) => s.hiddenSize,
  state: { symbol: 's', width: (s: CellSizes) => s.hiddenSize * N(s) },
  cellState: false,
  references: ['expADelta'],
  inits: [{ id: 'mamba', label: 'Mamba (S4D-real A, log-uniform Δ)' }],
  controls: ['stateSize'],
  recurrent: ['A_log'],
  stateSizeDefault: N_DEFAULT,
  // Input and Δ projections, B and C, and the H·N scan with its read-out.
  macsPerStep: (s: CellSizes) => {
    const H = s.hiddenSize;
    return H * s.inputSize + H * H + 2 * N(s) * H + 4 * H * N(s);
  },
  inApp: true,
  page: PAGE,
  belt: 'decay',
  scan: true,
} as const satisfies CellInfo;
