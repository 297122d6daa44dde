/** The order task's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const ORDER = {
  id: 'order',
  label: 'Temporal order',
  description:
    'Two marked symbols, X or Y, appear early and mid-sequence among distractors; at the end say which order they came in (baseline: 25 %).',
  citation:
    'Hochreiter & Schmidhuber 1997, "Long short-term memory", Neural Computation 9(8), Exp. 6a',
  loss: 'xent_last',
  // Sizes as the maker builds them (a test checks they agree).
  inputSize: 8,
  outputSize: 4,
} as const satisfies TaskInfo;
