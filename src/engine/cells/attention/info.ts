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
  recurrent: [],
  // Projections (H·I, 3H·H, H·H) and, averaged over t, (T + 1)/2 scores and weighted values of H.
  macsPerStep: ({ inputSize: I, hiddenSize: H }: CellSizes, T: number) =>
    H * I + 4 * H * H + (T + 1) * H,
  inApp: true,
  belt: 'arcs',
  explain: {
    title: 'Causal attention (Vaswani et al. 2017)',
    text: 'No recurrence: every position reads every earlier one in one hop, weighted by α. A loss at the last step reaches each position’s embedding directly, so nothing vanishes with distance; the price is O(T²·H) work instead of O(T·H²).',
    equations: [
      'e_t = W_{in} u_t + b_{in} + p_t \\qquad [q_t; k_t; v_t] = W_{qkv}\\, e_t + b_{qkv}',
      '\\alpha_{ts} = \\operatorname{softmax}_{s \\le t}\\!\\big(q_t \\cdot k_s / \\sqrt{H}\\big) \\qquad y_t = e_t + W_o \\textstyle\\sum_{s \\le t} \\alpha_{ts} v_s + b_o',
    ],
    gradient:
      '\\frac{\\partial L}{\\partial e_t} = \\underbrace{\\frac{\\partial L}{\\partial y_t}}_{\\text{residual}} + \\sum_{s \\ge t} \\alpha_{st}\\, W_v^{\\top} W_o^{\\top} \\frac{\\partial L}{\\partial y_s} + (\\text{paths through } q_t \\text{ and } k_t): \\text{ one hop, no product over steps}',
    cost: 'Step t reads all t earlier keys and values: O(t·H) per step, O(T²·H) per sequence, and it keeps O(T·H) keys and values where a recurrence keeps an O(H) state.',
    citation: 'Vaswani et al. (2017), Attention Is All You Need, NeurIPS; arXiv:1706.03762',
  },
} as const satisfies CellInfo;
