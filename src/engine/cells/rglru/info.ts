/** The RG-LRU's descriptor (De et al. 2024, Griffin; the equations: ./index.ts). */
import type { CellInfo, CellSizes } from '../types';
import { PAGE } from './page';

export const RGLRU = {
  id: 'rglru',
  label: 'RG-LRU',
  family: 'diagonal',
  gates: ['a', 'r', 'i'],
  params: ({ inputSize: I, hiddenSize: H }: CellSizes) => [
    { name: 'input.weight', shape: [H, I] as const },
    { name: 'input.bias', shape: [H] as const },
    { name: 'gate_a.weight', shape: [H, H] as const },
    { name: 'gate_a.bias', shape: [H] as const },
    { name: 'gate_x.weight', shape: [H, H] as const },
    { name: 'gate_x.bias', shape: [H] as const },
    { name: 'a_param', shape: [H] as const },
  ],
  readoutWidth: (s: CellSizes) => s.hiddenSize,
  state: { symbol: 'h', width: (s: CellSizes) => s.hiddenSize },
  cellState: false,
  references: ['prodA'],
  inits: [
    { id: 'griffin-code', label: 'Griffin code: a ∈ [0.9, 0.999]' },
    { id: 'griffin-paper', label: 'Griffin paper: a⁸ ∈ [0.9, 0.999]' },
  ],
  controls: [],
  recurrent: ['a_param'],
  // Input projection, the two gate products, and a few per-unit operations.
  macsPerStep: ({ inputSize: I, hiddenSize: H }: CellSizes) => H * I + 2 * H * H + 6 * H,
  inApp: true,
  page: PAGE,
  belt: 'decay',
  scan: true,
} as const satisfies CellInfo;
