/** The GRU's descriptor (PyTorch nn.GRU; gate rows r, z, n, b_hn inside the r product). */
import { CLASSIC_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';
import { PAGE } from './page';

export const GRU = {
  id: 'gru',
  label: 'GRU',
  family: 'classic',
  gates: ['r', 'z', 'n'],
  params: classicParams(3),
  readoutWidth: hiddenWidth,
  state: { symbol: 'h', width: hiddenWidth },
  cellState: false,
  references: ['prodZ'],
  inits: CLASSIC_INITS,
  controls: ['rho'],
  macsPerStep: classicMacs(3),
  inApp: true,
  page: PAGE,
  belt: 'update',
} as const satisfies CellInfo;
