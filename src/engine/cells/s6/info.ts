/** S6's descriptor (Gu & Dao 2023, Mamba's selective scan; the equations: ./index.ts). */
import type { CellInfo, CellSizes } from '../types';

/** N when a spec gives none (Mamba's d_state). */
const N_DEFAULT = 16;
const N = (s: CellSizes) => s.stateSize ?? N_DEFAULT;

export const S6 = {
  id: 's6',
  label: 'S6 (Mamba)',
  family: 'diagonal',
  gates: ['delta'],
  params: (s: CellSizes) => {
    const { inputSize: I, hiddenSize: H } = s;
    return [
      { name: 'input.weight', shape: [H, I] as const },
      { name: 'input.bias', shape: [H] as const },
      { name: 'dt.weight', shape: [H, H] as const },
      { name: 'dt.bias', shape: [H] as const },
      { name: 'B.weight', shape: [N(s), H] as const },
      { name: 'C.weight', shape: [N(s), H] as const },
      { name: 'A_log', shape: [H, N(s)] as const },
      { name: 'D', shape: [H] as const },
    ];
  },
  readoutWidth: (s: CellSizes) => s.hiddenSize,
  state: { symbol: 's', width: (s: CellSizes) => s.hiddenSize * N(s) },
  cellState: false,
  references: ['expADelta'],
  inits: [{ id: 'mamba', label: 'Mamba (S4D-real A, log-uniform Δ)' }],
  controls: ['stateSize'],
  recurrent: ['A_log'],
  stateSizeDefault: N_DEFAULT,
  // Input and Δ projections, B and C, and the H·N scan with its read-out.
  macsPerStep: (s: CellSizes) => {
    const H = s.hiddenSize;
    return H * s.inputSize + H * H + 2 * N(s) * H + 4 * H * N(s);
  },
  inApp: true,
  belt: 'decay',
  explain: {
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
  },
} as const satisfies CellInfo;
