import { describe } from 'vitest';
import { lessonHoldsItsClaims, lessonNeedsItsCause } from './expectations';

describe('gated lessons show what they claim, at three seeds', () => {
  // lstm-belt and temporal-order say in their text that when the net learns depends on its seed
  // (seed 3 solves lstm-belt by about 1 500; seed 4 of temporal-order stalls): their own seed only.
  lessonHoldsItsClaims('lstm-belt', 180_000, 0);
  lessonHoldsItsClaims('hold-forget', 180_000);
  lessonHoldsItsClaims('gru');
  lessonHoldsItsClaims('temporal-order', 120_000, 0);
});

describe('gated lessons need their cause', () => {
  lessonNeedsItsCause('lstm-belt');
  lessonNeedsItsCause('hold-forget');
  lessonNeedsItsCause('gru');
  lessonNeedsItsCause('temporal-order');
});
