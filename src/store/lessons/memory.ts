/**
 * Lessons on how far back the gradient reaches by construction: a linear recurrence at ρ = 1,
 * and truncated BPTT.
 */
import { staysBelowAccuracy } from './checks';
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
  view: { panels: ['grad', 'loss', 'controls'], controls: ['tbptt', 'play', 'step', 'reset'] },
  iterations: 1000,
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
      text: 'The accuracy stays at chance: its mean over 100 iterations stays below 35 % for 1 000 iterations (with K = 0 it passes 90 % by iteration 300).',
      check: (s, h) => staysBelowAccuracy(s, h, 0.35, 1000),
    },
  ],
};
