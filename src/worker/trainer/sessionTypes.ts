/** The session's options, its handle, and its table of message handlers (session.ts). */
import type { FromWorker, ParsedToWorker } from '../protocol';
import type { Transport } from '../transport';
import type { Trainer } from '../trainer';

export interface SessionOptions {
  /** Deliver a message to the page; `transfer` lists buffers that may be moved, not copied. */
  post: (msg: FromWorker, transfer: ArrayBuffer[]) => void;
  /** Milliseconds, monotonic. */
  now?: () => number;
  /** Run `cb` soon, after pending messages (MessageChannel in a worker; setTimeout elsewhere). */
  yieldTo?: (cb: () => void) => void;
  /** Time slice of training between two yields. */
  sliceMs?: number;
  /** Most snapshots per second (per run) while running. */
  maxPostsPerSecond?: number;
}

export interface Session {
  /** Handle one (untrusted) message from the page. */
  handle(raw: unknown): void;
  /** Stop the loop; later messages are ignored. */
  dispose(): void;
  /** Run 0's trainer (tests and the CLI read it directly). */
  readonly trainer: Trainer | null;
  /** Any run's trainer. */
  trainerOf(runId: number): Trainer | null;
  /** Where the transport is (tests). */
  readonly state: Transport;
}

export type Handlers = {
  [K in ParsedToWorker['type']]: (msg: Extract<ParsedToWorker, { type: K }>) => void;
};
