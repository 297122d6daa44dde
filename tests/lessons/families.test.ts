import { describe } from 'vitest';
import { lessonHoldsItsClaims, lessonNeedsItsCause } from './expectations';

describe('the newer families’ lessons show what they claim, at three seeds', () => {
  lessonHoldsItsClaims('attention-one-hop', 300_000);
  lessonHoldsItsClaims('lru-ring', 300_000);
  lessonHoldsItsClaims('rglru-gate', 300_000);
  lessonHoldsItsClaims('s6-clock', 300_000);
  lessonHoldsItsClaims('s6-gru-bridge', 300_000);
});

describe('the newer families’ lessons need their cause', () => {
  lessonNeedsItsCause('attention-one-hop');
  lessonNeedsItsCause('lru-ring', 300_000);
  lessonNeedsItsCause('rglru-gate');
  lessonNeedsItsCause('s6-clock');
  lessonNeedsItsCause('s6-gru-bridge');
});
