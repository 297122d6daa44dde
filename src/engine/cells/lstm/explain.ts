/** The explain panel's text for the LSTM: short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
  title: 'LSTM (PyTorch nn.LSTM)',
  text: 'The cell state c is a conveyor belt updated by addition: along the belt alone ∂c_t/∂c_{t−1} = f_t, a gate the net can hold near 1. Other paths (through h and the gates) add to the full derivative, so the panel shows both the belt product and the full Jacobian.',
  equations: [
    'i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi}) \\quad f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})',
    'g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg}) \\quad o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})',
    'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t \\qquad h_t = o_t \\odot \\tanh(c_t)',
  ],
  gradient:
    '\\frac{\\partial L}{\\partial c_t} = \\frac{\\partial L}{\\partial h_t} \\odot o_t \\odot \\left(1 - \\tanh^2 c_t\\right) + f_{t+1} \\odot \\frac{\\partial L}{\\partial c_{t+1}}',
  cost: 'A step costs 4·O(H²) for the four gate blocks of W_hh plus 4·O(H·I) for the input, and the state is 2H numbers (h and c) whatever the sequence length.',
  citation:
    'Hochreiter and Schmidhuber (1997), Long Short-Term Memory, Neural Computation 9(8); the forget gate: Gers, Schmidhuber and Cummins (2000)',
};
