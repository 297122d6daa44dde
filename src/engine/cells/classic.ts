/**
 * What the classic cells (PyTorch's nn.RNN, nn.LSTM, nn.GRU layout) share in their descriptors:
 * G stacked row blocks of H in weight_ih_l0 [G·H][I], weight_hh_l0 [G·H][H], bias_ih_l0 [G·H],
 * bias_hh_l0 [G·H], and their initializations (classicInit.ts).
 */
import type { CellSizes, InitInfo, ParamShape } from './types';

export const CLASSIC_INITS = [
  { id: 'pytorch', label: 'PyTorch default U(±1/√H)' },
  { id: 'xavier', label: 'Xavier / Glorot' },
  { id: 'orthogonal', label: 'Orthogonal' },
] as const satisfies readonly InitInfo[];

/**
 * The ReLU RNN adds the identity init: W_hh = I with small input weights is what makes it the IRNN
 * (Le, Jaitly and Hinton 2015); for a tanh or gated cell it would mean something else, so only
 * this cell offers it.
 */
export const IRNN_INITS = [
  ...CLASSIC_INITS,
  { id: 'identity', label: 'Identity: the IRNN (Le et al. 2015)' },
] as const satisfies readonly InitInfo[];

/**
 * The single-block cells (linear, tanh RNN) also offer a strongly non-normal W_hh (classicInit.ts
 * nonNormalBlock): a teaching init for "ρ is not the whole story".
 */
export const SINGLE_BLOCK_INITS = [
  ...CLASSIC_INITS,
  { id: 'nonnormal', label: 'Non-normal (linked pairs)' },
] as const satisfies readonly InitInfo[];

export type ClassicInit =
  (typeof SINGLE_BLOCK_INITS)[number]['id'] | (typeof IRNN_INITS)[number]['id'];

/**
 * The classic layout's parameter names (PyTorch's layer 0), declared once: the classic driver
 * (engine/bptt.ts), the spectrum and the forget-bias code read the parameters by these.
 */
export const CLASSIC_PARAM = {
  wih: 'weight_ih_l0',
  whh: 'weight_hh_l0',
  bih: 'bias_ih_l0',
  bhh: 'bias_hh_l0',
} as const;

/** PyTorch's layer-0 parameters with G gate blocks. */
export function classicParams(G: number) {
  return (s: CellSizes): readonly ParamShape[] => {
    const gh = G * s.hiddenSize;
    return [
      { name: CLASSIC_PARAM.wih, shape: [gh, s.inputSize] },
      { name: CLASSIC_PARAM.whh, shape: [gh, s.hiddenSize] },
      { name: CLASSIC_PARAM.bih, shape: [gh] },
      { name: CLASSIC_PARAM.bhh, shape: [gh] },
    ];
  };
}

/** G·H·(I + H): the one product [W_ih | W_hh]·[x_t; h_{t−1}] per step. */
export function classicMacs(G: number) {
  return (s: CellSizes): number => G * s.hiddenSize * (s.inputSize + s.hiddenSize);
}

export const hiddenWidth = (s: CellSizes): number => s.hiddenSize;
