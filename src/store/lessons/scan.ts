/**
 * Why the newer recurrences train in parallel (view=scan): the LRU's step x_t = λ ⊙ x_{t−1} + b_t has
 * a decay λ and an input term b_t = γ ⊙ (B u_t) that need no earlier state, so the T steps combine
 * associatively and a prefix scan finishes them in ⌈log₂ T⌉ levels. Both claims are measured on the
 * sequence on screen (worker/scanCheck.ts): the pairs read back off its states scan to those states,
 * and b_t is an exact linear function of u_t alone. Both are decided on iteration 0's batch, the
 * one the view scans: after an update the snapshot's λ is the new parameters' while its states are
 * the trace's from before it, so the pairs could no longer be read back exactly.
 */
import type { Snapshot } from '../../worker/protocol';
import { inputResidual, pairsFromStates, scanAgainstStates } from '../../worker/scanCheck';
import { atStart } from './checks';
import { pending, verdict } from './expect';
import type { Lesson } from './lesson';
import { pow10Text } from './measures';

const T = 64;

/** The (λ, b_t) pairs read back off the LRU's states on screen, or null for another cell. */
export function scanPairs(s: Snapshot) {
  const l = s.family?.lambda;
  if (!l || s.stateNorms || s.stateWidth !== 2 * l.re.length) return null;
  return pairsFromStates(s.hidden, s.T, l.re, l.im);
}

export const PARALLEL_SCAN: Lesson = {
  id: 'parallel-scan',
  title: 'Why the newer recurrences train in parallel',
  guidance:
    'The LRU’s gates read only the input, so each step x_t = λ·x_{t−1} + b_t is a pair (λ, b_t) known before the recurrence runs, and two steps combine into one, (a, b) then (a′, b′) = (a′a, a′b + b′): predict how many levels a scan needs for T = 64, then press Next level (→) until every node is solid. ' +
    'At the last level the scan’s states sit beside the loop’s, equal to 10⁻¹²; switch Cell to LSTM to see why its steps cannot be combined ahead of time.',
  config: { cell: 'lru', init: 'ring', task: 'adding', T, H: 16, batch: 8, rho: null },
  view: { panels: ['scan', 'controls'], controls: ['play', 'step', 'reset'], mode: 'scan' },
  iterations: 0,
  cause: {
    change: { cell: 'lstm' },
    says: 'an LSTM’s gates read h_{t−1}, so no (a_t, b_t) pair is known before the step before it is done',
    expectations: ['six-levels', 'input-only'],
  },
  expect: [
    {
      id: 'six-levels',
      text: 'The 64 steps on screen combine in ⌈log₂ 64⌉ = 6 levels (the loop takes 63 steps one after another), and the scan’s states equal the sequential ones to 10⁻¹².',
      check: (s) =>
        atStart(s, () => {
          const p = scanPairs(s);
          if (p === null) return pending('needs the LRU’s states and λ');
          const { levels, gap } = scanAgainstStates(p, s.hidden);
          const detail = `${levels} levels, largest difference ${gap.toExponential(1)}`;
          return verdict(levels === 6 && gap <= 1e-12, detail);
        }),
    },
    {
      id: 'input-only',
      text: 'The pairs are known in advance: b_t = x_t − λ·x_{t−1} is an exact linear function of the input u_t alone (least-squares residual under 10⁻¹⁰ of |b|).',
      check: (s) =>
        atStart(s, () => {
          const p = scanPairs(s);
          if (p === null) return pending('needs the LRU’s states and λ');
          const r = inputResidual(p, s.inputs, s.inputs.length / s.T);
          return verdict(r < 1e-10, `residual ${r === 0 ? '0' : pow10Text(Math.log10(r))} of |b|`);
        }),
    },
  ],
};
