/**
 * Lessons on gated cells: the LSTM's belt (with and without a forget gate), the GRU's update gate,
 * and remembering an order. Their references are the gates' own products (Π f, Π z), never a gate
 * block's ρ.
 */
import { atStart, endRatio, reachesBy, staysAtChance } from './checks';
import { pending, verdict } from './expect';
import type { Lesson } from './lesson';
import { logRelative, pow10Text, saturatedFraction, unitLogProducts } from './measures';

/** Smallest log₁₀(a_t / a_T) over t (how far the curve falls below its value at T). */
function lowest(a: Float64Array | null): number {
  if (a === null) return NaN;
  let m = Infinity;
  for (const r of logRelative(a)) if (!Number.isNaN(r)) m = Math.min(m, r);
  return m === Infinity ? NaN : m;
}

/** Largest per-unit log₁₀ Π g over the sequence, for gate index `gate`. */
function bestUnit(s: Parameters<typeof unitLogProducts>[0], gate: number): number {
  const p = unitLogProducts(s, gate);
  return p === null ? NaN : Math.max(...p);
}

export const LSTM_BELT: Lesson = {
  id: 'lstm-belt',
  title: 'The LSTM conveyor belt',
  guidance:
    'Each step multiplies the cell state c by the forget gate f and adds i ⊙ g, so along the belt the gradient is scaled by Π f (dashed); forget bias 2 starts f near σ(2) ≈ 0.88, σ(2)^49 ≈ 0.002 (at T = 50 bias 0 learns as fast). ' +
    'Training drives the storing units’ forget gates to 1, and once solved (by 1 000 here and at seed 2; seed 3 needs about 1 500: when the net finds those units depends on its start) ‖∂L/∂cₜ‖ reaches step 1 undiminished.',
  config: { cell: 'lstm', task: 'adding', init: 'pytorch', rho: null, forgetBias: 2 },
  cause: {
    change: { cell: 'rnn', init: 'pytorch', rho: 0.8 },
    says: 'the belt: a tanh RNN, with no cell state, on the same batches',
    expectations: ['solved'],
  },
  view: { panels: ['belt', 'grad', 'loss', 'controls'] },
  iterations: 1000,
  expect: [
    {
      id: 'solved',
      text: 'The loss falls below 0.01 (solved; chance is 1/6) by iteration 1 000.',
      check: (s, h) => reachesBy(s, h, 'loss', 0.01, 1000),
    },
    {
      id: 'belt-carries',
      text: 'Once solved, ‖∂L/∂cₜ‖ stays above ⅒ of ‖∂L/∂c_T‖ all the way back to step 1.',
      check: (s, h) => {
        if (reachesBy(s, h, 'loss', 0.01, Infinity).status !== 'holds')
          return pending('waiting for the loss to reach 0.01');
        const low = lowest(s.dcNorm);
        return verdict(low > -1, `lowest ${pow10Text(low, 2)} of ‖∂L/∂c_T‖`);
      },
    },
    {
      id: 'f-learned',
      text: 'Once solved, at least one unit’s forget gates multiply to more than ⅒ over the sequence (Π f > 0.1): it holds its value.',
      check: (s, h) => {
        if (reachesBy(s, h, 'loss', 0.01, Infinity).status !== 'holds')
          return pending('waiting for the loss to reach 0.01');
        const best = bestUnit(s, 1);
        return verdict(best > -1, `largest Π f = ${pow10Text(best, 2)}`);
      },
    },
  ],
};

