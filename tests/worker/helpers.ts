import { DEFAULT_CONFIG } from '../../src/worker/config';
import type { TrainConfig } from '../../src/worker/config';
import type { FromWorker, Snapshot } from '../../src/worker/protocol';
import { createSession } from '../../src/worker/trainer/session';
import type { Session } from '../../src/worker/trainer/session';

export const small = (patch: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_CONFIG,
  T: 20,
  H: 8,
  batch: 4,
  ...patch,
});

export interface Harness {
  session: Session;
  msgs: FromWorker[];
  snapshots(): Snapshot[];
  last(): Snapshot;
  send(msg: object): void;
  /** Resolves when pred() holds (polling), rejects after timeoutMs. */
  until(pred: () => boolean, timeoutMs?: number): Promise<void>;
}

export function harness(): Harness {
  const msgs: FromWorker[] = [];
  const session = createSession({ post: (m) => msgs.push(m) });
  const snapshots = () => msgs.filter((m): m is Snapshot => m.type === 'snapshot');
  return {
    session,
    msgs,
    snapshots,
    last() {
      const s = snapshots();
      const x = s[s.length - 1];
      if (x === undefined) throw new Error('no snapshot yet');
      return x;
    },
    send(msg) {
      session.handle({ v: 1, ...msg });
    },
    until(pred, timeoutMs = 10000) {
      const t0 = Date.now();
      return new Promise((resolve, reject) => {
        const poll = () => {
          if (pred()) resolve();
          else if (Date.now() - t0 > timeoutMs) reject(new Error('timed out waiting'));
          else setTimeout(poll, 5);
        };
        poll();
      });
    },
  };
}
