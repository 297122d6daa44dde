/**
 * Building blocks of the lessons' expectations (expect.ts): common checks written once, with the
 * measured figure in each verdict's detail.
 */
import type { Snapshot } from '../../worker/protocol';
import type { LossHistory } from '../history';
import { fails, holds, pending, verdict } from './expect';
import type { Verdict } from './expect';
import {
  decadesAbove,
  firstCrossing,
  logRelative,
  maxLoss,
  maxTrailingLoss,
  pow10Text,
} from './measures';

/** Gradient below this fraction of ‖∂L/∂h_T‖ counts as vanished, in every readout and lesson. */
export const VANISHED = 1e-3;
/** Rounding allowance when a curve is compared with a reference it may equal exactly. */
const ROUNDING = 1e-9;

/** A check decided on the first snapshot of a run (iteration 0), final from then on. */
export function atStart(s: Snapshot, f: () => Verdict): Verdict {
  if (s.iteration !== 0) return pending('decided at iteration 0: press Reset to see it');
  const v = f();
  return { ...v, final: v.status !== 'pending' };
}

/** log₁₀(‖a_1‖/‖a_T‖) with its text, or null when undefined (a zero or non-finite end). */
export function endRatio(a: Float64Array): { r: number; text: string } | null {
  const rel = logRelative(a);
  const r = rel[0];
  if (r === undefined || Number.isNaN(r)) return null;
  return { r, text: `${pow10Text(r)} at t = 1` };
}

/** The curve stays on or under base^(T−t) times its value at T (a bound the lesson relies on). */
export function underLine(a: Float64Array | null, base: number, name: string): Verdict {
  if (a === null || a.length < 2) return pending();
  const above = decadesAbove(a, base);
  if (Number.isNaN(above)) return pending('no gradient to compare');
  const ok = above <= ROUNDING;
  return verdict(
    ok,
    ok
      ? `on or under the ${name} line at every step`
      : `${pow10Text(above, 2)} × the ${name} line at its highest`,
  );
}

/**
 * The loss never leaves chance by `by`: the mean over `window` iterations stays above `frac` ×
 * chance through iteration `by` (final then), fails (final) as soon as it dips under.
 */
export function staysAtChance(
  s: Snapshot,
  h: LossHistory,
  by: number,
  frac = 0.75,
  window = 100,
): Verdict {
  const bar = frac * s.chanceLoss;
  const hit = firstCrossing(h, 'loss', bar, window, by);
  if (hit !== null)
    return fails(
      `mean ${hit.mean.toFixed(3)} at iteration ${hit.iteration} (bar ${bar.toFixed(3)})`,
      true,
    );
  if (s.iteration < by) return pending(`iteration ${s.iteration} of ${by}`);
  return holds(`mean of ${window} stayed above ${bar.toFixed(3)} through iteration ${by}`, true);
}

/**
 * The loss (or accuracy) passes `bar` — mean over `window` iterations — by iteration `by`:
 * holds (final) when it does, fails (final) once `by` is passed without it.
 */
export function reachesBy(
  s: Snapshot,
  h: LossHistory,
  what: 'loss' | 'accuracy',
  bar: number,
  by: number,
  window = 50,
): Verdict {
  const hit = firstCrossing(h, what, bar, window, by);
  const show = (v: number) => (what === 'loss' ? v.toPrecision(2) : `${(100 * v).toFixed(0)} %`);
  if (hit !== null) return holds(`mean ${show(hit.mean)} at iteration ${hit.iteration}`, true);
  if (s.iteration < by) return pending(`iteration ${s.iteration} of ${by}`);
  return fails(`not by iteration ${by}`, true);
}

/** The loss stays under `limit` over iterations [from, by]; final at `by`, or when it is passed. */
export function lossStaysUnder(
  s: Snapshot,
  h: LossHistory,
  limit: number,
  from: number,
  by: number,
): Verdict {
  const m = maxLoss(h, from, by);
  if (m >= limit) return fails(`loss ${m.toPrecision(3)} (limit ${limit.toPrecision(3)})`, true);
  if (s.iteration < by)
    return pending(`largest so far ${Number.isFinite(m) ? m.toPrecision(3) : '—'}`);
  return holds(`largest ${m.toPrecision(3)} over iterations ${from}–${by}`, true);
}

/** The mean loss over every `window` iterations stays under `limit` over [from, by]; final at `by`. */
export function meanLossStaysUnder(
  s: Snapshot,
  h: LossHistory,
  limit: number,
  from: number,
  by: number,
  window = 50,
): Verdict {
  const m = maxTrailingLoss(h, window, from, by);
  const txt = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '—');
  if (m >= limit) return fails(`mean ${txt(m)} (limit ${txt(limit)})`, true);
  if (s.iteration < by) return pending(`largest mean so far ${txt(m)}`);
  return holds(`largest mean of ${window}: ${txt(m)} over iterations ${from}–${by}`, true);
}

/** The accuracy's mean over `window` iterations stays below `bar` through iteration `by`. */
export function staysBelowAccuracy(
  s: Snapshot,
  h: LossHistory,
  bar: number,
  by: number,
  window = 100,
): Verdict {
  const hit = firstCrossing(h, 'accuracy', bar, window, by);
  const pct = (v: number) => `${(100 * v).toFixed(0)} %`;
  if (hit !== null) return fails(`mean ${pct(hit.mean)} at iteration ${hit.iteration}`, true);
  if (s.iteration < by) return pending(`iteration ${s.iteration} of ${by}`);
  return holds(`mean of ${window} stayed below ${pct(bar)} through iteration ${by}`, true);
}
