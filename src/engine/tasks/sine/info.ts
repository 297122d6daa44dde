/** The sine task's descriptor (the maker and its documentation: ./index.ts). */
import type { TaskInfo } from '../types';

export const SINE = {
  id: 'sine',
  label: 'Sine continuation',
  description:
    'Watch a sine wave of random period and phase for half the sequence, then keep predicting it with the input switched off (baseline: predict 0, MSE 1/2).',
  citation: 'Jaeger & Haas 2004, "Harnessing nonlinearity", Science 304(5667)',
  loss: 'mse_all',
  // Sizes as the maker builds them (a test checks they agree).
  inputSize: 2,
  outputSize: 1,
} as const satisfies TaskInfo;
