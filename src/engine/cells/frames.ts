/**
 * Every newer family's snapshot frame (its folder's frame.ts: what the worker sends beyond the
 * arrays every cell has), typed against the family ids: a family without one does not compile.
 */
import { frame as attention } from './attention/frame';
import type { FamilyCellKind } from './catalog';
import type { CellFrame } from '../family/frame';
import { frame as lru } from './lru/frame';
import { frame as rglru } from './rglru/frame';
import { frame as s6 } from './s6/frame';

export const FRAMES = { lru, rglru, s6, attention } as const satisfies Record<
  FamilyCellKind,
  CellFrame
>;

/** The frame of a family's cell; null for a classic cell (it has none). */
export function cellFrame(id: string): CellFrame | null {
  return (FRAMES as Readonly<Record<string, CellFrame>>)[id] ?? null;
}
