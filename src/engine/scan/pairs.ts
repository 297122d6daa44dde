/**
 * The scan's inputs for one sequence of a pass the engine has just run (forwardBackward on a
 * registry Model and Workspace): the forward pairs (a_t, b_t) from the cell (FamilyCell.scan), with
 * an h_0 folded into b_1, and the backward pairs (a_{t+1}, g_t) with g_t the loss's own term at
 * step t (the cell's walk.local): the reverse scan over them is the total dL/dh_t, since
 * δ_t = g_t + a_{t+1}·δ_{t+1} (conj(λ) for the LRU's complex state, the adjoint of a rotation).
 * A TBPTT cut between t and t+1 is a decay of 0 there. Nothing here knows a cell by name.
 */
import { isCut } from '../bptt/options';
import type { RunOptions } from '../bptt/options';
import type { Workspace } from '../bptt/workspace';
import { cellInfo } from '../cells/catalog';
import { FAMILY_CELLS } from '../family/cells';
import { family, familyView } from '../family/engine';
import type { FamilyCell } from '../family/types';
import type { Model } from '../model';
import { createPairs } from './types';
import type { ScanPairs } from './types';

/** True when the cell declares itself scannable (CellInfo.scan). */
export function isScannable(cell: string): boolean {
  return cellInfo(cell).scan === true;
}

function scanCell(cell: string): FamilyCell & { scan: NonNullable<FamilyCell['scan']> } {
  const fc = isScannable(cell) ? (FAMILY_CELLS as Record<string, FamilyCell>)[cell] : undefined;
  if (fc?.scan === undefined)
    throw new RangeError(`${cell} is not a diagonal recurrence with input-only decays: no scan`);
  return fc as FamilyCell & { scan: NonNullable<FamilyCell['scan']> };
}

export interface SequencePairs {
  /** (a_t, b_t), h_0 folded into b_1: the forward scan's b at t is the state x_t. */
  readonly forward: ScanPairs;
  /** (a_{t+1} or its conjugate, g_t), 0 past T and at cuts: the reverse scan's b at t is dL/dx_t. */
  readonly backward: ScanPairs;
  /** Width S of a traced state row (2U when complex, else U). */
  readonly S: number;
}

/** The pairs of sequence `seq` from the pass on `ws` (run forwardBackward first, with the same opts). */
export function sequencePairs(
  model: Model,
  ws: Workspace,
  seq: number,
  opts: RunOptions = {},
): SequencePairs {
  const cell = scanCell(model.spec.cell);
  const fm = familyView(model);
  const fws = family(ws);
  const { T, B } = fws;
  const S = fws.trace.S;
  if (!Number.isInteger(seq) || seq < 0 || seq >= B)
    throw new RangeError(`seq must be an integer in [0, ${B - 1}]`);
  const complex = cell.scan.complex;
  const U = complex ? S / 2 : S;
  const fwd = createPairs(T, U, complex);
  cell.scan.pairs(fm, fws, seq, fwd);
  if (opts.h0 !== undefined && cell.takesH0) {
    if (complex) throw new RangeError('a complex state takes no h0');
    for (let j = 0; j < U; j++) fwd.b[j] = fwd.b[j]! + fwd.a[j]! * opts.h0[seq * S + j]!;
  }
  const walk = cell.walk;
  if (walk?.kind !== 'chain') throw new RangeError(`${model.spec.cell} has no chain of steps`);
  const K = cell.truncates ? (opts.truncate ?? 0) : 0;
  const bwd = createPairs(T, U, complex);
  const g = new Float64Array(S);
  for (let t = 1; t <= T; t++) {
    walk.local(fm, fws, seq, t, g);
    const o = (t - 1) * U;
    const carry = t < T && !isCut(T, K, t + 1);
    for (let j = 0; j < U; j++) {
      bwd.a[o + j] = carry ? fwd.a[o + U + j]! : 0;
      bwd.b[o + j] = g[j]!;
      if (complex) {
        bwd.ai![o + j] = carry ? -fwd.ai![o + U + j]! : 0;
        bwd.bi![o + j] = g[U + j]!;
      }
    }
  }
  return { forward: fwd, backward: bwd, S };
}

/** The b's of scanned pairs as traced-state rows [T][S] ([Re | Im] halves when complex). */
export function stateRows(p: ScanPairs): Float64Array {
  const { T, U, b, bi } = p;
  const S = bi === null ? U : 2 * U;
  const out = new Float64Array(T * S);
  for (let t = 0; t < T; t++) {
    out.set(b.subarray(t * U, (t + 1) * U), t * S);
    if (bi !== null) out.set(bi.subarray(t * U, (t + 1) * U), t * S + U);
  }
  return out;
}
