/** The LRU's descriptor (Orvieto et al. 2023; the equations: ./index.ts). */
import type { CellInfo, CellSizes } from '../types';

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
  belt: 'decay',
  explain: {
    title: 'LRU (Orvieto et al. 2023)',
    text: 'A complex diagonal linear recurrence: each unit multiplies its state by its own eigenvalue λ, so the gradient from step T back to step t is exactly |λ|^(T−t) per unit. The eigenvalues are the parameters, kept just inside the unit circle.',
    equations: [
      '\\lambda = \\exp(-e^{\\nu_{\\log}} + i\\,e^{\\theta_{\\log}}) \\qquad x_t = \\lambda \\odot x_{t-1} + e^{\\gamma_{\\log}} \\odot (B_{re} + i B_{im})\\,u_t',
      'y_t = [\\operatorname{Re} x_t;\\ \\operatorname{Im} x_t]',
    ],
    gradient:
      '\\frac{\\partial x_T}{\\partial x_t} = \\operatorname{diag}\\big(\\lambda^{T-t}\\big) \\quad\\Rightarrow\\quad \\Big|\\frac{\\partial L}{\\partial x_{t,k}}\\Big| = |\\lambda_k|^{T-t}\\, \\Big|\\frac{\\partial L}{\\partial x_{T,k}}\\Big| \\ \\text{(loss at } T\\text{ only)}',
    cost: 'A step costs O(H·I) for B u and O(H) for the diagonal update, and the state is H complex numbers whatever the sequence length; being linear, the recurrence can also be evaluated as a parallel scan.',
    citation:
      'Orvieto, Smith, Gu, Fernando, Gulcehre, Pascanu and De (2023), Resurrecting Recurrent Neural Networks for Long Sequences, ICML; arXiv:2303.06349',
  },
} as const satisfies CellInfo;
