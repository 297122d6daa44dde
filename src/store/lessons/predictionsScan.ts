/** The parallel-scan lesson's question (scan.ts): how many levels the scan on screen takes. */
import type { Prediction } from './predict';
import { scanPairs } from './scan';
import { scanAgainstStates } from '../../worker/scanCheck';

const LEVEL_OPTIONS = [6, 8, 32, 63] as const;

export const SCAN_PREDICTIONS: Readonly<Record<string, Prediction>> = {
  'parallel-scan': {
    prompt: 'How many levels does a prefix scan need to combine the 64 steps on screen?',
    options: LEVEL_OPTIONS.map(String),
    measure: (s) => {
      // Read on iteration 0's batch, the one the view scans (see scan.ts).
      if (s.iteration !== 0) return null;
      const p = scanPairs(s);
      if (p === null) return null;
      const { levels } = scanAgainstStates(p, s.hidden);
      const option = LEVEL_OPTIONS.indexOf(levels as (typeof LEVEL_OPTIONS)[number]);
      return option < 0 ? null : { option, detail: `${levels} levels for T = ${s.T}` };
    },
    explain:
      'Each level doubles the span a node covers (1, 2, 4, … steps), so ⌈log₂ 64⌉ = 6 levels finish every prefix, where the loop takes 63 steps one after another. The scan does more work in all (about T·log₂ T combines): parallel hardware absorbs it, one thread does not.',
  },
};
