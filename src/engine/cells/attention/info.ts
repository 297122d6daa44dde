/** Causal single-head attention's descriptor (Vaswani et al. 2017; the equations: ./index.ts). */
import type { CellInfo, CellSizes } from '../types';

export const ATTENTION = {
  id: 'attention',
  label: 'Attention',
  family: 'attention',
  gates: [],
  params: ({ inputSize: I, hiddenSize: H }: CellSizes) => [
    { name: 'input.weight', shape: [H, I] as const },
    { name: 'input.bias', shape: [H] as const },
    { name: 'attn.in_proj_weight', shape: [3 * H, H] as const },
    { name: 'attn.in_proj_bias', shape: [3 * H] as const },
    { name: 'attn.out_proj.weight', shape: [H, H] as const },
    { name: 'attn.out_proj.bias', shape: [H] as const },
  ],
  readoutWidth: (s: CellSizes) => s.hiddenSize,
  state: { symbol: 'e', width: (s: CellSizes) => s.hiddenSize },
  cellState: false,
  references: ['alpha'],
  inits: [{ id: 'pytorch', label: 'nn.MultiheadAttention’s, input as an embedding N(0, 1)' }],
  controls: [],
  // Projections (H·I, 3H·H, H·H) and, averaged over t, (T + 1)/2 scores and weighted values of H.
  macsPerStep: ({ inputSize: I, hiddenSize: H }: CellSizes, T: number) =>
    H * I + 4 * H * H + (T + 1) * H,
  inApp: false,
  belt: 'rnn',
  explain: {
    title: 'Causal attention (Vaswani et al. 2017)',
    text: 'No recurrence: every position reads every earlier one in one hop, weighted by α. A loss at the last step reaches each position’s embedding directly, so nothing vanishes with distance; the price is O(T²·H) work instead of O(T·H²).',
    equations: [
      'e_t = W_{in} u_t + b_{in} + p_t \\qquad [q_t; k_t; v_t] = W_{qkv}\\, e_t + b_{qkv}',
      '\\alpha_{ts} = \\operatorname{softmax}_{s \\le t}\\!\\big(q_t \\cdot k_s / \\sqrt{H}\\big) \\qquad y_t = e_t + W_o \\textstyle\\sum_{s \\le t} \\alpha_{ts} v_s + b_o',
    ],
    gradient:
      '\\frac{\\partial L}{\\partial e_t} = \\frac{\\partial \\ell_t}{\\partial e_t} + \\sum_{s \\ge t} (\\text{paths through } \\alpha_{st},\\, k_t,\\, v_t)',
  },
} as const satisfies CellInfo;
