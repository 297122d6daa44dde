/**
 * Lessons on the tanh RNN's W_hh: vanishing, exploding, clipping, non-normal transients, and a
 * learning-rate blow-up. The ones about W_hh's geometry train with SGD (which barely moves W_hh)
 * or freeze W_hh, so the W_hh the text describes is the one on screen.
 */
import {
  atStart,
  endRatio,
  lossStaysUnder,
  meanLossStaysUnder,
  staysAtChance,
  underLine,
  VANISHED,
} from './checks';
import { pending, verdict } from './expect';
import type { Expectation } from './expect';
import type { Lesson } from './lesson';
import { saturatedFraction } from './measures';

const underRho0: Expectation = {
  id: 'under-rho0',
  text: 'The measured ‖∂L/∂hₜ‖ stays on or under the dashed ρ₀^(T−t)·‖∂L/∂h_T‖ line at every step: σ_max = ρ₀ = 0.80 and tanh′ ≤ 1 make it a bound.',
  check: (s) => underLine(s.dhNorm, s.start.rho[0] ?? NaN, 'ρ₀^(T−t)'),
};

const vanishedAt1: Expectation = {
  id: 'vanished',
  text: 'Read from t = T back to t = 1, the gradient falls below 10⁻³ of ‖∂L/∂h_T‖ (vanished) long before it reaches step 1.',
  check: (s) => {
    const e = endRatio(s.dhNorm);
    if (e === null) return pending();
    return verdict(e.r < Math.log10(VANISHED), e.text);
  },
};

export const VANISHING: Lesson = {
  id: 'vanishing',
  title: 'Vanishing gradients',
  guidance:
    'W_hh is orthogonal scaled to ρ = 0.8 and frozen (Adam trains the rest), so each step back multiplies the gradient by diag(tanh′)·W_hh, of norm at most 0.8 (the dashed 0.8^(T−t) bounds it); the first marked value sits 25 to 49 steps back, where almost none arrives, so the loss stays near chance. ' +
    'Distance is the cause: set T to 10 and reset, every mark is within 9 steps (0.8⁹ ≈ 0.13), and the net leaves chance within about 400 iterations.',
  config: {
    cell: 'rnn',
    task: 'adding',
    init: 'orthogonal',
    rho: 0.8,
    freeze: 'recurrent',
    opt: 'adam',
    lr: 0.01,
  },
  cause: {
    change: { T: 10 },
    says: 'the distance: at T = 10 every marked value is within 9 steps of the loss',
    expectations: ['vanished', 'chance'],
  },
  view: { panels: ['grad', 'spectrum', 'controls'] },
  iterations: 1000,
  expect: [
    underRho0,
    vanishedAt1,
    {
      id: 'chance',
      text: 'The loss stays near chance (the mean over 100 iterations above ¾ of 1/6) for 1 000 iterations.',
      check: (s, h) => staysAtChance(s, h, 1000),
    },
  ],
};

const grewBack: Expectation = {
  id: 'grows-back',
  text: 'At iteration 0 the gradient grows as it flows back: ‖∂L/∂h₁‖ is more than 10 × ‖∂L/∂h_T‖. σ_max = 1.5 > 1, which a tanh net needs for this.',
  check: (s) =>
    atStart(s, () => {
      const e = endRatio(s.dhNorm);
      return e === null ? pending() : verdict(e.r > 1, e.text);
    }),
};

export const EXPLODING: Lesson = {
  id: 'exploding',
  title: 'Exploding gradients',
  guidance:
    'W_hh is orthogonal scaled to ρ = σ_max = 1.5, so at the start the gradient grows as it flows back, and plain SGD (learning rate 0.1, no clipping) turns that gradient into a step that throws the weights far. ' +
    'Every unit then saturates, no gradient flows back through time, and the loss climbs until the readout’s updates overflow, so the banner rightly calls that last step no exploding gradient (the explosion came first); the clipping lesson clips this net.',
  cause: {
    change: { rho: 0.9 },
    says: 'σ_max = 1.5 > 1: at ρ = σ_max = 0.9 the gradient shrinks as it flows back',
    expectations: ['grows-back', 'loss-jumps', 'saturated'],
  },
  config: {
    cell: 'rnn',
    task: 'adding',
    init: 'orthogonal',
    rho: 1.5,
    clip: 0,
    opt: 'sgd',
    lr: 0.1,
  },
  view: { panels: ['grad', 'loss', 'controls'] },
  iterations: 60,
  expect: [
    grewBack,
    {
      id: 'loss-jumps',
      text: 'Within 20 iterations the loss jumps above 100 × chance: the update made from that gradient threw the weights far.',
      check: (s, h) => {
        const v = lossStaysUnder(s, h, 100 * s.chanceLoss, 1, 20);
        if (v.status === 'pending') return v;
        return { ...v, status: v.status === 'fails' ? 'holds' : 'fails' };
      },
    },
    {
      id: 'saturated',
      text: 'From iteration 30 on, more than 95 % of the hidden values are saturated (|hₜ| > 0.99) and the gradient through time has vanished (‖∂L/∂h₁‖ < 10⁻³ ‖∂L/∂h_T‖, or exactly 0).',
      check: (s) => {
        if (s.iteration < 30) return pending(`iteration ${s.iteration} of 30`);
        const sat = saturatedFraction(s) ?? 0;
        const first = s.dhNorm[0] ?? NaN;
        const e = endRatio(s.dhNorm);
        const gone = first === 0 || (e !== null && e.r < Math.log10(VANISHED));
        return verdict(
          sat > 0.95 && gone,
          `${(100 * sat).toFixed(1)} % saturated; ${first === 0 ? '‖∂L/∂h₁‖ = 0' : (e?.text ?? '—')}`,
        );
      },
    },
  ],
};

