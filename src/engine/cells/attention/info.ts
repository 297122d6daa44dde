/** Causal single-head attention's descriptor (Vaswani et al. 2017; the equations: ./index.ts). */
import type { CellInfo, CellSizes } from '../types';
import { PAGE } from './page';

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
  // ‖∂L/∂e_T‖ includes e_T's own residual path, 10⁴–10⁸ × any earlier step's: no fair yardstick.
  state: { symbol: 'e', width: (s: CellSizes) => s.hiddenSize, measureFrom: 'earlier' },
  cellState: false,
  references: ['alpha'],
  inits: [{ id: 'pytorch', label: 'nn.MultiheadAttention, input N(0, 1)' }],
  controls: [],
  recurrent: [],
  // Projections (H·I, 3H·H, H·H) and, averaged over t, (T + 1)/2 scores and weighted values of H.
  macsPerStep: ({ inputSize: I, hiddenSize: H }: CellSizes, T: number) =>
    H * I + 4 * H * H + (T + 1) * H,
  inApp: true,
  page: PAGE,
  belt: 'arcs',
} as const satisfies CellInfo;
