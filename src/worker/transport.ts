/**
 * The transport (Play, Pause, Step, Reset) as one state machine. The session runs it; the page runs
 * the same function to predict where its command leads, so the Play/Pause label answers a click at
 * once and still agrees with the worker (see store/status.ts). No engine imports: the page bundle
 * carries this file.
 *
 * Reset keeps the transport where it is: a teacher pressing Reset during a run wants the run again
 * from iteration 0, not a stop (Pause is one click away); Reset while paused (or stepping) leaves
 * the fresh run paused at iteration 0. Step while running does nothing: the run already steps, and
 * the page offers Step only while paused. Play while running does nothing either.
 */

export type Transport =
  /** No model built yet (before `init`). */
  | { readonly kind: 'idle' }
  | { readonly kind: 'paused' }
  | { readonly kind: 'running' }
  /** Running `left` more steps, then paused. */
  | { readonly kind: 'stepping'; readonly left: number };

export type TransportCommand =
  | { readonly type: 'init' | 'play' | 'pause' | 'reset' }
  | { readonly type: 'step'; readonly n?: number };

const COMMAND_TYPES: ReadonlySet<string> = new Set(['init', 'play', 'pause', 'reset', 'step']);

/** Whether a page message drives the transport (the others leave it where it is). */
export function isTransportCommand(msg: { type: string }): msg is TransportCommand {
  return COMMAND_TYPES.has(msg.type);
}

export const IDLE: Transport = { kind: 'idle' };
export const PAUSED: Transport = { kind: 'paused' };
export const RUNNING: Transport = { kind: 'running' };

/** Where a command from the page leads. */
export function afterCommand(s: Transport, cmd: TransportCommand): Transport {
  switch (cmd.type) {
    case 'init':
    case 'pause':
      return PAUSED;
    case 'play':
      return RUNNING;
    case 'reset':
      return s.kind === 'running' ? RUNNING : PAUSED;
    case 'step': {
      if (s.kind === 'running') return RUNNING;
      const before = s.kind === 'stepping' ? s.left : 0;
      return { kind: 'stepping', left: before + (cmd.n ?? 1) };
    }
  }
}

/** Where one finished training step leads. */
export function afterStep(s: Transport): Transport {
  if (s.kind !== 'stepping') return s;
  return s.left > 1 ? { kind: 'stepping', left: s.left - 1 } : PAUSED;
}

/** Whether the session trains (as opposed to waiting for the page). */
export function isTraining(s: Transport): boolean {
  return s.kind === 'running' || s.kind === 'stepping';
}
