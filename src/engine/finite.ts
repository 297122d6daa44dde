/**
 * Non-finite detection. Checks are cheap probes over whole blocks (a step's states, a parameter's
 * gradient); the first failure is recorded on the trace and nothing throws, so a run that blows up
 * still returns and the UI can say what exploded, and where.
 */
import type { NonFinite, Trace } from './types';

/**
 * True when x[off..off+len) holds no NaN or ±∞. Sums x·0, which is 0 for every finite x and NaN
 * otherwise, so large finite values cannot overflow into a false alarm.
 */
export function allFinite(x: Float64Array, off: number, len: number): boolean {
  let s = 0;
  for (let p = 0; p < len; p++) s += x[off + p]! * 0;
  return s === 0;
}

/** Records `nf` on the trace unless an earlier non-finite value was already recorded. */
export function flagNonFinite(trace: Trace, nf: NonFinite): void {
  if (trace.nonFinite === null) trace.nonFinite = nf;
}
