/**
 * The arc after the GRU: how each newer family answers the vanishing gradient. Attention skips the
 * product (one hop), the LRU puts its eigenvalues just inside the unit circle, the RG-LRU lets the
 * input open and close its decay, S6 turns the decay into a clock, and S6 with N = 1 is a GRU-like
 * gate. Every claim is measured on the run (familyMeasures.ts); what a single run cannot show (one
 * family against another) is left to npm run reproduce.
 */
import { atStart, reachesBy } from './checks';
import { fails, pending, verdict } from './expect';
import type { Lesson } from './lesson';
import {
  argmax,
  decadeSpread,
  gateAt,
  lambdaModuli,
  logCorrelation,
  seqGradNorms,
  unitRatios,
} from './familyMeasures';
import { pow10Text } from './measures';

const pct = (v: number) => `${(100 * v).toFixed(0)} %`;
const times = (v: number) =>
  Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)}×` : '—';

export const ATTENTION_HOP: Lesson = {
  id: 'attention-one-hop',
  title: 'Attention: one hop, no product',
  guidance:
    'Attention has no recurrence: the last position reads every earlier one with weight α_T,t, so the gradient reaching step t is scaled by that one weight (dashed), not by a product over the steps between (the panel measures it against its largest value before T). ' +
    'The price: T(T+1)/2 = 5 050 weights per sequence at T = 100 (the second panel), 4× the compute when T doubles, and a cache of O(T·H) keys and values at inference where a recurrence keeps H numbers.',
  config: { cell: 'attention', init: 'pytorch', task: 'adding', T: 100, H: 32, rho: null },
  cause: {
    change: { cell: 'rnn', init: 'pytorch', rho: 0.8 },
    says: 'the direct hop: a tanh RNN at the same T multiplies a factor per step between',
    expectations: ['flat-at-start'],
  },
  view: { panels: ['grad', 'spectrum', 'belt', 'controls'] },
  iterations: 300,
  expect: [
    {
      id: 'flat-at-start',
      text: 'At iteration 0 the weights α are nearly uniform and the gradient is flat: ‖∂L/∂eₜ‖ over t = 1…T−1 stays within one decade, step 1 as high as step T − 1.',
      check: (s) =>
        atStart(s, () => {
          const d = decadeSpread(s.dhNorm, s.T - 1);
          return Number.isNaN(d) ? pending() : verdict(d < 1, `spread ${pow10Text(d, 2)}`);
        }),
    },
    {
      id: 'follows-alpha',
      text: 'At every iteration the gradient of the shown sequence follows α_T,t, not distance: the correlation of log ‖∂L/∂eₜ‖ with log α_T,t over t < T is above 0.7.',
      check: (s) => {
        const a = s.family?.alpha?.last;
        if (!a) return pending();
        const c = logCorrelation(seqGradNorms(s), a, s.T - 1);
        return Number.isNaN(c) ? pending() : verdict(c > 0.7, `correlation ${c.toFixed(2)}`);
      },
    },
  ],
};

export const LRU_RING: Lesson = {
  id: 'lru-ring',
  title: 'The LRU: eigenvalues just inside the unit circle',
  guidance:
    'The LRU’s eigenvalues λ are its parameters, |λ| = exp(−exp(ν_log)) < 1, and the ring puts them at 0.9 ≤ |λ| ≤ 0.999: a unit keeps a value for tens to hundreds of steps, and what each mode carries back from step T shrinks by exactly its |λ| per step, so it never explodes. ' +
    'That learns the copy task (10 symbols recalled after 60 steps); set r_min to 0.4, then r_max to 0.5, reset, and recall stays near chance, 1/8.',
  config: {
    cell: 'lru',
    init: 'ring',
    task: 'copy',
    T: 60,
    H: 64,
    rho: null,
    rmin: 0.9,
    rmax: 0.999,
    phase: 6.28,
  },
  cause: {
    change: { rmin: 0.4, rmax: 0.5 },
    says: 'the ring near the unit circle: at 0.4 ≤ |λ| ≤ 0.5 a value fades within a few steps',
    expectations: ['on-ring', 'toward-circle', 'recalls'],
  },
  view: {
    panels: ['spectrum', 'grad', 'loss', 'controls'],
    controls: ['ring', 'play', 'step', 'reset'],
  },
  iterations: 400,
  expect: [
    {
      id: 'on-ring',
      text: 'At iteration 0 every λ lies on the ring 0.9 ≤ |λ| ≤ 0.999, just inside the unit circle.',
      check: (s) =>
        atStart(s, () => {
          const r = lambdaModuli(s, 'set');
          if (r === null) return pending();
          const lo = Math.min(...r);
          const hi = Math.max(...r);
          return verdict(lo >= 0.9 && hi <= 0.999, `|λ| from ${lo.toFixed(4)} to ${hi.toFixed(4)}`);
        }),
    },
    {
      id: 'toward-circle',
      text: 'By iteration 300 training has moved λ toward the circle, never past it: more than twice as many units have |λ| ≥ 0.99 as at the start, and every |λ| stays below 1.',
      check: (s) => {
        const now = lambdaModuli(s, 'now');
        const set = lambdaModuli(s, 'set');
        if (now === null || set === null) return pending();
        const hi = Math.max(...now);
        if (!(hi < 1)) return fails(`|λ| = ${hi} reached 1`, true);
        const share = (r: Float64Array) => r.filter((v) => v >= 0.99).length / r.length;
        const text = `|λ| ≥ 0.99: ${pct(share(set))} at the start, ${pct(share(now))} now; largest ${hi.toFixed(5)}`;
        if (s.iteration < 300) return pending(text);
        return verdict(share(now) > 2 * share(set), text);
      },
    },
    {
      id: 'recalls',
      text: 'The copy is recalled: accuracy on the recall steps passes 90 % (mean over 50 iterations) by iteration 400; chance is 1/8.',
      check: (s, h) => reachesBy(s, h, 'accuracy', 0.9, 400),
    },
  ],
};

/** Per unit: mean −ln aₜ at the marked steps over its mean elsewhere (the RG-LRU's gate block 0). */
const rateRatios = (s: Parameters<typeof unitRatios>[0]) =>
  unitRatios(s, (t, u) => -Math.log(gateAt(s, 0, t, u)));

export const RGLRU_GATE: Lesson = {
  id: 'rglru-gate',
  title: 'The RG-LRU: a gate that sees only the input',
  guidance:
    'Each unit is multiplied by aₜ = a^(8rₜ) per step, with the gate rₜ computed from the input alone, so the gradient from T back to t is exactly Π aₛ (dashed) and the input decides when a unit holds (aₜ ≈ 1) and when a step overwrites it. ' +
    'On the adding problem the gates learn the two marked steps; the first check names a unit that did: pick it under Unit in the belt panel and watch aₜ dip at the marks.',
  config: { cell: 'rglru', init: 'griffin-code', task: 'adding', T: 100, H: 32, rho: null },
  cause: {
    change: { freeze: 'all' },
    says: 'the learned gate: with every weight frozen rₜ never learns the marks',
    expectations: ['opens-at-marks'],
  },
  view: { panels: ['belt', 'grad', 'spectrum', 'controls'] },
  iterations: 300,
  expect: [
    {
      id: 'opens-at-marks',
      text: 'From iteration 150 on, some unit’s gate opens at the marked steps: its decay rate −ln aₜ there is more than 20× its rate at the other steps.',
      check: (s) => {
        const r = rateRatios(s);
        if (r === null) return pending();
        const best = argmax(r);
        const text = `unit ${best.at}: ${times(best.value)}`;
        if (s.iteration < 150) return pending(text);
        return verdict(best.value > 20, text);
      },
    },
    {
      id: 'blind-at-start',
      text: 'At iteration 0 no unit’s gate knows the marks yet: for every unit −ln aₜ at the marked steps is within 5× its value elsewhere.',
      check: (s) =>
        atStart(s, () => {
          const r = rateRatios(s);
          if (r === null) return pending();
          const hi = Math.max(...r);
          const lo = Math.min(...r);
          return verdict(hi < 5 && lo > 0.2, `ratios from ${times(lo)} to ${times(hi)}`);
        }),
    },
    {
      id: 'solved',
      text: 'The loss falls below 0.01 (solved; chance is 1/6) by iteration 300.',
      check: (s, h) => reachesBy(s, h, 'loss', 0.01, 300),
    },
  ],
};

/** Per channel: mean Δₜ at the symbols over its mean at the noise (S6's gate block 0). */
const clockRatios = (s: Parameters<typeof unitRatios>[0]) =>
  unitRatios(s, (t, u) => gateAt(s, 0, t, u));

export const S6_CLOCK: Lesson = {
  id: 's6-clock',
  title: 'S6: Δ is a clock',
  guidance:
    'S6 multiplies each state entry by exp(Δₜ·A) and writes Δₜ·Bₜ·x̃ₜ, with the step size Δₜ chosen by the input: a large Δ resets and writes, a small Δ holds as if time stood still, and the gradient from T back to t is exactly exp(A·Σ Δ) (dashed). ' +
    'On selective copy (4 symbols among noise) channels learn to run their clock at the symbols and stop it at the noise, which a time-invariant LRU cannot: switch Cell to LRU: its recall stays under 35 % for 400 steps.',
  cause: {
    change: { cell: 'lru', init: 'ring', rmin: 0.9, rmax: 0.999 },
    says: 'the input-chosen clock: an LRU’s decay is the same at every step',
    expectations: ['clock-selects', 'recalls'],
  },
  config: {
    cell: 's6',
    init: 'mamba',
    task: 'selcopy',
    T: 32,
    H: 32,
    N: 8,
    lr: 0.01,
    rho: null,
  },
  view: { panels: ['belt', 'grad', 'loss', 'controls'] },
  iterations: 400,
  expect: [
    {
      id: 'clock-even',
      text: 'At iteration 0 the clock ticks alike everywhere: for every channel, the mean Δₜ at the symbols is within 2× its mean at the noise.',
      check: (s) =>
        atStart(s, () => {
          const r = clockRatios(s);
          if (r === null) return pending();
          const hi = Math.max(...r);
          const lo = Math.min(...r);
          return verdict(hi < 2 && lo > 0.5, `ratios from ${times(lo)} to ${times(hi)}`);
        }),
    },
    {
      id: 'clock-selects',
      text: 'From iteration 300 on, some channel’s clock runs more than 20× faster at the symbols than at the noise.',
      check: (s) => {
        const r = clockRatios(s);
        if (r === null) return pending();
        const best = argmax(r);
        const text = `channel ${best.at}: ${times(best.value)}`;
        if (s.iteration < 300) return pending(text);
        return verdict(best.value > 20, text);
      },
    },
    {
      id: 'recalls',
      text: 'Recall accuracy at the markers passes 35 % (mean over 50 iterations) by iteration 400; chance is 1/8.',
      check: (s, h) => reachesBy(s, h, 'accuracy', 0.35, 400),
    },
  ],
};

export const S6_BRIDGE: Lesson = {
  id: 's6-gru-bridge',
  title: 'The bridge: S6 with N = 1 is a GRU-like gate',
  guidance:
    'With N = 1 and A held at −1, S6’s decay exp(−Δₜ), Δₜ = softplus(zₜ), is exactly 1 − σ(zₜ): a sigmoid gate of the input like the GRU’s update gate, and its write Δₜ·Bₜ·x̃ₜ is the GRU’s (1 − z)·n to first order in Δ. ' +
    'Mamba’s init (Δ from 0.001 to 0.1) starts that gate near 1, so unlike in the GRU lesson the gradient reaches step 1 from the first iteration; each step’s Jacobian is the gate itself, so the dashed product of gates lies on the curve.',
  config: {
    cell: 's6',
    init: 'mamba',
    task: 'adding',
    T: 50,
    H: 32,
    N: 1,
    freeze: 'recurrent',
    rho: null,
  },
  cause: {
    change: { freeze: 'all' },
    says: 'training: the gate near 1 carries the gradient, but with every weight frozen nothing is learned',
    expectations: ['solved'],
  },
  view: { panels: ['grad', 'belt', 'loss', 'controls'] },
  iterations: 300,
  expect: [
    {
      id: 'gate-near-one',
      text: 'At iteration 0 the gate sits near 1 (median above 0.97) and the gradient reaches step 1 at more than 10⁻¹ of ‖∂L/∂s_T‖ (the GRU lesson starts below 10⁻⁶).',
      check: (s) =>
        atStart(s, () => {
          const med = s.family?.decays?.median ?? NaN;
          const d = s.dhNorm;
          const r = Math.log10((d[0] as number) / (d[s.T - 1] as number));
          return verdict(
            med > 0.97 && r > -1,
            `median ${med.toFixed(4)}; ${pow10Text(r)} at t = 1`,
          );
        }),
    },
    {
      id: 'solved',
      text: 'The loss falls below 0.01 (solved; chance is 1/6) by iteration 300.',
      check: (s, h) => reachesBy(s, h, 'loss', 0.01, 300),
    },
  ],
};
