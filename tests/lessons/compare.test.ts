import { describe } from 'vitest';
import { lessonHoldsItsClaims } from './expectations';

describe('comparison lessons show what they claim', () => {
  lessonHoldsItsClaims('rnn-vs-lstm', 240_000);
  lessonHoldsItsClaims('sgd-vs-adam');
  lessonHoldsItsClaims('clipping-on-off');
});
