/**
 * Worker entry: the only file that touches `self`. Everything else (loop, trainer, snapshots) is
 * in trainer/session.ts, which also runs in-thread when workers are unavailable.
 */
import { PROTOCOL_VERSION } from './protocol';
import type { FromWorker } from './protocol';
import { createSession, engineKernels } from './trainer/session';

const scope = self as unknown as {
  postMessage(msg: FromWorker, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
};

// MessageChannel yields without setTimeout's ≥ 4 ms clamp on nested timers.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();
const yieldTo = (cb: () => void) => {
  queue.push(cb);
  channel.port2.postMessage(null);
};

const session = createSession({
  post: (msg, transfer) => scope.postMessage(msg, transfer),
  yieldTo,
});
scope.onmessage = (e) => session.handle(e.data);
scope.postMessage(
  { v: PROTOCOL_VERSION, type: 'ready', mode: 'worker', kernels: engineKernels() },
  [],
);
