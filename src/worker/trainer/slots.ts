/**
 * The runs a session hosts (one, or up to four when compared), each a trainer with its own snapshot
 * caches and view, and the round that keeps them in step: every run that may train takes one step
 * per round, so compared runs stand at the same iteration and see batch k at iteration k (they
 * share task, T, batch and seed, hence the data stream).
 */
import type { TrainConfig } from '../config';
import { createSnapshotter } from '../snapshot';
import type { Snapshotter, View } from '../snapshot';
import { createTrainer } from '../trainer';
import type { Trainer } from '../trainer';
import { RUN_LETTERS } from '../runsProtocol';

/**
 * What a paused run still owes the page, paid on the session's next turn: a snapshot (after a
 * rebuild), a recomputed trace and its snapshot (after a live config change: a dragged slider sends
 * many, and they coalesce), or a complete snapshot (the last one skipped slow analyses).
 */
export type Owed = 'nothing' | 'complete' | 'snapshot' | 'recompute';
const OWED_RANK: Record<Owed, number> = { nothing: 0, complete: 1, snapshot: 2, recompute: 3 };

export interface Slot {
  readonly id: number;
  trainer: Trainer;
  readonly snap: Snapshotter;
  readonly view: View;
  /** Went non-finite: training skips it until a reset, a rebuild or new weights. */
  stopped: boolean;
  owe: Owed;
  /** Changed since its last snapshot. */
  dirty: boolean;
}

export function runName(id: number): string {
  return `run ${RUN_LETTERS[id] ?? id}`;
}

export function createSlots(now: () => number) {
  const slots = new Map<number, Slot>();
  /** Highest run number handed out, so a new trainer's numbers never repeat an old one's. */
  let lastRun = 0;
  /** Runs still to step in the current round, in run order. */
  let round: number[] = [];

  const seen = () => {
    for (const s of slots.values()) lastRun = Math.max(lastRun, s.trainer.run);
    return lastRun;
  };

  return {
    get(id: number): Slot | undefined {
      return slots.get(id);
    },
    /** In run order. */
    all(): Slot[] {
      return [...slots.values()].sort((a, b) => a.id - b.id);
    },
    get size() {
      return slots.size;
    },
    /** A fresh run `id` from `config` (replacing any run of that id), numbered after every earlier one. */
    create(id: number, config: TrainConfig): Slot {
      const trainer = createTrainer(config, seen() + 1);
      const old = slots.get(id);
      const slot: Slot = {
        id,
        trainer,
        snap: createSnapshotter(now),
        view: old?.view ?? { seq: 0, gate: 0, detail: 'full' },
        stopped: false,
        owe: 'nothing',
        dirty: true,
      };
      slots.set(id, slot);
      round = round.filter((r) => r !== id);
      return slot;
    },
    drop(id: number): void {
      seen();
      slots.delete(id);
      round = round.filter((r) => r !== id);
    },
    /** While paused: remember what to send on the next turn (the strongest debt wins). */
    owe(slot: Slot, what: Owed): void {
      if (OWED_RANK[what] > OWED_RANK[slot.owe]) slot.owe = what;
    },
    /** Whether any run can still train (not every one went non-finite). */
    anyLive(): boolean {
      for (const s of slots.values()) if (!s.stopped) return true;
      return false;
    },
    /**
     * The next run to step, starting a new round when the last one is done; `mayStart` says whether
     * a new round may begin (a speed limit) and `allowed` which runs may take part (the page's cap).
     * Null when no run may step now.
     */
    next(mayStart: () => boolean, allowed: (s: Slot) => boolean): Slot | null {
      round = round.filter((id) => slots.get(id)?.stopped === false);
      if (round.length === 0) {
        const ready = this.all().filter((s) => !s.stopped && allowed(s));
        if (ready.length === 0 || !mayStart()) return null;
        round = ready.map((s) => s.id);
      }
      return slots.get(round.shift()!)!;
    },
    /** Whether the current round is complete (every run in it stepped). */
    get roundDone(): boolean {
      return round.length === 0;
    },
    /** Runs left in the current round (stepped at once when a pause must leave every run level). */
    takeRound(): Slot[] {
      const left = round.map((id) => slots.get(id)).filter((s): s is Slot => !!s && !s.stopped);
      round = [];
      return left;
    },
    clearRound(): void {
      round = [];
    },
  };
}

export type Slots = ReturnType<typeof createSlots>;
