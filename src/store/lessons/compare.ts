/**
 * Lessons that compare runs on the same batches (the Compare view): a tanh RNN against an LSTM,
 * SGD against Adam, clipping off and on. Their expectations read every run (`runs`, run A first).
 */
import { endRatio, lossStaysUnder, meanLossStaysUnder, reachesBy, staysAtChance } from './checks';
import { VANISHED } from './checks';
import { fails, holds, pending, verdict } from './expect';
import type { RunState, Verdict } from './expect';
import type { Lesson } from './lesson';
import { pow10Text } from './measures';

/** A check decided when every run stands at iteration 0, final from then on. */
function allAtStart(runs: readonly RunState[], f: () => Verdict): Verdict {
  if (runs.length < 2) return pending('waiting for every run');
  if (runs.some((r) => r.s.iteration !== 0)) return pending('decided at iteration 0: press Reset');
  const v = f();
  return { ...v, final: v.status !== 'pending' };
}

/** Every run's verdict from `f`: fails as soon as one fails, holds once all hold. */
function everyRun(runs: readonly RunState[], f: (r: RunState) => Verdict): Verdict {
  const vs = runs.map(f);
  const letter = (k: number) => 'ABCD'[k] ?? String(k);
  const say = vs.map((v, k) => `${letter(k)}: ${v.detail ?? v.status}`).join('; ');
  const bad = vs.find((v) => v.status === 'fails');
  if (bad !== undefined) return fails(say, bad.final === true);
  if (vs.some((v) => v.status === 'pending')) return pending(say);
  return holds(
    say,
    vs.every((v) => v.final === true),
  );
}

export const RNN_VS_LSTM: Lesson = {
  id: 'rnn-vs-lstm',
  title: 'RNN against LSTM on the adding problem',
  guidance:
    'A tanh RNN (run A) and an LSTM with forget bias 2 (run B) train on the very same batches of the adding problem, whose first marked number sits 25 to 49 steps back. ' +
    'The LSTM’s belt carries the gradient back and it solves the task in under a thousand iterations (at this seed and seed 2; seed 3 takes about 1 500), while the RNN’s gradient at step 1 vanishes and its loss stays at chance.',
  config: { cell: 'rnn', task: 'adding' },
  compare: [{ cell: 'lstm', init: 'pytorch', rho: null, forgetBias: 2 }],
  cause: {
    change: { T: 10 },
    says: 'the distance: at T = 10 every marked value is within 9 steps, and the tanh RNN learns too',
    expectations: ['reach-at-start', 'rnn-chance'],
  },
  view: { panels: ['grad', 'loss', 'controls'] },
  iterations: 1000,
  expect: [
    {
      id: 'reach-at-start',
      text: 'At iteration 0 the LSTM already passes over 1 000 times more of the gradient back to step 1 than the tanh RNN (‖∂L/∂h₁‖/‖∂L/∂h_T‖, dashed line against solid).',
      check: (_s, _h, runs) =>
        allAtStart(runs, () => {
          const a = endRatio(runs[0]!.s.dhNorm);
          const b = endRatio(runs[1]!.s.dhNorm);
          if (a === null || b === null) return pending();
          return verdict(b.r - a.r > 3, `A ${pow10Text(a.r)}, B ${pow10Text(b.r)}`);
        }),
    },
    {
      id: 'lstm-solves',
      text: 'The LSTM’s loss falls below 0.01 (solved; chance is 1/6) by iteration 1 000.',
      check: (_s, _h, runs) =>
        runs[1] === undefined
          ? pending('waiting for run B')
          : reachesBy(runs[1].s, runs[1].h, 'loss', 0.01, 1000),
    },
    {
      id: 'rnn-chance',
      text: 'On the same batches the tanh RNN’s loss stays near chance (its mean over 100 iterations above ¾ of 1/6) for 1 000 iterations.',
      check: (s, h) => staysAtChance(s, h, 1000),
    },
  ],
};

