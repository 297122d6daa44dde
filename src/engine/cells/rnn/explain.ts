/** The explain panel's text for the tanh RNN: short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
  title: 'tanh RNN (PyTorch nn.RNN)',
  text: 'Each step back multiplies the gradient by the step Jacobian diag(1 − h_t²)·W_hh, whose norm is at most σ_max(W_hh) since tanh′ ≤ 1. So σ_max < 1 guarantees vanishing and σ_max > 1 is necessary to explode (Pascanu, Mikolov and Bengio 2013); ρ(W_hh)^(T−t) is only a guide here, exact only for a linear cell with normal W_hh. Saturated units (tanh′ ≈ 0) stop the gradient whatever W_hh is. Clipping tames exploding gradients only.',
  equations: ['h_t = \\tanh\\!\\left(W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}\\right)'],
  gradient:
    '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}\\!\\left(1 - h_t^{2}\\right) W_{hh}',
  cost: 'A step costs O(H²) for W_hh h plus O(H·I) for the input, and the state is H numbers whatever the sequence length; the steps must run one after another.',
  citation:
    'Pascanu, Mikolov and Bengio (2013), On the difficulty of training recurrent neural networks, ICML; arXiv:1211.5063',
};
