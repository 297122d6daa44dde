/** Associative recall's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const MQAR = {
  id: 'mqar',
  label: 'Associative recall',
  description:
    'Up to 4 key–value pairs, then each key again: answer with its value (baseline: guess a value, D·ln 8 / T).',
  citation:
    'Arora, Eyuboglu et al. 2023, "Zoology: Measuring and improving recall in efficient language models"',
  loss: 'xent_all',
  // Sizes as the maker builds them (a test checks they agree).
  inputSize: 17,
  outputSize: 9,
} as const satisfies TaskInfo;
