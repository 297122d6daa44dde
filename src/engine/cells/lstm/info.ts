/** The LSTM's descriptor (PyTorch nn.LSTM; gate rows i, f, g, o). */
import { CLASSIC_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';
import { PAGE } from './page';

export const LSTM = {
  id: 'lstm',
  label: 'LSTM',
  family: 'classic',
  gates: ['i', 'f', 'g', 'o'],
  params: classicParams(4),
  readoutWidth: hiddenWidth,
  state: { symbol: 'h', width: hiddenWidth },
  cellState: true,
  references: ['prodF'],
  inits: CLASSIC_INITS,
  controls: ['rho', 'forgetBias', 'holdForget'],
  macsPerStep: classicMacs(4),
  inApp: true,
  page: PAGE,
  belt: 'cellState',
} as const satisfies CellInfo;
