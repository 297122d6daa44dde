/** The LRU's descriptor (Orvieto et al. 2023; the equations: ./index.ts). */
import type { CellInfo, CellSizes } from '../types';
import { PAGE } from './page';

const H = (s: CellSizes) => s.hiddenSize;

export const LRU = {
  id: 'lru',
  label: 'LRU',
  family: 'diagonal',
  gates: ['lambda_abs'],
  params: (s: CellSizes) => [
    { name: 'nu_log', shape: [H(s)] as const },
    { name: 'theta_log', shape: [H(s)] as const },
    { name: 'gamma_log', shape: [H(s)] as const },
    { name: 'B_re', shape: [H(s), s.inputSize] as const },
    { name: 'B_im', shape: [H(s), s.inputSize] as const },
  ],
  readoutWidth: (s: CellSizes) => 2 * H(s),
  state: { symbol: 'x', width: (s: CellSizes) => 2 * H(s) },
  cellState: false,
  references: ['lambdaPow'],
  inits: [{ id: 'ring', label: 'LRU ring (Orvieto et al.)' }],
  controls: ['ring'],
  recurrent: ['nu_log', 'theta_log'],
  // Complex B u (2·H·I) and the diagonal update (about 4·H real multiply-adds).
  macsPerStep: (s: CellSizes) => 2 * H(s) * s.inputSize + 4 * H(s),
  inApp: true,
  page: PAGE,
  belt: 'decay',
  scan: true,
} as const satisfies CellInfo;
