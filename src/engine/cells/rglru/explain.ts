/** The explain panel's text for the RG-LRU: short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
  title: 'RG-LRU (De et al. 2024, Griffin)',
  text: 'A gated diagonal linear recurrence: the gates see only the input, so each step multiplies the state by a_t per unit and the gradient from step T to step t is exactly the product of those decays. The network learns to hold a_t just below 1.',
  equations: [
    '\\tilde x_t = W_{in} u_t + b_{in} \\quad r_t = \\sigma(W_a \\tilde x_t + b_a) \\quad i_t = \\sigma(W_x \\tilde x_t + b_x)',
    '\\log a_t = -8\\, r_t \\odot \\operatorname{softplus}(\\Lambda) \\qquad h_t = a_t \\odot h_{t-1} + \\sqrt{1 - a_t^2} \\odot (i_t \\odot \\tilde x_t)',
  ],
  gradient:
    '\\frac{\\partial h_T}{\\partial h_t} = \\operatorname{diag}\\Big(\\prod_{s=t+1}^{T} a_s\\Big) \\quad\\text{exactly: } a_s \\text{ depends on the input, not on } h',
  cost: 'A step costs O(H²) for the two gate projections and O(H) for the recurrence, and the state is H numbers whatever the sequence length.',
  citation:
    'De, Smith, Fernando et al. (2024), Griffin: Mixing Gated Linear Recurrences with Local Attention for Efficient Language Models; arXiv:2402.19427',
};
