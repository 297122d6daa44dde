/**
 * The questions of the RNN's lessons (vanishing, exploding, clipping, ρ against σ_max, the IRNN and
 * their comparisons), keyed by lesson id. Each answer is measured on the run (predict.ts).
 */
import { meanLoss } from './measures';
import type { Prediction } from './predict';
import { bandFromTop, DECADES, decadeBand, reached, reachLog, reachText } from './predict';
import { firstToPass, itText, whenSolved } from './predictTools';

export const RNN_PREDICTIONS: Readonly<Record<string, Prediction>> = {
  vanishing: {
    prompt:
      'After 300 iterations, where is ‖∂L/∂h₁‖/‖∂L/∂h_T‖, the share of the gradient that reaches step 1?',
    options: DECADES,
    measure: (s) => {
      if (s.iteration < 300) return null;
      const r = reachLog(s.dhNorm);
      const option = decadeBand(r);
      return option === null ? null : { option, detail: reachText(r) };
    },
    explain:
      'Every step back multiplies the gradient by diag(tanh′)·W_hh, of norm at most 0.8, and the first marked value sits 25 to 49 steps back: 0.8⁴⁹ ≈ 10⁻⁴·⁷, and tanh′ < 1 takes off more. W_hh is frozen, so training cannot change it.',
  },
  'one-step-back': {
    prompt: 'Carried from t = 30 back to t = 1, how much of ‖∂L/∂h₃₀‖ is left?',
    options: ['more than 10⁻¹', '10⁻¹ to 10⁻³', '10⁻³ to 10⁻⁶', 'less than 10⁻⁶'],
    measure: (s) => {
      if (s.iteration !== 0) return null;
      const r = reachLog(s.dhNorm);
      const option = bandFromTop(r, [-1, -3, -6]);
      return option === null ? null : { option, detail: reachText(r) };
    },
    explain:
      'Each of the 29 steps multiplies it by at most ρ = 0.8, and 0.8²⁹ ≈ 10⁻²·⁸; tanh′ ≤ 1 at every step makes each factor smaller still.',
  },
  'sgd-vs-adam': {
    prompt:
      'W_hh is frozen at ρ = 0.8. Which run’s loss leaves chance first (its mean over 100 iterations below ¾ of chance)?',
    options: ['SGD (run A)', 'Adam (run B)', 'neither, in 600 iterations'],
    measure: (s, _h, runs) => firstToPass(runs, 'loss', 0.75 * s.chanceLoss, 100, 600, ['A', 'B']),
    explain:
      'Adam rescales each weight’s step, not each time step: the gradient that reaches the first marked value is below 10⁻³ in both runs, so neither optimizer has anything to learn the task from.',
  },
  exploding: {
    prompt:
      'At iteration 0 the gradient grows as it flows back (σ_max = 1.5). At iteration 30, how much of ‖∂L/∂h_T‖ reaches step 1?',
    options: [
      'more than 10× (it still grows)',
      'between 10⁻³ and 10×',
      'less than 10⁻³, or none (vanished)',
    ],
    measure: (s) => {
      if (s.iteration < 30) return null;
      const r = reachLog(s.dhNorm);
      const option = bandFromTop(r, [1, -3]);
      return option === null ? null : { option, detail: reachText(r) };
    },
    explain:
      'The first huge gradient made a huge SGD step: the weights grew so large that every unit saturates at ±1, where tanh′ ≈ 0, so almost nothing passes back through time. Exploding turned into vanishing.',
  },
  clipping: {
    prompt:
      'The exploding net, now with the gradient clipped at norm 1. Where is the loss over iterations 900–1 000?',
    options: [
      'above 2 × chance: it still blows up',
      'near chance: stable, but nothing learned',
      'below ¾ of chance: it learns',
    ],
    measure: (s, h) => {
      if (s.iteration < 1000) return null;
      const m = meanLoss(h, 901, 1000);
      const option = bandFromTop(m / s.chanceLoss, [2, 0.75]);
      const detail = `mean ${m.toPrecision(3)}, ${(m / s.chanceLoss).toFixed(2)} × chance`;
      return option === null ? null : { option, detail };
    },
    explain:
      'Clipping shortens each step to at most the learning rate, so nothing blows up; but it changes neither the gradient’s direction nor how it flows through time, and the net still gets no gradient from the first marked value.',
  },
  'clipping-on-off': {
    prompt:
      'Run A unclipped, run B clipped at 1, on the same batches. Which loss goes non-finite (training stops it) within 300 iterations?',
    options: ['only A (unclipped)', 'only B (clipped)', 'both', 'neither'],
    measure: (_s, _h, runs) => {
      if (runs.length < 2) return null;
      const by = (k: number) => (runs[k]?.diverged ?? Infinity) <= 300;
      if (reached(runs) < 300 && runs.some((r) => r.diverged === null)) return null;
      const [a, b] = [by(0), by(1)];
      const option = a && b ? 2 : a ? 0 : b ? 1 : 3;
      const say = (k: number) => {
        const d = runs[k]?.diverged ?? null;
        return d === null ? 'finite' : `non-finite at ${itText(d)}`;
      };
      return { option, detail: `A ${say(0)}; B ${say(1)}` };
    },
    explain:
      'Their first gradients are identical (‖∇L‖ > 10). A takes that whole step and its weights fly off; B’s step is at most 0.1 long, so its loss stays below twice chance.',
  },
  'exploding-max': {
    prompt:
      'ρ = 2, SGD at learning rate 1, no clipping. At iteration 5, how much of ‖∂L/∂h_T‖ reaches step 1?',
    options: [
      'more than all of it (ρ = 2 makes it grow)',
      '10⁻³ to 1',
      'less than 10⁻³, or none at all',
    ],
    measure: (s) => {
      if (s.iteration < 5) return null;
      const r = reachLog(s.dhNorm);
      const option = bandFromTop(r, [0, -3]);
      return option === null ? null : { option, detail: reachText(r) };
    },
    explain:
      'The first updates saturate every unit, and a saturated tanh passes no gradient back. What blows up afterwards is the readout, a linear regression on ±1 features whose steps are too long.',
  },
  'rho-not-whole-story': {
    prompt: 'This W_hh has ρ = 0.9. How do the norms of its powers ‖W^k‖ behave as k grows?',
    options: [
      'they only fall (never above 1)',
      'they rise a little first (to at most 5)',
      'they rise above 5 before they fall',
    ],
    measure: (s) => {
      const p = s.startPowers;
      if (p === null || p.length === 0) return null;
      let best = 0;
      let at = 0;
      p.forEach((v, k) => {
        if (v > best) [best, at] = [v, k + 1];
      });
      if (!Number.isFinite(best)) return null;
      const option = best > 5 ? 2 : best > 1 ? 1 : 0;
      return { option, detail: `largest ‖W^k‖ = ${best.toPrecision(3)} at k = ${at}` };
    },
    explain:
      'ρ is the largest |eigenvalue|: it sets how the powers end (like 0.9^k), not how they start. A non-normal W with strong one-way links has σ_max ≈ 3.9, and its powers first grow.',
  },
  'linear-rho1': {
    prompt:
      'A linear cell with a frozen orthogonal W_hh (ρ = σ_max = 1). After 100 iterations, how does ‖∂L/∂h₁‖ compare with ‖∂L/∂h_T‖?',
    options: ['smaller at step 1', 'the same (within 2 %)', 'larger at step 1'],
    measure: (s) => {
      if (s.iteration < 100) return null;
      const r = reachLog(s.dhNorm);
      if (Number.isNaN(r)) return null;
      const within = Math.log10(1.02);
      const option = r < -within ? 0 : r > within ? 2 : 1;
      return { option, detail: reachText(r) };
    },
    explain:
      'With no nonlinearity every step back multiplies by W_hhᵀ, and an orthogonal matrix is a rotation: it keeps every vector’s length, so the gradient neither fades nor grows.',
  },
  irnn: {
    prompt:
      'A ReLU RNN started at W_hh = I, trained by Adam. When does its loss fall below 0.01 (solved)?',
    options: [
      'before iteration 1 000',
      'iterations 1 000 to 3 000',
      'iterations 3 000 to 5 000',
      'not by iteration 5 000',
    ],
    measure: (s, h) => whenSolved(s, h, 'loss', 0.01, 50, [1000, 3000, 5000]),
    explain:
      'The identity start lets the gradient reach step 1 almost undiminished, but the net still has to learn to write the marked values and add them; the start buys a path for the gradient, not the answer.',
  },
};
