/** The tanh RNN's descriptor (PyTorch nn.RNN(nonlinearity='tanh')). */
import { SINGLE_BLOCK_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';
import { PAGE } from './page';

export const RNN = {
  id: 'rnn',
  label: 'tanh RNN',
  family: 'classic',
  gates: [],
  params: classicParams(1),
  readoutWidth: hiddenWidth,
  state: { symbol: 'h', width: hiddenWidth },
  cellState: false,
  references: ['rho', 'sigmaMax'],
  inits: SINGLE_BLOCK_INITS,
  controls: ['rho'],
  macsPerStep: classicMacs(1),
  stepJacobianDiag: (h: number) => 1 - h * h,
  inApp: true,
  page: PAGE,
  belt: 'chain',
} as const satisfies CellInfo;
