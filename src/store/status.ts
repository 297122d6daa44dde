/**
 * The page's training status, kept in step with the session's transport (worker/transport.ts).
 * A command changes the status at once, to where the worker's own machine will take it; a snapshot
 * decides the status only once it reflects every command the page has sent (Snapshot.acked), so
 * one posted before the worker saw the latest click cannot flip the Play/Pause label back.
 */
import { afterCommand, IDLE, PAUSED, RUNNING } from '../worker/transport';
import type { Transport, TransportCommand } from '../worker/transport';
import type { Snapshot } from '../worker/protocol';
import type { RunTraining } from './runs';
import type { Status } from './store';

/** The transport the page believes in. 'diverged' is a paused session whose last run blew up. */
function transportOf(status: Status): Transport {
  if (status === 'starting') return IDLE;
  return status === 'running' ? RUNNING : PAUSED;
}

/** The status right after the page sends `cmd`. */
export function statusAfter(status: Status, cmd: TransportCommand): Status {
  const next = afterCommand(transportOf(status), cmd);
  if (next.kind === 'running') return 'running';
  // Still no snapshot to draw: Play stays disabled until the first one arrives.
  if (status === 'starting' && cmd.type !== 'init') return 'starting';
  // The divergence notice stays until a fresh run (reset or a new config) or training again.
  if (status === 'diverged' && cmd.type !== 'reset' && cmd.type !== 'init') return 'diverged';
  return 'paused';
}

/**
 * The status a snapshot reports, or the current one when the snapshot is older than the page's
 * latest command (`sent`: messages the page had sent when it issued that command).
 */
export function statusFrom(status: Status, snap: Snapshot, sent: number): Status {
  if (snap.acked < sent) return status;
  if (snap.running) return 'running';
  return status === 'diverged' ? 'diverged' : 'paused';
}

/** Whether a run's newest snapshot reflects every command the page had sent at its latest one. */
const current = (r: RunTraining, sent: number) => r.latest !== null && r.latest.acked >= sent;

/**
 * The page's status from its runs: running while any run whose newest snapshot reflects the page's
 * latest transport command trains; 'diverged' once every run went non-finite; else paused.
 * Snapshots older than that command leave the status as it is.
 */
export function statusFromRuns(status: Status, runs: readonly RunTraining[], sent: number): Status {
  const known = runs.filter((r) => current(r, sent));
  if (known.length === 0) return status;
  if (known.some((r) => r.latest!.running)) return 'running';
  if (runs.length > 0 && runs.every((r) => r.diverged !== null)) return 'diverged';
  return 'paused';
}

/** Whether some run has not yet answered the page's latest transport command. */
export function awaitingAck(runs: readonly RunTraining[], sent: number): boolean {
  return runs.some((r) => !current(r, sent));
}
