/**
 * Lessons on how far back the gradient reaches by construction: a linear recurrence at ρ = 1, the
 * IRNN, and truncated BPTT.
 */
import { atStart, endRatio, reachesBy, staysBelowAccuracy } from './checks';
import { pending, verdict } from './expect';
import type { Lesson } from './lesson';
import { logRelative, pow10Text } from './measures';

export const LINEAR_RHO1: Lesson = {
  id: 'linear-rho1',
  title: 'Linear recurrence at ρ = 1',
  guidance:
    'With no nonlinearity and a frozen orthogonal W_hh (ρ = σ_max = 1), every step back is a rotation, so ‖∂L/∂hₜ‖ = ‖∂L/∂h_T‖ for every t: the curve lies on its dashed ρ₀^(T−t) line, as theory says for W = ρQ. ' +
    'Move ρ below or above 1 and the curve becomes the straight line ρ^(T−t), falling or rising; for a non-normal W, or with tanh, that line is only a guide.',
  config: { cell: 'linear', task: 'adding', init: 'orthogonal', rho: 1, freeze: 'recurrent' },
  cause: {
    change: { rho: 0.9 },
    says: 'ρ = 1: at ρ = 0.9 every step back scales the gradient by 0.9',
    expectations: ['flat'],
  },
  view: { panels: ['grad', 'spectrum', 'controls'], controls: ['rho', 'play', 'step', 'reset'] },
  iterations: 300,
  expect: [
    {
      id: 'flat',
      text: '‖∂L/∂hₜ‖ equals ‖∂L/∂h_T‖ at every step, to 10⁻⁹ relative.',
      check: (s) => {
        let worst = 0;
        for (const r of logRelative(s.dhNorm)) worst = Math.max(worst, Math.abs(r));
        const rel = 10 ** worst - 1;
        return verdict(rel < 1e-9, `largest deviation ${rel.toExponential(1)}`);
      },
    },
  ],
};

export const TRUNCATION: Lesson = {
  id: 'truncation',
  title: 'Truncated BPTT: the gradient stops K steps back',
  guidance:
    'Truncated BPTT with window K = 10 cuts the graph 10 steps before the end, so ‖∂L/∂hₜ‖ is exactly 0 for t ≤ 40; X and Y sit at t ≤ 31, so no gradient reaches them and the LSTM that learns this order with full BPTT stays at chance (set K to 0 and reset to compare). ' +
    'On the adding task, where the second marked value sometimes falls inside the window, an LSTM still learns: a write-and-hold mechanism learned over short gaps works over long ones too.',
  config: {
    cell: 'lstm',
    task: 'order',
    init: 'pytorch',
    rho: null,
    forgetBias: 1,
    seed: 2,
    tbptt: 10,
  },
  cause: {
    change: { tbptt: 0 },
    says: 'the truncation: with full BPTT (K = 0) the gradient reaches X and Y',
    expectations: ['chance'],
  },
  view: { panels: ['grad', 'loss', 'controls'], controls: ['tbptt', 'play', 'step', 'reset'] },
  iterations: 600,
  expect: [
    {
      id: 'cut',
      text: '‖∂L/∂hₜ‖ is exactly 0 at every step t ≤ T − K and nonzero after it.',
      check: (s) => {
        const { T, tbptt: K } = s;
        if (!(K > 0 && K < T)) return pending('truncation is off');
        let zeros = true;
        let live = true;
        s.dhNorm.forEach((v, k) => {
          if (k + 1 <= T - K) zeros &&= v === 0;
          else live &&= v > 0;
        });
        const last = logRelative(s.dhNorm)[T - K];
        return verdict(
          zeros && live,
          `0 up to t = ${T - K}; ${pow10Text(last ?? NaN, 1)} at t = ${T - K + 1}`,
        );
      },
    },
    {
      id: 'chance',
      text: 'The accuracy stays at chance: its mean over 100 iterations stays below 35 % for 600 iterations (with K = 0 it passes 90 % by iteration 300).',
      check: (s, h) => staysBelowAccuracy(s, h, 0.35, 600),
    },
  ],
};

export const IRNN: Lesson = {
  id: 'irnn',
  title: 'The IRNN: a ReLU RNN started at W_hh = I',
  guidance:
    'The IRNN (Le, Jaitly and Hinton 2015) is a ReLU RNN started at W_hh = I with tiny input weights: active units copy their values forward, so at first the gradient reaches step 1 almost undiminished (10⁻⁰·² of ‖∂L/∂h_T‖, against 10⁻²² for the same net at PyTorch’s default init). ' +
    'With Adam it solves the adding task in about 4 500 iterations; at the default init this short task is learned faster once Adam grows W_hh, so what the identity buys is the start.',
  config: { cell: 'relu', task: 'adding', init: 'identity', rho: null, opt: 'adam', lr: 0.002 },
  cause: {
    change: { init: 'pytorch' },
    says: 'W_hh = I: at PyTorch’s default init the same ReLU net starts vanished',
    expectations: ['reaches-back'],
  },
  view: { panels: ['grad', 'loss', 'controls'] },
  iterations: 5000,
  expect: [
    {
      id: 'reaches-back',
      text: 'At iteration 0 the gradient reaches step 1 almost undiminished: ‖∂L/∂h₁‖ is above 10⁻¹ of ‖∂L/∂h_T‖.',
      check: (s) =>
        atStart(s, () => {
          const e = endRatio(s.dhNorm);
          return e === null ? pending() : verdict(e.r > -1, e.text);
        }),
    },
    {
      id: 'solved',
      text: 'The loss falls below 0.01 (solved; chance is 1/6) by iteration 5 000.',
      check: (s, h) => reachesBy(s, h, 'loss', 0.01, 5000),
    },
  ],
};
