/**
 * How much of the selected sequence sits in a squashing nonlinearity's flat tails (|·| > 0.99,
 * where tanh′ < 0.02): the values that pass almost no gradient. Which values is read from the cell's
 * descriptor, never its id: an LSTM-like cell (traced cell state) squashes c through tanh, a
 * GRU-like one its candidate n, and an h_t = φ(…) cell its state when φ is a squashing function
 * (φ′ small at |h| near 1: tanh, not ReLU or the identity). Other cells report null.
 */
import type { CellInfo } from '../../engine/cells/types';

/** |·| above this counts as saturated. */
export const SATURATED = 0.99;

export interface Saturation {
  /** Fraction of the sequence's values beyond ±SATURATED. */
  fraction: number;
  /** What was measured, for the readout: 'hₜ', 'tanh(cₜ)', 'nₜ'. */
  of: string;
}

function fractionOver(values: ArrayLike<number>, squash: (v: number) => number): number {
  let n = 0;
  for (let k = 0; k < values.length; k++)
    if (Math.abs(squash(values[k] as number)) > SATURATED) n++;
  return values.length === 0 ? 0 : n / values.length;
}

/**
 * From one sequence's arrays as the snapshot carries them: hidden [T][S], cellState [T][H] or null,
 * gates [T][G·H] or null.
 */
export function saturation(
  info: CellInfo,
  T: number,
  H: number,
  hidden: Float64Array,
  cellState: Float64Array | null,
  gates: Float64Array | null,
): Saturation | null {
  if (info.cellState && cellState !== null)
    return { fraction: fractionOver(cellState, Math.tanh), of: 'tanh(cₜ)' };
  const n = (info.gates as readonly string[]).indexOf('n');
  if (n >= 0 && gates !== null) {
    const G = info.gates.length;
    const vals = new Float64Array(T * H);
    for (let t = 0; t < T; t++)
      vals.set(gates.subarray((t * G + n) * H, (t * G + n + 1) * H), t * H);
    return { fraction: fractionOver(vals, (v) => v), of: 'nₜ' };
  }
  const d = info.stepJacobianDiag;
  if (d !== undefined && d(0.995) < 0.02 && d(-0.995) < 0.02)
    return { fraction: fractionOver(hidden, (v) => v), of: 'hₜ' };
  return null;
}
