import { describe } from 'vitest';
import { lessonHoldsItsClaims } from './expectations';

describe('the newer families’ lessons show what they claim', () => {
  lessonHoldsItsClaims('attention-one-hop', 300_000);
  lessonHoldsItsClaims('lru-ring', 300_000);
  lessonHoldsItsClaims('rglru-gate', 300_000);
  lessonHoldsItsClaims('s6-clock', 300_000);
  lessonHoldsItsClaims('s6-gru-bridge', 300_000);
});
