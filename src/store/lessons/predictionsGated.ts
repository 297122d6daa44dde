/**
 * The questions of the gated cells' lessons and of the families after the GRU, keyed by lesson id.
 * Each answer is measured on the run (predict.ts).
 */
import { argmax, gateAt, lambdaModuli, unitRatios } from './familyMeasures';
import { saturatedFraction } from './measures';
import type { Prediction } from './predict';
import { bandFromTop, DECADES, decadeBand, reachLog, reachText } from './predict';
import { firstToPass, meanAccuracy, pct, whenSolved } from './predictTools';

const times = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)}×`;

/** The largest ratio over units, once `at` iterations have passed (null before, or undefined). */
function bestRatioAt(
  s: Parameters<typeof unitRatios>[0],
  at: number,
  ratios: Float64Array | null,
  edges: readonly number[],
  what: string,
) {
  if (s.iteration < at || ratios === null) return null;
  const best = argmax(ratios);
  const option = bandFromTop(best.value, edges);
  if (option === null) return null;
  // Edges run from the top; options run from "no difference" up.
  return { option: edges.length - option, detail: `${what} ${best.at}: ${times(best.value)}` };
}

export const GATED_PREDICTIONS: Readonly<Record<string, Prediction>> = {
  'lstm-belt': {
    prompt:
      'At the start the belt alone scales the gradient by σ(2)⁴⁹ ≈ 10⁻²·⁷. After 1 000 iterations, where is ‖∂L/∂c₁‖/‖∂L/∂c_T‖?',
    options: DECADES,
    measure: (s) => {
      if (s.iteration < 1000) return null;
      const r = reachLog(s.dcNorm);
      const option = decadeBand(r);
      return option === null ? null : { option, detail: reachText(r) };
    },
    explain:
      'Training drives the forget gates of the units that store the marked values to f ≈ 1, and a belt of ones passes the gradient back undiminished: the LSTM learned to keep its gradient.',
  },
  'rnn-vs-lstm': {
    prompt:
      'A tanh RNN (run A) and an LSTM (run B) on the same batches. Which solves the adding problem (loss below 0.01) first?',
    options: ['the tanh RNN (run A)', 'the LSTM (run B)', 'neither, in 1 000 iterations'],
    measure: (_s, _h, runs) => firstToPass(runs, 'loss', 0.01, 50, 1000, ['A', 'B']),
    explain:
      'The LSTM’s belt carries the gradient back to the first marked value; the RNN’s gradient there has vanished, so its loss stays at chance on the very same batches.',
  },
  'hold-forget': {
    prompt:
      'The forget gate is held at f = 1, as in the 1997 LSTM. At iteration 20, what share of the tanh(cₜ) values are saturated (beyond ±0.99)?',
    options: ['under 10 %', '10 % to 50 %', 'more than half'],
    measure: (s) => {
      if (s.iteration < 20) return null;
      const f = saturatedFraction(s);
      if (f === null) return null;
      return { option: f > 0.5 ? 2 : f >= 0.1 ? 1 : 0, detail: `${pct(f)} saturated` };
    },
    explain:
      'With f = 1 nothing is ever erased: every input adds to c, which drifts far from 0, and tanh(c) saturates and passes almost no signal. That is why the forget gate was added in 2000.',
  },
  gru: {
    prompt:
      'PyTorch’s init starts the GRU’s update gate at z ≈ 0.5, so Π z over 49 steps is about 10⁻¹⁵. When does its loss fall below 0.01 (solved)?',
    options: [
      'before iteration 200',
      'iterations 200 to 400',
      'iterations 400 to 600',
      'not by iteration 600',
    ],
    measure: (s, h) => whenSolved(s, h, 'loss', 0.01, 50, [200, 400, 600]),
    explain:
      'The gradient that does arrive is enough to start pushing z toward 1 on a few units; each step that holds z higher lets more gradient through, so the gate learns itself open.',
  },
  'temporal-order': {
    prompt:
      'X or Y appears twice among 50 steps; the net names their order (chance 25 %). When does the LSTM’s accuracy pass 90 %?',
    options: ['before iteration 200', 'iterations 200 to 400', 'not by iteration 400'],
    measure: (s, h) => whenSolved(s, h, 'accuracy', 0.9, 50, [200, 400]),
    explain:
      'The belt lets the LSTM write each symbol when it appears and hold it to the end; until the gates learn that, accuracy sits at chance, then climbs within a few dozen iterations.',
  },
  truncation: {
    prompt:
      'The same LSTM and task, but BPTT truncated to the last K = 10 steps. Where is the accuracy over iterations 500–600?',
    options: ['near chance (under 35 %)', '35 % to 90 %', 'above 90 %'],
    measure: (s, h) => {
      if (s.iteration < 600) return null;
      const a = meanAccuracy(h, 501, 600);
      if (Number.isNaN(a)) return null;
      return { option: a > 0.9 ? 2 : a >= 0.35 ? 1 : 0, detail: `mean ${pct(a)}` };
    },
    explain:
      'X and Y sit at t ≤ 31 and the graph is cut at t = 40: no gradient ever reaches them, so nothing teaches the net to store them, however long it trains.',
  },
  'attention-one-hop': {
    prompt: 'Attention, T = 100. After 300 iterations, how much of ‖∂L/∂e_T‖ reaches step 1?',
    options: DECADES,
    measure: (s) => {
      if (s.iteration < 300) return null;
      const r = reachLog(s.dhNorm);
      const option = decadeBand(r);
      return option === null ? null : { option, detail: reachText(r) };
    },
    explain:
      'Step 1 reaches the last position in one hop, scaled by a single attention weight α_T,1, never by a product over the steps between: distance alone does not make it fade.',
  },
  'lru-ring': {
    prompt:
      'The LRU starts its eigenvalues on the ring 0.9 ≤ |λ| ≤ 0.999. Which way does training move them by iteration 300?',
    options: [
      'inward, away from the unit circle',
      'outward, toward the circle but inside it',
      'across the circle (some |λ| ≥ 1)',
    ],
    measure: (s) => {
      if (s.iteration < 300) return null;
      const now = lambdaModuli(s, 'now');
      const set = lambdaModuli(s, 'set');
      if (now === null || set === null) return null;
      const mean = (r: Float64Array) => r.reduce((p, q) => p + q, 0) / r.length;
      const hi = Math.max(...now);
      const option = hi >= 1 ? 2 : mean(now) > mean(set) ? 1 : 0;
      const detail = `mean |λ| ${mean(set).toFixed(4)} → ${mean(now).toFixed(4)}; largest ${hi.toFixed(5)}`;
      return { option, detail };
    },
    explain:
      'To recall symbols 60 steps later a unit must keep its value, so training pushes |λ| toward 1; |λ| = exp(−exp(ν)) can approach 1 but never reach it, so the gradient never explodes.',
  },
  'rglru-gate': {
    prompt:
      'The RG-LRU’s gate sees only the input. After 300 iterations, how much faster does the most selective unit decay at the marked steps than elsewhere?',
    options: ['about the same (under 5×)', '5× to 20× faster', 'more than 20× faster'],
    measure: (s) =>
      bestRatioAt(
        s,
        300,
        unitRatios(s, (t, u) => -Math.log(gateAt(s, 0, t, u))),
        [20, 5],
        'unit',
      ),
    explain:
      'A unit that opens its gate at a mark overwrites itself with the marked value and holds it (aₜ ≈ 1) elsewhere: the input alone decides when to write and when to remember.',
  },
  's6-clock': {
    prompt:
      'S6’s step size Δₜ is chosen by the input. After 300 iterations, how much faster does the fastest channel’s clock run at the symbols than at the noise?',
    options: ['about the same (under 2×)', '2× to 20× faster', 'more than 20× faster'],
    measure: (s) =>
      bestRatioAt(
        s,
        300,
        unitRatios(s, (t, u) => gateAt(s, 0, t, u)),
        [20, 2],
        'channel',
      ),
    explain:
      'A large Δ resets and writes, a small Δ holds as if time stood still: channels learn to tick at the symbols and stop at the noise, which a time-invariant LRU cannot do.',
  },
  's6-gru-bridge': {
    prompt:
      'S6 with N = 1 is a GRU-like gate, started near 1 by Mamba’s init. When does its loss fall below 0.01 (solved)?',
    options: ['before iteration 100', 'iterations 100 to 300', 'not by iteration 300'],
    measure: (s, h) => whenSolved(s, h, 'loss', 0.01, 50, [100, 300]),
    explain:
      'Its gate starts near 1, so unlike the GRU’s the gradient reaches step 1 from the first iteration, and there is no vanishing to learn past first.',
  },
};
