/** The explain panel's text for the linear: short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
  title: 'Linear recurrence',
  text: 'No squashing: the state is multiplied by W_hh at every step, so the gradient from step T back to step t is exactly (W_hhᵀ)^(T−t) applied to ∂L/∂h_T. With W_hh = ρ·Q (Q orthogonal), or any normal W_hh, its norm is ρ^(T−t) exactly: below 1 it vanishes, above 1 it explodes. For a non-normal W_hh, ‖W^k‖ can grow for a while even with ρ < 1, and ρ^(T−t) only describes the end.',
  equations: ['h_t = W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}'],
  gradient:
    '\\frac{\\partial L}{\\partial h_t} = W_{hh}^{\\top}\\,\\frac{\\partial L}{\\partial h_{t+1}} + \\frac{\\partial \\ell_t}{\\partial h_t}',
  cost: 'A step costs O(H²) for W_hh h plus O(H·I) for the input, and the state is H numbers whatever the sequence length.',
  citation:
    'Pascanu, Mikolov and Bengio (2013), On the difficulty of training recurrent neural networks, ICML; arXiv:1211.5063',
};
