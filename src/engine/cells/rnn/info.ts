/** The tanh RNN's descriptor (PyTorch nn.RNN(nonlinearity='tanh')). */
import { SINGLE_BLOCK_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';

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
  belt: 'rnn',
  explain: {
    title: 'tanh RNN (PyTorch nn.RNN)',
    text: 'Each step multiplies the back-flowing gradient by the step Jacobian diag(1 − h_t²)·W_hh. Over T − t steps these products shrink roughly like ρ(W_hh)^(T−t) (vanishing below 1) and can blow up above 1; the guarantee for vanishing is on σ_max, not ρ. Clipping tames exploding gradients only.',
    equations: ['h_t = \\tanh\\!\\left(W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}\\right)'],
    gradient:
      '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}\\!\\left(1 - h_t^{2}\\right) W_{hh}',
  },
} as const satisfies CellInfo;
