/**
 * Readouts of the gradient-through-time panel, computed from the per-step norms the engine filled
 * during the backward pass (index t−1 holds step t).
 */
import { VANISHED_RATIO } from '../charts/colors';
import { cellInfo } from '../engine/cells/catalog';
import { unitLogProducts } from '../store/lessons/measures';
import { holdingUnit } from './familyBelt';
import type { Snapshot } from '../worker/protocol';

/**
 * The yardstick of the readouts: ‖dL/dh_T‖, or with `earlier` (CellInfo.state.measureFrom) the
 * largest ‖dL/dh_t‖ over t < T (NaN when there is none).
 */
export function gradScale(norms: Float64Array, earlier = false): number {
  const T = norms.length;
  if (!earlier) return norms[T - 1] ?? NaN;
  let m = -Infinity;
  for (let t = 0; t < T - 1; t++) if ((norms[t] as number) > m) m = norms[t] as number;
  return m === -Infinity ? NaN : m;
}

/** Steps t < T whose ‖dL/dh_t‖ is at or below `threshold` × `scale` (the vanished ones). */
export function vanishedCount(
  norms: Float64Array,
  scale: number,
  threshold = VANISHED_RATIO,
): number {
  let n = 0;
  for (let t = 0; t < norms.length - 1; t++) if (!((norms[t] as number) > threshold * scale)) n++;
  return n;
}

/** log₁₀(‖dL/dh_1‖ / scale), scale ‖dL/dh_T‖ by default; null when either is zero or non-finite. */
export function log10Ratio(norms: Float64Array, earlier = false): number | null {
  const T = norms.length;
  if (T === 0) return null;
  const first = norms[0] as number;
  const last = gradScale(norms, earlier);
  if (!(first > 0) || !(last > 0) || !Number.isFinite(first) || !Number.isFinite(last)) return null;
  // Ratio of logs, not log of a ratio: 1e-300/1e10 would underflow to 0.
  return Math.log10(first) - Math.log10(last);
}

/**
 * Steps back until the gradient has vanished: the smallest lag T−t at which ‖dL/dh_t‖ falls below
 * `threshold` × ‖dL/dh_T‖ (the one "vanished" threshold, 10⁻³). `null` when it never does within
 * the sequence.
 */
export function memoryHorizon(norms: Float64Array, threshold = VANISHED_RATIO): number | null {
  const T = norms.length;
  const last = norms[T - 1];
  if (last === undefined || !(last > 0)) return null;
  const bar = threshold * last;
  for (let t = T - 1; t >= 1; t--) {
    if ((norms[t - 1] as number) < bar) return T - t;
  }
  return null;
}

/** The dashed reference ρ^(T−t)·‖dL/dh_T‖, computed in log space so tiny values stay exact. */
export function rhoReference(norms: Float64Array, rho: number): Float64Array {
  const T = norms.length;
  const out = new Float64Array(T);
  const last = norms[T - 1] ?? 0;
  if (!(last > 0) || !(rho >= 0)) return out.fill(NaN);
  const l = Math.log(last);
  const lr = Math.log(rho);
  for (let t = 1; t <= T; t++) out[t - 1] = Math.exp(l + (T - t) * lr);
  return out;
}

/** The unit with the largest |c_t| (or |h_t|) over time, from a [T][H] array. */
export function largestUnit(values: Float64Array, H: number): number {
  let best = 0;
  let bestAbs = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const a = Math.abs(values[k] as number);
    if (a > bestAbs) {
      bestAbs = a;
      best = k % H;
    }
  }
  return best;
}

/** The gate a cell's belt multiplies by (Π z for the GRU, Π f for the LSTM), if it has one. */
function beltGate(cell: string): string | null {
  const refs = cellInfo(cell).references;
  return refs.includes('prodZ') ? 'z' : refs.includes('prodF') ? 'f' : null;
}

/** The unit with the largest Π of the belt's gate, or null (no such gate, or all units alike). */
function bestGateUnit(s: Snapshot): number | null {
  const gate = beltGate(s.cell);
  if (gate === null) return null;
  const p = unitLogProducts(s, (cellInfo(s.cell).gates as readonly string[]).indexOf(gate));
  if (p === null || p.length === 0 || !(Math.max(...p) - Math.min(...p) > 1e-9)) return null;
  let best = 0;
  p.forEach((v, u) => {
    if (v > (p[best] as number)) best = u;
  });
  return best;
}

/**
 * The unit the belt panel and the gradient panel's gate-product line show when none was picked:
 * the GRU's (LSTM's) unit with the largest Π z (Π f) over the sequence, the one holding its value
 * longest and the one the lessons' checks name; a diagonal recurrence's unit with the largest
 * product of its decays; else (or when every unit's product is the same: a held forget gate) the
 * unit with the largest |c| or |h|.
 */
export function autoUnit(s: Snapshot): number {
  // A diagonal recurrence: the unit whose decays keep most of its value over the sequence.
  if (cellInfo(s.cell).belt === 'decay') return holdingUnit(s);
  const best = bestGateUnit(s);
  if (best !== null) return best;
  return largestUnit(s.cellState ?? s.hidden, s.H);
}

/** How the automatic unit is chosen (for `s`, when given), for the unit picker. */
export function autoUnitLabel(cell: string, s?: Snapshot | null): string {
  const info = cellInfo(cell);
  if (info.belt === 'decay') return 'holds longest';
  const gate = beltGate(cell);
  return gate !== null && (s == null || bestGateUnit(s) !== null)
    ? `largest Π ${gate}`
    : info.cellState
      ? 'largest |c|'
      : 'largest |h|';
}
