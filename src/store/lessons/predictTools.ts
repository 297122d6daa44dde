/**
 * Measurements the lesson questions (predictions*.ts) share: when a task is first solved and by
 * which run, and a window's mean accuracy. Each returns null while the run has not decided.
 */
import type { Snapshot } from '../../worker/protocol';
import type { LossHistory } from '../history';
import type { RunState } from './expect';
import { firstCrossing } from './measures';
import type { Measured } from './predict';
import { reached } from './predict';

/** "iteration 1 234" with a thin space, as the readouts write it. */
export const itText = (n: number) =>
  `iteration ${n >= 1000 ? `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, '0')}` : n}`;

/**
 * When the mean over `window` iterations of the loss (or accuracy) first passes `bar`: the band of
 * `edges` (ascending iterations, the last one = the deadline) it falls in, or edges.length when the
 * deadline passed without it. Null until one of them is known.
 */
export function whenSolved(
  s: Snapshot,
  h: LossHistory,
  what: 'loss' | 'accuracy',
  bar: number,
  window: number,
  edges: readonly number[],
): Measured | null {
  const by = edges[edges.length - 1] as number;
  const hit = firstCrossing(h, what, bar, window, by);
  if (hit !== null) {
    let k = 0;
    while (k < edges.length - 1 && hit.iteration >= (edges[k] as number)) k++;
    return { option: k, detail: `passed at ${itText(hit.iteration)}` };
  }
  if (s.iteration < by) return null;
  return { option: edges.length, detail: `not passed by ${itText(by)}` };
}

/**
 * Which run first passes `bar` (the mean over `window` iterations) by iteration `by`: its index, or
 * runs.length for none. Decided once no run that has not passed can still pass earlier.
 */
export function firstToPass(
  runs: readonly RunState[],
  what: 'loss' | 'accuracy',
  bar: number,
  window: number,
  by: number,
  names: readonly string[],
): Measured | null {
  if (runs.length < 2) return null;
  const hits = runs.map((r) => firstCrossing(r.h, what, bar, window, by)?.iteration ?? null);
  const say = hits
    .map((it, k) => `${names[k] ?? k}: ${it === null ? 'not yet' : itText(it)}`)
    .join('; ');
  let best = -1;
  hits.forEach((it, k) => {
    if (it !== null && (best < 0 || it < (hits[best] as number))) best = k;
  });
  // A run still short of the winner's iteration (and not stopped) might yet pass first.
  const settled = (k: number, at: number) =>
    hits[k] !== null || runs[k]!.s.iteration >= at || runs[k]!.diverged !== null;
  if (best >= 0) {
    const at = hits[best] as number;
    return runs.every((_, k) => settled(k, at)) ? { option: best, detail: say } : null;
  }
  if (reached(runs) < by && runs.some((r) => r.diverged === null)) return null;
  return { option: runs.length, detail: `neither passed by ${itText(by)}` };
}

/** Mean recorded accuracy at iterations in [from, to]; NaN when there are none. */
export function meanAccuracy(h: LossHistory, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < h.iters.length; k++) {
    const it = h.iters[k] as number;
    if (it >= from && it <= to) {
      sum += h.accuracies[k] as number;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

export const pct = (v: number) => `${(100 * v).toFixed(0)} %`;
