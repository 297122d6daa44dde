/** The linear recurrence's descriptor (nn.RNN's layout with the identity for tanh). */
import { SINGLE_BLOCK_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';
import { PAGE } from './page';

export const LINEAR = {
  id: 'linear',
  label: 'linear',
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
  stepJacobianDiag: () => 1,
  inApp: true,
  page: PAGE,
  belt: 'chain',
} as const satisfies CellInfo;
