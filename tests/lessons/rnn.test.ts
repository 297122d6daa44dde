import { describe } from 'vitest';
import { lessonHoldsItsClaims } from './expectations';

describe('rnn lessons show what they claim', () => {
  lessonHoldsItsClaims('vanishing');
  lessonHoldsItsClaims('exploding');
  lessonHoldsItsClaims('clipping');
  lessonHoldsItsClaims('rho-not-whole-story');
  lessonHoldsItsClaims('exploding-max');
});
