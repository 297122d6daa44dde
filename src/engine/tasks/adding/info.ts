/** The adding task's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const ADDING = {
  id: 'adding',
  label: 'Adding problem',
  description:
    'Two values are marked in a stream of random numbers; output their sum at the end (baseline: always answer 1, MSE 1/6).',
  citation:
    'Le, Jaitly & Hinton 2015, arXiv:1504.00941; Arjovsky, Shah & Bengio 2016, ICML; after Hochreiter & Schmidhuber 1997, Neural Computation 9(8), Exp. 4',
  loss: 'mse_last',
  // Sizes as the maker builds them (a test checks they agree).
  inputSize: 2,
  outputSize: 1,
} as const satisfies TaskInfo;
