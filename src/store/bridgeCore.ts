/** What the bridge's action groups (configActions, sweepActions) share with it. */
import type { ToWorker } from '../worker/protocol';
import type { TransportCommand } from '../worker/transport';
import type { AppStore } from './store';

/** A page → worker message without its version field (the bridge stamps it). */
export type Unversioned = ToWorker extends infer M
  ? M extends unknown
    ? Omit<M, 'v'>
    : never
  : never;

/**
 * What the action groups (configActions, sweepActions) share with the bridge: sending, transport
 * commands, and starting runs afresh.
 */
export interface BridgeCore {
  store: AppStore;
  send(msg: Unversioned): void;
  command(cmd: TransportCommand & Unversioned): void;
  /** Forgets runs' histories now and drops their snapshots built before the last message sent. */
  restarted(runIds: readonly number[]): void;
  /**
   * Every run built afresh from its config (a new comparison, a lesson, a link): paused at 0. The
   * page's first build is no command: the status stays 'starting' until a snapshot arrives.
   */
  restartAll(lesson: string | null, first?: boolean): void;
}
