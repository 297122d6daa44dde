/** Selective copy's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const SELCOPY = {
  id: 'selcopy',
  label: 'Selective copy',
  description:
    'Up to 4 symbols hide at random places among noise; at the markers that follow, repeat them in order (baseline: guess each symbol, S·ln 8 / T).',
  citation:
    'Gu & Dao 2023, "Mamba: Linear-time sequence modeling with selective state spaces", §3.1',
  loss: 'xent_all',
  // Sizes as the maker builds them (a test checks they agree).
  inputSize: 10,
  outputSize: 9,
} as const satisfies TaskInfo;
