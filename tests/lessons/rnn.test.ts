import { describe } from 'vitest';
import { lessonHoldsItsClaims, lessonNeedsItsCause } from './expectations';

describe('rnn lessons show what they claim, at three seeds', () => {
  lessonHoldsItsClaims('vanishing');
  lessonHoldsItsClaims('exploding');
  lessonHoldsItsClaims('clipping');
  lessonHoldsItsClaims('rho-not-whole-story');
  lessonHoldsItsClaims('exploding-max');
});

describe('rnn lessons need their cause', () => {
  lessonNeedsItsCause('vanishing');
  lessonNeedsItsCause('exploding');
  lessonNeedsItsCause('clipping');
  lessonNeedsItsCause('rho-not-whole-story');
  lessonNeedsItsCause('exploding-max');
});
