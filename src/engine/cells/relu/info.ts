/** The ReLU RNN's descriptor (PyTorch nn.RNN(nonlinearity='relu'), the same parameter names). */
import { IRNN_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';
import { PAGE } from './page';

export const RELU = {
  id: 'relu',
  label: 'ReLU RNN',
  family: 'classic',
  gates: [],
  params: classicParams(1),
  readoutWidth: hiddenWidth,
  state: { symbol: 'h', width: hiddenWidth },
  cellState: false,
  references: ['rho', 'sigmaMax'],
  inits: IRNN_INITS,
  controls: ['rho'],
  macsPerStep: classicMacs(1),
  stepJacobianDiag: (h: number) => (h > 0 ? 1 : 0),
  inApp: true,
  page: PAGE,
  belt: 'chain',
} as const satisfies CellInfo;
