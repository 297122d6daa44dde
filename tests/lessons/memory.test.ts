import { describe } from 'vitest';
import { lessonHoldsItsClaims } from './expectations';

describe('memory lessons show what they claim', () => {
  lessonHoldsItsClaims('linear-rho1');
  lessonHoldsItsClaims('truncation');
  lessonHoldsItsClaims('irnn');
});