export const SGD_VS_ADAM: Lesson = {
  id: 'sgd-vs-adam',
  title: 'SGD against Adam on the vanishing preset',
  guidance:
    'The vanishing lesson’s tanh RNN (W_hh orthogonal at ρ = 0.8, frozen) trained by SGD (run A) and by Adam (run B) on the same batches: Adam sizes each weight’s step by that weight’s own gradient history. ' +
    'It rescales weights, not time steps, so in both runs under 10⁻³ of the gradient reaches step 1 and neither leaves chance: Adam does not bring back a vanished gradient (curvature-aware methods can help in part: Martens and Sutskever 2011).',
  config: {
    cell: 'rnn',
    task: 'adding',
    init: 'orthogonal',
    rho: 0.8,
    freeze: 'recurrent',
    opt: 'sgd',
    lr: 0.1,
  },
  compare: [{ opt: 'adam', lr: 0.01 }],
  cause: {
    change: { T: 10 },
    says: 'the distance: at T = 10 the gradient reaches every marked value and Adam leaves chance',
    expectations: ['both-vanish', 'both-chance'],
  },
  view: { panels: ['grad', 'loss', 'controls'] },
  iterations: 600,
  expect: [
    {
      id: 'same-start',
      text: 'At iteration 0 the two gradient curves are one: same weights, same batch, and no optimizer has moved anything yet.',
      check: (_s, _h, runs) =>
        allAtStart(runs, () => {
          const [a, b] = [runs[0]!.s.dhNorm, runs[1]!.s.dhNorm];
          const same = a.length === b.length && a.every((x, k) => x === b[k]);
          return verdict(same, same ? `identical at all ${a.length} steps` : 'they differ');
        }),
    },
    {
      id: 'both-vanish',
      text: 'In both runs, at every iteration, less than 10⁻³ of ‖∂L/∂h_T‖ reaches step 1.',
      check: (_s, _h, runs) =>
        everyRun(runs, (r) => {
          const e = endRatio(r.s.dhNorm);
          return e === null ? pending() : verdict(e.r < Math.log10(VANISHED), e.text);
        }),
    },
    {
      id: 'both-chance',
      text: 'Neither leaves chance: each run’s mean loss over 100 iterations stays above ¾ of 1/6 for 600 iterations.',
      check: (_s, _h, runs) => everyRun(runs, (r) => staysAtChance(r.s, r.h, 600)),
    },
  ],
};

export const CLIPPING_ON_OFF: Lesson = {
  id: 'clipping-on-off',
  title: 'Clipping on and off',
  guidance:
    'The exploding lesson’s tanh RNN (W_hh orthogonal at ρ = σ_max = 1.5, SGD at learning rate 0.1) twice on the same batches, run A unclipped and run B with the gradient’s norm clipped at 1. ' +
    'Their first gradients are identical, but A’s step throws the weights far and saturates its units, and its loss climbs until the readout’s updates overflow (A’s banner names them), while B’s steps stay at most 0.1 long and its loss stays below twice chance.',
  config: {
    cell: 'rnn',
    task: 'adding',
    init: 'orthogonal',
    rho: 1.5,
    clip: 0,
    opt: 'sgd',
    lr: 0.1,
  },
  compare: [{ clip: 1 }],
  cause: {
    change: { clip: 1 },
    says: 'no clipping in run A: clipped too, A stays as stable as B',
    expectations: ['a-explodes'],
  },
  view: { panels: ['grad', 'loss', 'controls'] },
  iterations: 300,
  expect: [
    {
      id: 'same-gradient',
      text: 'At iteration 0 both runs compute the same gradient, ‖∇L‖ > 10 (same weights, same batch); only run B will clip it to length 1.',
      check: (_s, _h, runs) =>
        allAtStart(runs, () => {
          const [a, b] = [runs[0]!.s, runs[1]!.s];
          const g = a.preClipNorm;
          return verdict(
            g === b.preClipNorm && g > 10 && a.config.clip === 0 && b.config.clip === 1,
            `‖∇L‖ = ${g.toPrecision(3)} in A, ${b.preClipNorm.toPrecision(3)} in B`,
          );
        }),
    },
    {
      id: 'a-explodes',
      text: 'Run A’s loss passes 100 × chance within 20 iterations, and A goes non-finite (training stops it) before iteration 300.',
      check: (s, h, runs) => {
        const jump = lossStaysUnder(s, h, 100 * s.chanceLoss, 1, 20);
        if (jump.status === 'holds') return fails(`no jump: ${jump.detail ?? ''}`, true);
        const at = runs[0]?.diverged ?? null;
        if (at !== null)
          return verdict(at < 300, `non-finite at iteration ${at}`, jump.status === 'fails');
        if (s.iteration >= 300) return fails('still finite at iteration 300', true);
        return pending(`iteration ${s.iteration} of 300`);
      },
    },
    {
      id: 'b-stable',
      text: 'Run B’s loss never jumps: from iteration 50 to 300 its mean over 50 iterations stays below 2 × chance.',
      check: (_s, _h, runs) => {
        const b = runs[1];
        if (b === undefined) return pending('waiting for run B');
        return meanLossStaysUnder(b.s, b.h, 2 * b.s.chanceLoss, 50, 300);
      },
    },
  ],
};
