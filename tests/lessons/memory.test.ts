import { describe } from 'vitest';
import { lessonHoldsItsClaims, lessonNeedsItsCause } from './expectations';

describe('memory lessons show what they claim, at three seeds', () => {
  lessonHoldsItsClaims('linear-rho1');
  lessonHoldsItsClaims('truncation');
  lessonHoldsItsClaims('irnn', 300_000);
});

describe('memory lessons need their cause', () => {
  lessonNeedsItsCause('linear-rho1');
  lessonNeedsItsCause('truncation');
  lessonNeedsItsCause('irnn');
});
