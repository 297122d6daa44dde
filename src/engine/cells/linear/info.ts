/** The linear recurrence's descriptor (nn.RNN's layout with the identity for tanh). */
import { SINGLE_BLOCK_INITS, classicMacs, classicParams, hiddenWidth } from '../classic';
import type { CellInfo } from '../types';

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
  belt: 'rnn',
  explain: {
    title: 'Linear recurrence',
    text: 'No squashing: the state is multiplied by W_hh at every step, so the gradient from step T back to step t is exactly (W_hhᵀ)^(T−t) applied to ∂L/∂h_T. With W_hh = ρ·Q (Q orthogonal), or any normal W_hh, its norm is ρ^(T−t) exactly: below 1 it vanishes, above 1 it explodes. For a non-normal W_hh, ‖W^k‖ can grow for a while even with ρ < 1, and ρ^(T−t) only describes the end.',
    equations: ['h_t = W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}'],
    gradient:
      '\\frac{\\partial L}{\\partial h_t} = W_{hh}^{\\top}\\,\\frac{\\partial L}{\\partial h_{t+1}} + \\frac{\\partial \\ell_t}{\\partial h_t}',
    cost: 'A step costs O(H²) for W_hh h plus O(H·I) for the input, and the state is H numbers whatever the sequence length.',
    citation:
      'Pascanu, Mikolov and Bengio (2013), On the difficulty of training recurrent neural networks, ICML; arXiv:1211.5063',
  },
} as const satisfies CellInfo;
