/** The explain panel's text for the LRU: short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
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
};
