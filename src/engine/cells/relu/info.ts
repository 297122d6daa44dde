/** The ReLU RNN's descriptor (PyTorch nn.RNN(nonlinearity='relu'), the same parameter names). */
import { IRNN_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';

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
  belt: 'rnn',
  explain: {
    title: 'ReLU RNN (PyTorch nn.RNN, nonlinearity relu)',
    text: 'ReLU′ is 1 on active units and 0 on the others, so each step back multiplies the gradient by W_hh restricted to the units active at that step: nothing saturates, and σ_max < 1 still guarantees vanishing. Started at W_hh = I with small input weights (the IRNN of Le, Jaitly and Hinton 2015), a unit that stays active copies its value and its gradient unchanged from step to step. Nothing bounds the state, so a W_hh that grows it can make h and the loss overflow.',
    equations: [
      'h_t = \\max\\!\\left(0,\\; W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}\\right)',
    ],
    gradient:
      '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}\\!\\left([h_t > 0]\\right) W_{hh}',
  },
} as const satisfies CellInfo;
