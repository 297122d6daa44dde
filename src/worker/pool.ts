/**
 * The page's handle on the runs of a comparison: one training client (worker) per run while the
 * machine has cores to spare, else several runs interleaved in one session, which steps them in
 * rounds (trainer/slots.ts). It looks like one client to the bridge: per-run messages go to the
 * worker hosting that run, the transport goes to every worker, and answers come back merged.
 *
 * Two things keep several workers honest. Snapshot.acked counts what one session handled; the pool
 * translates it into the page's own count of messages sent (a snapshot reflects a page message when
 * its worker handled every message it was sent up to that one). And runs in different workers stay
 * in step: each worker may train only a few iterations past the slowest run (`allow`), so every run
 * trains at the same rate, however different their costs.
 */
import { createTrainingClient, subscribeLate } from './client';
import type { ClientMode, TrainingClient } from './client';
import type { FromWorker, ToWorker } from './protocol';
import { PROTOCOL_VERSION } from './version';

export interface RunLayout {
  runs: number;
  workers: number;
  /** navigator.hardwareConcurrency, or null when the browser does not say. */
  cores: number | null;
}

export interface RunPool extends TrainingClient {
  /**
   * Spreads `runs` runs over workers (run r on worker r mod k); a worker loses the runs that moved
   * away (`drop`), surplus workers are closed. Send each run's `init` after this.
   */
  layout(runs: number): RunLayout;
}

export interface PoolOptions {
  /** Reported cores (navigator.hardwareConcurrency); null or undefined = unknown (one worker). */
  cores?: number | null;
  /** Builds one training client (tests inject fakes). */
  createClient?: () => TrainingClient;
}

/** One worker per run, leaving a core to the page; one worker when the cores are unknown. */
export function workersFor(runs: number, cores: number | null): number {
  if (cores === null || !Number.isFinite(cores)) return 1;
  return Math.max(1, Math.min(runs, Math.floor(cores) - 1));
}

/** Fewest iterations a worker may run ahead of the slowest run, and the lead in seconds of training. */
const MIN_LEAD = 4;
const LEAD_SECONDS = 0.25;

interface Member {
  client: TrainingClient;
  unsubscribe: () => void;
  /** Per message sent to it: the page's count at that point, and whether the page sent it. */
  log: { global: number; page: boolean }[];
  /** Messages it handled before log[0]. */
  offset: number;
  hosts: Set<number>;
  through: number | null;
}