export const CLIPPING: Lesson = {
  id: 'clipping',
  title: 'Clipping tames exploding gradients',
  guidance:
    'The exploding lesson’s network and SGD, now with the gradient’s global norm clipped at 1 (Pascanu, Mikolov and Bengio 2013): if ‖g‖ > 1, g is rescaled to length 1, so no step is longer than the learning rate. ' +
    'Training stays stable, but clipping changes neither the gradient’s direction nor how it flows through time, and it gives the net no memory.',
  config: {
    cell: 'rnn',
    task: 'adding',
    init: 'orthogonal',
    rho: 1.5,
    clip: 1,
    opt: 'sgd',
    lr: 0.1,
  },
  cause: {
    change: { clip: 0 },
    says: 'the clipping: with clip 0 the first step throws the weights far',
    expectations: ['clipped', 'stable'],
  },
  view: { panels: ['grad', 'loss', 'controls'] },
  iterations: 1000,
  expect: [
    {
      id: 'clipped',
      text: 'At iteration 0 the gradient that wrecked the unclipped run is there (‖∇L‖ > 10) and is clipped to length 1.',
      check: (s) =>
        atStart(s, () =>
          verdict(
            s.preClipNorm > 10 && s.config.clip === 1,
            `‖∇L‖ = ${s.preClipNorm.toPrecision(3)}`,
          ),
        ),
    },
    {
      id: 'stable',
      text: 'The loss never jumps: from iteration 50 to 1 000 its mean over 50 iterations stays below 2 × chance (unclipped it passed 100 × chance within 20).',
      check: (s, h) => meanLossStaysUnder(s, h, 2 * s.chanceLoss, 50, 1000),
    },
    {
      id: 'chance',
      text: 'It is still not learned: the loss stays near chance (mean over 100 iterations above ¾ of 1/6) for 1 000 iterations.',
      check: (s, h) => staysAtChance(s, h, 1000),
    },
  ],
};

export const RHO_NOT_WHOLE_STORY: Lesson = {
  id: 'rho-not-whole-story',
  title: 'ρ is not the whole story',
  guidance:
    'This frozen W_hh links its units in strong one-way pairs (a non-normal matrix): ρ = 0.9, yet σ_max is about 3.9 and its powers ‖W^k‖ grow to about 12 before they decay like 0.9^k, so ρ tells how the gradient ends, not how it starts. ' +
    'For a tanh net only σ_max < 1 guarantees vanishing, and σ_max^(T−t) always bounds the curve (a theorem, so it is not checked): compare the powers with ρ^k and σ_max^k on the spectrum panel.',
  config: { cell: 'rnn', task: 'adding', init: 'nonnormal', rho: 0.9, freeze: 'recurrent' },
  cause: {
    change: { init: 'orthogonal' },
    says: 'non-normality: an orthogonal W_hh at the same ρ = 0.9 has ‖W^k‖ = ρ^k',
    expectations: ['powers-grow', 'above-rho'],
  },
  view: { panels: ['spectrum', 'grad', 'controls'] },
  iterations: 300,
  expect: [
    {
      id: 'powers-grow',
      text: 'The powers of W_hh grow before they decay: the largest ‖W^k‖ is above 5, although ρ^k = 0.9^k only falls.',
      check: (s) => {
        const p = s.startPowers;
        if (p === null || p.length === 0) return pending();
        let best = 0;
        let at = 0;
        p.forEach((v, k) => {
          if (v > best) [best, at] = [v, k + 1];
        });
        return verdict(best > 5, `largest ‖W^k‖ = ${best.toPrecision(3)} at k = ${at}`);
      },
    },
    {
      id: 'above-rho',
      text: 'At iteration 0 the measured gradient rises above the dashed ρ₀^(T−t) line: it reaches back farther than ρ predicts.',
      check: (s) =>
        atStart(s, () => {
          const rho0 = s.start.rho[0] ?? NaN;
          const v = underLine(s.dhNorm, rho0, 'ρ₀^(T−t)');
          return v.status === 'pending'
            ? v
            : { ...v, status: v.status === 'fails' ? 'holds' : 'fails' };
        }),
    },
  ],
};

export const BLOW_UP: Lesson = {
  id: 'exploding-max',
  title: 'Blow-up: a learning rate too large for the readout',
  guidance:
    'With ρ = 2 the tanh units saturate, so almost no gradient flows back through time whatever the learning rate, and the readout, a linear regression on nearly ±1 features, diverges under SGD at learning rate 1 without clipping because its steps are too large. ' +
    'Training stops at the first non-finite value and names the parameter whose updates blew up; learning rate 0.01 keeps it finite, while clipping holds the loss at 30–180 × chance.',
  config: { cell: 'rnn', task: 'adding', init: 'pytorch', rho: 2, opt: 'sgd', lr: 1, clip: 0 },
  cause: {
    change: { lr: 0.01 },
    says: 'the learning rate: at 0.01 the readout’s steps are small enough',
    expectations: ['loss-climbs'],
  },
  view: { panels: ['grad', 'loss', 'controls'] },
  iterations: 20,
  expect: [
    {
      id: 'loss-climbs',
      text: 'The loss climbs anyway, past 10⁶ within 20 iterations: the readout’s updates blow up.',
      check: (s, h) => {
        const v = lossStaysUnder(s, h, 1e6, 1, 20);
        if (v.status === 'pending') return v;
        return { ...v, status: v.status === 'fails' ? 'holds' : 'fails' };
      },
    },
  ],
};
