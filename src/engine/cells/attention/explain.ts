/** The explain panel's text for the Attention: short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
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
};
