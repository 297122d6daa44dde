/** The explain panel's text for the GRU: short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
  title: 'GRU (PyTorch nn.GRU)',
  text: 'The GRU merges cell and hidden state. Its update gate z plays the forget gate’s role: h_t keeps z_t of the old state, so along that path ∂h_t/∂h_{t−1} contains diag(z_t). Note b_hn sits inside the reset product, as in PyTorch.',
  equations: [
    'r_t = \\sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr}) \\quad z_t = \\sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})',
    'n_t = \\tanh\\!\\left(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn})\\right)',
    'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}',
  ],
  gradient: '\\frac{\\partial h_t}{\\partial h_{t-1}} \\ni \\operatorname{diag}(z_t)',
  cost: 'A step costs 3·O(H²) for the three gate blocks of W_hh plus 3·O(H·I) for the input, and the state is H numbers whatever the sequence length.',
  citation:
    'Cho et al. (2014), Learning Phrase Representations using RNN Encoder–Decoder for Statistical Machine Translation; arXiv:1406.1078',
};
