/** The explain panel's text for the ReLU RNN: text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
  title: 'ReLU RNN (PyTorch nn.RNN, nonlinearity relu)',
  text: 'ReLU′ is 1 on active units and 0 on the others, so each step back multiplies the gradient by W_hh restricted to the units active at that step: nothing saturates, and σ_max < 1 still guarantees vanishing. Started at W_hh = I with small input weights (the IRNN of Le, Jaitly and Hinton 2015), a unit that stays active copies its value and its gradient unchanged from step to step. Nothing bounds the state, so a W_hh that grows it can make h and the loss overflow.',
  equations: [
    'h_t = \\max\\!\\left(0,\\; W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}\\right)',
  ],
  gradient:
    '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}\\!\\left([h_t > 0]\\right) W_{hh}',
  cost: 'A step costs O(H²) for W_hh h plus O(H·I) for the input, and the state is H numbers whatever the sequence length; the steps must run one after another.',
  citation:
    'Le, Jaitly and Hinton (2015), A Simple Way to Initialize Recurrent Networks of Rectified Linear Units; arXiv:1504.00941',
};
