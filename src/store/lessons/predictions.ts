/**
 * Every lesson's question, keyed by lesson id (tests/lessons/predictions.test.ts checks that each
 * lesson has one and, training it at its seed, that the run decides it in time).
 */
import type { Prediction } from './predict';
import { GATED_PREDICTIONS } from './predictionsGated';
import { RNN_PREDICTIONS } from './predictionsRnn';
import { SCAN_PREDICTIONS } from './predictionsScan';

export type { Measured, Prediction, PredictionState } from './predict';
export { decidePrediction } from './predict';

export const PREDICTIONS: Readonly<Record<string, Prediction>> = {
  ...RNN_PREDICTIONS,
  ...GATED_PREDICTIONS,
  ...SCAN_PREDICTIONS,
};

/** The question of a lesson, if it has one. */
export function predictionFor(lessonId: string): Prediction | undefined {
  return Object.hasOwn(PREDICTIONS, lessonId) ? PREDICTIONS[lessonId] : undefined;
}
