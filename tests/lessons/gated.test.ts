import { describe } from 'vitest';
import { lessonHoldsItsClaims } from './expectations';

describe('gated lessons show what they claim', () => {
  lessonHoldsItsClaims('lstm-belt');
  lessonHoldsItsClaims('hold-forget');
  lessonHoldsItsClaims('gru');
  lessonHoldsItsClaims('temporal-order');
});
