/**
 * What a lesson says you should see, checked against the run: each expectation is a pure function
 * of the latest snapshot and the run's loss history that answers holds, fails or pending (not yet
 * decided). The same functions run in the page (the lesson notice shows ✔ / ✘ / …, see
 * Notices.tsx) and in Node at the lesson's seed (tests/lessons/), so a lesson
 * cannot claim what its own run does not show.
 *
 * A verdict may be final: "the loss leaves chance by iteration 300" is decided once, and stays
 * decided for the rest of the run however the history is later thinned. A verdict that is not final
 * describes the screen as it is now ("the curve lies under the dashed line").
 */
import type { Snapshot } from '../../worker/protocol';
import type { LossHistory } from '../history';

export type ExpectStatus = 'holds' | 'fails' | 'pending';

export interface Verdict {
  readonly status: ExpectStatus;
  /** Decided for the rest of this run. */
  readonly final?: boolean;
  /** The measured figure behind the verdict, in a few words ("10^−5.9 at t = 1"). */
  readonly detail?: string;
}

export interface Expectation {
  /** Stable id, used as data-expectation in the page and in test messages. */
  readonly id: string;
  /** What you should see, in plain words. */
  readonly text: string;
  /** `runs`: every run of a comparison lesson (run A first, `s` and `h` are its own). */
  readonly check: (s: Snapshot, h: LossHistory, runs: readonly RunState[]) => Verdict;
}

/** One run of a comparison as its expectations see it. */
export interface RunState {
  readonly s: Snapshot;
  readonly h: LossHistory;
  /** The iteration at which this run went non-finite (it stopped there), or null. */
  readonly diverged: number | null;
}

/** Verdicts of one lesson's expectations for one run. */
export interface ExpectState {
  readonly lesson: string;
  readonly run: number;
  readonly iteration: number;
  readonly verdicts: Readonly<Record<string, Verdict>>;
}

export const holds = (detail?: string, final = false): Verdict => ({
  status: 'holds',
  final,
  ...(detail === undefined ? {} : { detail }),
});
export const fails = (detail?: string, final = false): Verdict => ({
  status: 'fails',
  final,
  ...(detail === undefined ? {} : { detail }),
});
export const pending = (detail?: string): Verdict => ({
  status: 'pending',
  ...(detail === undefined ? {} : { detail }),
});
/** holds or fails by a condition. */
export const verdict = (ok: boolean, detail?: string, final = false): Verdict =>
  ok ? holds(detail, final) : fails(detail, final);

function safeCheck(
  e: Expectation,
  s: Snapshot,
  h: LossHistory,
  runs: readonly RunState[],
): Verdict {
  try {
    return e.check(s, h, runs);
  } catch (err) {
    // A bug in a check must not blank the page; the Node test fails on it.
    return pending(`could not be checked (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * The next verdicts after a snapshot: final verdicts of the same run are kept, every other one is
 * evaluated afresh. `history` must already include the snapshot's iterations.
 */
export function evaluateExpectations(
  prev: ExpectState | null,
  lesson: { readonly id: string; readonly expect: readonly Expectation[] },
  s: Snapshot,
  history: LossHistory,
  runs: readonly RunState[] = [{ s, h: history, diverged: null }],
): ExpectState {
  const same = prev !== null && prev.lesson === lesson.id && prev.run === s.run;
  const verdicts: Record<string, Verdict> = {};
  for (const e of lesson.expect) {
    const old = same ? prev.verdicts[e.id] : undefined;
    verdicts[e.id] = old?.final === true ? old : safeCheck(e, s, history, runs);
  }
  return { lesson: lesson.id, run: s.run, iteration: s.iteration, verdicts };
}