export function createRunPool(opts: PoolOptions = {}): RunPool {
  const make = opts.createClient ?? (() => createTrainingClient());
  const cores = opts.cores ?? null;
  const listeners = new Set<(msg: FromWorker) => void>();
  const members: Member[] = [];
  let sent = 0;
  let ready: FromWorker | null = null;
  let terminated = false;
  /** Per run: iteration, run number and whether it can still train, from its snapshots. */
  const runs = new Map<number, { iteration: number; run: number; live: boolean; rate: number }>();
  /** Per run: the page's count at its latest rebuild; older snapshots do not move `runs`. */
  const restartAt = new Map<number, number>();

  const emit = (msg: FromWorker) => {
    for (const cb of [...listeners]) cb(msg);
  };

  const deliver = (m: Member, msg: ToWorker, page: boolean) => {
    m.log.push({ global: sent, page });
    m.client.send(msg);
  };

  /** The page's count that a snapshot built after `acked` of m's own messages reflects. */
  const translate = (m: Member, acked: number): number => {
    const drop = Math.max(0, Math.min(acked - m.offset, m.log.length));
    m.log.splice(0, drop);
    m.offset += drop;
    const first = m.log[0];
    if (first === undefined) return sent;
    return first.page ? first.global - 1 : first.global;
  };

  const memberOf = (runId: number): Member => members[runId % members.length]!;

  /** Lets every worker train a few iterations past the slowest run that can still train. */
  const pace = () => {
    if (members.length < 2) return;
    const live = [...runs.values()].filter((r) => r.live);
    if (live.length === 0) return;
    const slowest = Math.min(...live.map((r) => r.iteration));
    const rate = Math.min(...live.map((r) => r.rate));
    const lead = Math.max(MIN_LEAD, Math.ceil(rate * LEAD_SECONDS));
    for (const m of members) {
      if (m.through === slowest + lead) continue;
      m.through = slowest + lead;
      deliver(m, { v: PROTOCOL_VERSION, type: 'allow', through: m.through }, false);
    }
  };

  const onMessage = (m: Member, msg: FromWorker) => {
    if (terminated) return;
    if (msg.type === 'ready') {
      if (ready === null) {
        ready = msg;
        emit(msg);
      }
      return;
    }
    if (msg.type === 'snapshot') {
      const acked = translate(m, msg.acked);
      // Snapshots built before the page rebuilt the run say nothing about the new one.
      if (acked >= (restartAt.get(msg.runId) ?? 0)) {
        const prev = runs.get(msg.runId);
        const fresh = prev === undefined || prev.run !== msg.run;
        runs.set(msg.runId, {
          iteration: msg.iteration,
          run: msg.run,
          live: fresh ? true : prev.live,
          rate: msg.stepsPerSecond > 0 ? msg.stepsPerSecond : (prev?.rate ?? 0),
        });
      }
      emit({ ...msg, acked });
      pace();
      return;
    }
    if (msg.type === 'diverged') {
      const r = runs.get(msg.runId);
      if (r !== undefined) r.live = false;
      emit(msg);
      pace();
      return;
    }
    emit(msg);
  };

  const addMember = () => {
    const client = make();
    const m: Member = {
      client,
      unsubscribe: () => {},
      log: [],
      offset: 0,
      hosts: new Set(),
      through: null,
    };
    m.unsubscribe = client.subscribe((msg) => onMessage(m, msg));
    members.push(m);
  };
  addMember();

  return {
    get mode(): ClientMode {
      return members[0]!.client.mode;
    },
    layout(n) {
      const want = members[0]!.client.mode === 'inline' ? 1 : workersFor(n, cores);
      while (members.length > want) {
        const m = members.pop()!;
        m.unsubscribe();
        m.client.terminate();
      }
      while (members.length < want) addMember();
      for (const [k, m] of members.entries()) {
        for (const r of [...m.hosts]) {
          if (r < n && r % members.length === k) continue;
          m.hosts.delete(r);
          deliver(m, { v: PROTOCOL_VERSION, type: 'drop', runId: r }, false);
        }
        for (let r = k; r < n; r += members.length) m.hosts.add(r);
        // A lone worker keeps its runs in step by itself.
        if (members.length === 1 && m.through !== null) {
          m.through = null;
          deliver(m, { v: PROTOCOL_VERSION, type: 'allow', through: null }, false);
        }
      }
      for (const r of [...runs.keys()]) if (r >= n) runs.delete(r);
      for (const r of [...restartAt.keys()]) if (r >= n) restartAt.delete(r);
      return { runs: n, workers: members.length, cores };
    },
    send(msg) {
      if (terminated) return;
      sent++;
      // A run built afresh starts at iteration 0: the others wait for it from now on.
      if (msg.type === 'init' || msg.type === 'reset') {
        const ids = msg.type === 'init' ? [msg.runId ?? 0] : [...runs.keys()];
        for (const r of ids) {
          runs.set(r, { iteration: 0, run: -1, live: true, rate: 0 });
          restartAt.set(r, sent);
        }
      }
      if ('runId' in msg && msg.runId !== undefined) {
        const m = memberOf(msg.runId);
        m.hosts.add(msg.runId);
        deliver(m, msg, true);
      } else for (const m of members) deliver(m, msg, true);
      if (msg.type === 'init' || msg.type === 'reset') pace();
    },
    subscribe: (cb) => subscribeLate(listeners, ready, cb),
    terminate() {
      terminated = true;
      for (const m of members) {
        m.unsubscribe();
        m.client.terminate();
      }
      listeners.clear();
    },
  };
}
