/** The parity task's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const PARITY = {
  id: 'parity',
  label: 'Parity',
  description:
    'A stream of noisy ±1 bits; at the end say whether the count of +1s was odd (baseline: 50 %).',
  citation:
    'Bengio, Simard & Frasconi 1994, "Learning long-term dependencies with gradient descent is difficult", IEEE TNN 5(2)',
  loss: 'xent_last',
  // Sizes as the maker builds them (a test checks they agree).
  inputSize: 1,
  outputSize: 2,
} as const satisfies TaskInfo;
