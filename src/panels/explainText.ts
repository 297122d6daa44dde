import type { CellKind } from '../engine/types';

/** Short text and the equations (KaTeX source) for each cell, as the engine computes them. */
export interface Explanation {
  readonly title: string;
  readonly text: string;
  readonly equations: readonly string[];
  readonly gradient: string;
}

export const EXPLAIN: Record<CellKind, Explanation> = {
  linear: {
    title: 'Linear recurrence',
    text: 'No squashing: the state is multiplied by W_hh at every step, so the gradient from step T to step t is exactly (W_hhᵀ)^(T−t) applied to ∂L/∂h_T. With W_hh = ρ·Q (Q orthogonal) its norm is ρ^(T−t): below 1 it vanishes, above 1 it explodes.',
    equations: ['h_t = W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}'],
    gradient:
      '\\frac{\\partial L}{\\partial h_t} = W_{hh}^{\\top}\\,\\frac{\\partial L}{\\partial h_{t+1}} + \\frac{\\partial \\ell_t}{\\partial h_t}',
  },
  rnn: {
    title: 'tanh RNN (PyTorch nn.RNN)',
    text: 'Each step multiplies the back-flowing gradient by the step Jacobian diag(1 − h_t²)·W_hh. Over T − t steps these products shrink roughly like ρ(W_hh)^(T−t) (vanishing below 1) and can blow up above 1; the guarantee for vanishing is on σ_max, not ρ. Clipping tames exploding gradients only.',
    equations: ['h_t = \\tanh\\!\\left(W_{ih}\\,x_t + b_{ih} + W_{hh}\\,h_{t-1} + b_{hh}\\right)'],
    gradient:
      '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}\\!\\left(1 - h_t^{2}\\right) W_{hh}',
  },
  lstm: {
    title: 'LSTM (PyTorch nn.LSTM)',
    text: 'The cell state c is a conveyor belt updated by addition: along the belt alone ∂c_t/∂c_{t−1} = f_t, a gate the net can hold near 1. Other paths (through h and the gates) add to the full derivative, so the panel shows both the belt product and the full Jacobian.',
    equations: [
      'i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi}) \\quad f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})',
      'g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg}) \\quad o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})',
      'c_t = f_t \\odot c_{t-1} + i_t \\odot g_t \\qquad h_t = o_t \\odot \\tanh(c_t)',
    ],
    gradient:
      '\\frac{\\partial L}{\\partial c_t} = \\frac{\\partial L}{\\partial h_t} \\odot o_t \\odot \\left(1 - \\tanh^2 c_t\\right) + f_{t+1} \\odot \\frac{\\partial L}{\\partial c_{t+1}}',
  },
  gru: {
    title: 'GRU (PyTorch nn.GRU)',
    text: 'The GRU merges cell and hidden state. Its update gate z plays the forget gate’s role: h_t keeps z_t of the old state, so along that path ∂h_t/∂h_{t−1} contains diag(z_t). Note b_hn sits inside the reset product, as in PyTorch.',
    equations: [
      'r_t = \\sigma(W_{ir} x_t + b_{ir} + W_{hr} h_{t-1} + b_{hr}) \\quad z_t = \\sigma(W_{iz} x_t + b_{iz} + W_{hz} h_{t-1} + b_{hz})',
      'n_t = \\tanh\\!\\left(W_{in} x_t + b_{in} + r_t \\odot (W_{hn} h_{t-1} + b_{hn})\\right)',
      'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}',
    ],
    gradient: '\\frac{\\partial h_t}{\\partial h_{t-1}} \\ni \\operatorname{diag}(z_t)',
  },
};
