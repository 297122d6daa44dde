/**
 * The backward pass stepped through (view=backward): one batch of one sequence, nothing trained.
 * The claims are about iteration 0's pass, read from the snapshot the walk is computed with: with a
 * last-step loss and batch 1, the factor of step t → t−1 is ‖∂L/∂hₜ₋₁‖/‖∂L/∂hₜ‖, and each step's
 * term of ∂L/∂W_hh is one outer product, ‖Cₜ‖_F = ‖∂L/∂hₜ ⊙ (1 − hₜ²)‖·‖hₜ₋₁‖.
 */
import type { Snapshot } from '../../worker/protocol';
import { atStart, VANISHED } from './checks';
import { pending, verdict } from './expect';
import type { Lesson } from './lesson';
import { pow10Text } from './measures';

const RHO = 0.8;
/** Steps back from which the lesson calls a term long-range, and the share it stays under. */
const FAR = 20;
const SHARE = 1e-2;

/** ‖∂L/∂hₜ‖ of the selected sequence, t = 1..T. */
function seqNorms(s: Snapshot): Float64Array {
  const { T } = s;
  const S = s.dhUnit.length / T;
  return Float64Array.from({ length: T }, (_, k) => norm(s.dhUnit, k * S, S));
}

function norm(x: Float64Array, off: number, n: number): number {
  let m = 0;
  for (let k = off; k < off + n; k++) m = Math.max(m, Math.abs(x[k]!));
  if (m === 0) return 0;
  let q = 0;
  for (let k = off; k < off + n; k++) q += (x[k]! / m) ** 2;
  return m * Math.sqrt(q);
}

/** ‖Cₜ‖_F of a tanh RNN with batch 1, t = 1..T (C₁ = 0: h₀ = 0). */
export function rnnTermNorms(s: Snapshot): Float64Array {
  const { T } = s;
  const H = s.hidden.length / T;
  const out = new Float64Array(T);
  const d = new Float64Array(H);
  for (let t = 2; t <= T; t++) {
    for (let k = 0; k < H; k++) {
      const h = s.hidden[(t - 1) * H + k]!;
      d[k] = s.dhUnit[(t - 1) * H + k]! * (1 - h * h);
    }
    out[t - 1] = norm(d, 0, H) * norm(s.hidden, (t - 2) * H, H);
  }
  return out;
}

export const ONE_STEP_BACK: Lesson = {
  id: 'one-step-back',
  title: 'One step back at a time',
  guidance:
    'Press ← to carry the gradient from t = 30 back to t = 1: each step multiplies it by diag(tanh′)·W_hh, of norm at most ρ = 0.8 here (W_hh is 0.8 times an orthogonal matrix), so every factor on the arrows stays under 0.8 and their product falls below 10⁻³ by t = 1. ' +
    'The bars split ∂L/∂W_hh into one term per step: the terms from 20 or more steps back stay under 1 % of the largest, so the update learns almost nothing from that far back.',
  config: {
    cell: 'rnn',
    task: 'adding',
    T: 30,
    H: 32,
    batch: 1,
    init: 'orthogonal',
    rho: RHO,
  },
  view: { panels: ['backward', 'controls'], controls: ['play', 'step', 'reset'], mode: 'backward' },
  cause: {
    change: { rho: 1 },
    says: 'ρ = 0.8 < 1: at ρ = 1 each factor is tanh′ alone, near 1',
    expectations: ['factors', 'vanished', 'swamped'],
  },
  iterations: 0,
  expect: [
    {
      id: 'factors',
      text: 'Every step back multiplies ‖∂L/∂hₜ‖ by at most ρ = 0.8 (the factors on the chain’s arrows).',
      check: (s) =>
        atStart(s, () => {
          const n = seqNorms(s);
          let worst = 0;
          for (let t = 2; t <= s.T; t++) worst = Math.max(worst, n[t - 2]! / n[t - 1]!);
          if (!Number.isFinite(worst)) return pending('no gradient to compare');
          return verdict(worst <= RHO * (1 + 1e-9), `largest factor ${worst.toFixed(3)}`);
        }),
    },
    {
      id: 'vanished',
      text: 'By t = 1 the product of the factors is below 10⁻³: the gradient has vanished.',
      check: (s) =>
        atStart(s, () => {
          const n = seqNorms(s);
          const r = n[0]! / n[s.T - 1]!;
          if (!Number.isFinite(r)) return pending('no gradient to compare');
          return verdict(r < VANISHED, `${pow10Text(Math.log10(r))} at t = 1`);
        }),
    },
    {
      id: 'swamped',
      text: 'Every term of ∂L/∂W_hh from 20 or more steps back is under 1 % of the largest term.',
      check: (s) =>
        atStart(s, () => {
          // One outer product per step only with one sequence (the lesson's batch).
          if (s.B !== 1) return pending('needs batch 1');
          const c = rnnTermNorms(s);
          let all = 0;
          let far = 0;
          c.forEach((v, k) => {
            all = Math.max(all, v);
            if (s.T - (k + 1) >= FAR) far = Math.max(far, v);
          });
          if (!(all > 0)) return pending('no gradient to compare');
          return verdict(far / all < SHARE, `${pow10Text(Math.log10(far / all))} of the largest`);
        }),
    },
  ],
};
