/** The nextchar task's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const NEXTCHAR = {
  id: 'nextchar',
  label: 'Next character',
  description:
    'Read a short passage of Alice in Wonderland one letter at a time and predict the next letter (baseline: letter frequencies alone).',
  citation:
    'Elman 1990, "Finding structure in time", Cognitive Science 14; text: L. Carroll, Alice’s Adventures in Wonderland (1865)',
  loss: 'xent_all',
  // The corpus alphabet's size (a test checks the maker agrees).
  inputSize: 23,
  outputSize: 23,
} as const satisfies TaskInfo;
