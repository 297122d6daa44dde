/**
 * Whether the runs of a comparison trained on the same batches: at every iteration that two runs'
 * loss histories both kept, their batch hashes (engine/batchHash.ts) must be equal.
 */
import type { LossHistory } from '../../store/history';

export interface BatchAgreement {
  /** Iterations checked (kept by run A and at least one other run). */
  checked: number;
  /** Iterations at which some run's batch differed from run A's. */
  differ: number;
}

export function batchAgreement(histories: readonly LossHistory[]): BatchAgreement {
  const [a, ...rest] = histories;
  if (a === undefined || rest.length === 0) return { checked: 0, differ: 0 };
  const byIter = new Map<number, number>();
  a.iters.forEach((it, k) => byIter.set(it, a.hashes[k] as number));
  const checked = new Set<number>();
  const differ = new Set<number>();
  for (const h of rest)
    h.iters.forEach((it, k) => {
      const want = byIter.get(it);
      if (want === undefined) return;
      checked.add(it);
      if (h.hashes[k] !== want) differ.add(it);
    });
  return { checked: checked.size, differ: differ.size };
}

/** A batch hash as eight hex digits, as the data tables show it. */
export function hashText(h: number): string {
  return Number.isFinite(h) ? (h >>> 0).toString(16).padStart(8, '0') : '—';
}
