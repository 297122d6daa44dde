/** The copy task's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const COPY = {
  id: 'copy',
  label: 'Copy (delayed recall)',
  description:
    'See up to 10 symbols, wait through blanks, and after the delimiter repeat them in order (baseline: guess each symbol, S·ln 8 / T).',
  citation: 'Arjovsky, Shah & Bengio 2016, "Unitary evolution recurrent neural networks", ICML',
  loss: 'xent_all',
  // Sizes as the maker builds them (a test checks they agree).
  inputSize: 10,
  outputSize: 9,
} as const satisfies TaskInfo;