export const HOLD_FORGET: Lesson = {
  id: 'hold-forget',
  title: 'No forget gate: the 1997 LSTM',
  guidance:
    'With f held at 1, as in the 1997 LSTM, nothing fades along the belt and nothing is erased: every input adds to c, which here (default input-gate biases) drifts far from 0 and saturates tanh(c). ' +
    'The 1997 LSTM solved the adding problem with negative input-gate biases and its state reset per sequence; Gers, Schmidhuber and Cummins (2000) added the forget gate for continual input: move φ below 1 and watch |c| shrink.',
  config: {
    cell: 'lstm',
    task: 'adding',
    init: 'pytorch',
    rho: null,
    forgetBias: 1,
    holdForget: 1,
  },
  cause: {
    change: { holdForget: null },
    says: 'the held gate: with the forget gate learned again (bias 1), c stays near 0',
    expectations: ['belt-flat', 'saturated'],
  },
  view: { panels: ['belt', 'grad', 'controls'], controls: ['hold', 'play', 'step', 'reset'] },
  iterations: 500,
  expect: [
    {
      id: 'belt-flat',
      text: 'At iteration 0 nothing fades along the belt: ‖∂L/∂cₜ‖ stays within 10 % of ‖∂L/∂c_T‖ or above it at every step (at φ = 0.95 it falls to about 10^−0.2).',
      check: (s) =>
        atStart(s, () => {
          const low = lowest(s.dcNorm);
          return Number.isNaN(low)
            ? pending()
            : verdict(low > Math.log10(0.9), `lowest ${pow10Text(low, 2)}`);
        }),
    },
    {
      id: 'saturated',
      text: 'From iteration 20 on, c has drifted far from 0: more than half of the tanh(cₜ) values are saturated (beyond ±0.99).',
      check: (s) => {
        if (s.iteration < 20) return pending(`iteration ${s.iteration} of 20`);
        const f = saturatedFraction(s);
        return f === null ? pending() : verdict(f > 0.5, `${(100 * f).toFixed(0)} % saturated`);
      },
    },
    {
      id: 'chance',
      text: 'The loss stays near chance (mean over 100 iterations above ¾ of 1/6) for 500 iterations.',
      check: (s, h) => staysAtChance(s, h, 500),
    },
  ],
};

export const GRU: Lesson = {
  id: 'gru',
  title: 'The GRU’s update gate must be learned',
  guidance:
    'The GRU mixes old and new state, h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t−1), so where z is near 1 a unit copies its value forward; but PyTorch’s init starts z near 0.5, and Π z over 49 steps (dashed) is then about 10⁻¹⁵. ' +
    'Training has to learn to hold z near 1 on the units that store the marked values; watch Π z rise and the gradient reach back as the loss falls.',
  config: { cell: 'gru', task: 'adding', init: 'pytorch', rho: null },
  cause: {
    change: { freeze: 'all' },
    says: 'the training of z: with every weight frozen z stays near 0.5',
    expectations: ['solved', 'z-learned'],
  },
  view: { panels: ['belt', 'grad', 'loss', 'controls'] },
  iterations: 600,
  expect: [
    {
      id: 'starts-vanished',
      text: 'At iteration 0 the gradient reaching step 1 is below 10⁻⁶ of ‖∂L/∂h_T‖: with z near 0.5 each step back keeps only part of it (about 0.65 a step on average here, not z alone: the path through n adds to it).',
      check: (s) =>
        atStart(s, () => {
          const e = endRatio(s.dhNorm);
          return e === null ? pending() : verdict(e.r < -6, e.text);
        }),
    },
    {
      id: 'solved',
      text: 'The loss falls below 0.01 (solved; chance is 1/6) by iteration 600.',
      check: (s, h) => reachesBy(s, h, 'loss', 0.01, 600),
    },
    {
      id: 'z-learned',
      text: 'Once solved, some unit holds z near 1: the largest Π z over the sequence (the unit the panels pick) is above 10⁻², z above 0.9 on average.',
      check: (s, h) => {
        if (reachesBy(s, h, 'loss', 0.01, Infinity).status !== 'holds')
          return pending('waiting for the loss to reach 0.01');
        const best = bestUnit(s, 1);
        return verdict(best > -2, `largest Π z = ${pow10Text(best, 2)}`);
      },
    },
  ],
};

export const TEMPORAL_ORDER: Lesson = {
  id: 'temporal-order',
  title: 'Remembering an order: LSTM against tanh RNN',
  guidance:
    'X or Y appears twice among 50 steps and the net must name their order at the end: four classes, so 25 % (dashed) is chance. ' +
    'The LSTM climbs to 100 % within about 300 iterations at this seed (some seeds take longer or stall); switch Cell to tanh RNN and its accuracy stays at 25 % for 2 000 iterations.',
  config: { cell: 'lstm', task: 'order', init: 'pytorch', rho: null, forgetBias: 1, seed: 2 },
  cause: {
    change: { cell: 'rnn' },
    says: 'the LSTM’s cell: a tanh RNN on the same sequences stays at chance',
    expectations: ['learns'],
  },
  view: { panels: ['loss', 'grad', 'controls'] },
  iterations: 400,
  expect: [
    {
      id: 'learns',
      text: 'The accuracy (mean over 50 iterations) passes 90 % by iteration 400.',
      check: (s, h) => reachesBy(s, h, 'accuracy', 0.9, 400),
    },
  ],
};
