/**
 * What the snapshot carries for the newer families beyond the arrays every cell has (each cell's
 * frame.ts, listed in engine/cells/frames.ts; the types and helpers are engine/family/frame.ts),
 * and the rows the hidden-state panel draws.
 */
import { cellPage } from '../engine/cells/catalog';
import { cellFrame } from '../engine/cells/frames';
import type { FamilyFrame, FrameStart } from '../engine/family/frame';
import type { Model } from '../engine/model';
import type { Trace } from '../engine/types';

export type { DecayHistogram, FamilyFrame, FrameStart } from '../engine/family/frame';

/** The family's frame for sequence `seq` of the latest trace; null for the classic cells. */
export function familyFrame(
  model: Model,
  tr: Trace,
  seq: number,
  truncate: number,
  start: FrameStart,
): FamilyFrame | null {
  return cellFrame(tr.cell)?.(model, tr, seq, truncate, start) ?? null;
}

/**
 * The rows the hidden-state panel draws for one sequence, [T][W]: the traced state itself (W = F′),
 * except a state shown as each channel's norm over its N entries (CellPage.rowNorms: S6's H·N-wide
 * state, W = H).
 */
export function stateRows(
  tr: Trace,
  src: Float64Array,
  first: number,
  seq: number,
): { rows: Float64Array; width: number; norms: boolean } {
  const { T, B, S, H } = tr;
  const norms = cellPage(tr.cell).rowNorms;
  const width = norms ? H : S;
  const rows = new Float64Array(T * width);
  const N = S / H;
  for (let t = 0; t < T; t++) {
    const off = ((t + first) * B + seq) * S;
    if (!norms) {
      rows.set(src.subarray(off, off + S), t * S);
      continue;
    }
    for (let d = 0; d < H; d++) {
      let s = 0;
      for (let n = 0; n < N; n++) s += (src[off + d * N + n] as number) ** 2;
      rows[t * H + d] = Math.sqrt(s);
    }
  }
  return { rows, width, norms };
}
