/**
 * The belt of a diagonal recurrence (the LRU, RG-LRU and S6), read off a snapshot: per step, the
 * decay that multiplies the shown unit (the valve) and what the step writes (the inlet). Each cell
 * says how in its folder's page.ts (CellPage.decay); here the snapshot is handed to it.
 */
import { cellPage } from '../engine/cells/catalog';
import type { BeltData } from '../charts/beltModel';
import type { BeltSource } from '../engine/cells/pageTypes';
import type { Snapshot } from '../worker/protocol';

const source = (s: Snapshot): BeltSource => ({
  T: s.T,
  H: s.H,
  stateWidth: s.stateWidth,
  hidden: s.hidden,
  gates: s.gates,
  A: s.family?.A ?? null,
});

/** The per-step decay of unit u (|λ|, aₜ, exp(Δₜ·A[u, n]) of the slowest mode); null if absent. */
export function unitDecay(s: Snapshot, u: number): Float64Array | null {
  return cellPage(s.cell).decay?.unitDecay(source(s), u) ?? null;
}

/** log₁₀ Π over t = 2..T of unit u's decay: how much of a value it keeps over the sequence. */
export function unitLogHold(s: Snapshot, u: number): number {
  const d = unitDecay(s, u);
  if (d === null) return NaN;
  let l = 0;
  for (let t = 1; t < d.length; t++) l += Math.log10(d[t] as number);
  return l;
}

/** The unit that holds its value longest (largest Π of its decay); 0 when nothing is known. */
export function holdingUnit(s: Snapshot): number {
  let best = 0;
  let bestHold = -Infinity;
  for (let u = 0; u < s.H; u++) {
    const h = unitLogHold(s, u);
    if (h > bestHold) {
      bestHold = h;
      best = u;
    }
  }
  return best;
}

/** The belt columns of unit u of a diagonal recurrence; an empty belt for a cell without one. */
export function decayBeltColumns(s: Snapshot, u: number): BeltData {
  const belt = cellPage(s.cell).decay;
  if (belt === null) return { state: new Float64Array(s.T), gradNorm: s.dhNorm };
  return { ...belt.columns(source(s), u), gradNorm: s.dhNorm };
}
