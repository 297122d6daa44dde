/** The explain panel's text for the S6 (Mamba): short text, equations and gradient (KaTeX), cost, source. */
import type { Explanation } from '../types';

export const EXPLAIN: Explanation = {
  title: 'S6 (Gu & Dao 2023, Mamba)',
  text: 'A selective diagonal scan: the input sets each channel’s step size Δ, and the state decays by exp(ΔA) per step, so the gradient from step T to step t is exactly exp(A·ΣΔ): Δ is the model’s clock, and it can stop time for what it wants to keep.',
  equations: [
    '\\tilde x_t = W_{in} u_t + b_{in} \\quad \\Delta_t = \\operatorname{softplus}(W_\\Delta \\tilde x_t + b_\\Delta) \\quad B_t = W_B \\tilde x_t \\quad C_t = W_C \\tilde x_t',
    's_t[d,n] = e^{\\Delta_t[d] A[d,n]}\\, s_{t-1}[d,n] + \\Delta_t[d]\\, B_t[n]\\, \\tilde x_t[d] \\qquad y_t[d] = \\textstyle\\sum_n C_t[n]\\, s_t[d,n] + D[d]\\, \\tilde x_t[d]',
  ],
  gradient:
    '\\frac{\\partial s_T[d,n]}{\\partial s_t[d,n]} = \\exp\\Big(A[d,n] \\textstyle\\sum_{k=t+1}^{T} \\Delta_k[d]\\Big) \\quad\\text{(the full Jacobian is diagonal)}',
  cost: 'A step costs O(H²) for the projections and O(H·N) for the scan, and the state is H·N numbers (N = state size) whatever the sequence length.',
  citation:
    'Gu and Dao (2023), Mamba: Linear-Time Sequence Modeling with Selective State Spaces; arXiv:2312.00752',
};
