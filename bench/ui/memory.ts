/**
 * Long-session memory in Chromium (issue 8: the JS heap after 10 minutes of training stays within
 * 1.5× of the heap after 1 minute). Each config trains in its own page; at each sample the page
 * and the training worker are garbage-collected through the DevTools protocol first, so samples
 * measure what is retained, not what is waiting for the collector.
 *
 *   npm run bench:memory                      # limit (LSTM H=128 T=1000 B=64) and mid size, 1 and 10 min
 *   npm run bench:memory -- --minutes 3 --first 0.5 --every 0.5 --configs mid --json
 *
 * Flags: --configs limit,mid,rnn-mid (which pages; they train at the same time), --first MIN (the
 * reference sample, default 1), --minutes MIN (the last sample, default 10), --every MIN (samples in
 * between, default 1), --no-build / --dist DIR (see common.ts), --json (JSON on stdout instead of
 * tables), --out FILE (JSON to a file as well).
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import {
  flag,
  hasFlag,
  launchBrowser,
  load,
  newPage,
  numFlag,
  openApp,
  play,
  prepareDist,
  readHeader,
  serve,
  sleep,
  sourceState,
  table,
} from './common';

const CONFIGS: Record<string, string> = {
  limit: 'cell=lstm&H=128&T=1000&batch=64&task=adding',
  mid: 'cell=lstm&H=64&T=100&batch=16&task=adding',
  'rnn-mid': 'cell=rnn&H=64&T=100&batch=16&task=adding',
};

interface Sample {
  minutes: number;
  iteration: number;
  running: boolean;
  /** performance.memory.usedJSHeapSize after a forced GC (bytes). */
  pageUsed: number;
  /** Runtime.getHeapUsage usedSize of the page isolate after GC (bytes). */
  pageIsolate: number;
  /** Runtime.getHeapUsage usedSize of the worker isolate after GC (bytes); NaN if unreachable. */
  workerUsed: number;
  /**
   * Runtime.getHeapUsage backingStorageSize: ArrayBuffer contents outside the JS heap (the
   * Float64Arrays of weights, traces and histories live here, not in usedSize). NaN if not reported.
   */
  pageBacking: number;
  workerBacking: number;
  domNodes: number;
  load1: number;
}

/**
 * The worker's isolate through the page's DevTools session: auto-attach hands us a child session,
 * and commands travel as Target.sendMessageToTarget (dedicated workers have no performance.memory).
 */
class WorkerChannel {
  private sessionId: string | null = null;
  private nextId = 1;
  private waiting = new Map<number, (result: unknown) => void>();

  constructor(private cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') this.sessionId = e.sessionId;
    });
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg.result ?? msg.error);
    });
  }

  async attach(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    for (let i = 0; i < 50 && this.sessionId === null; i++) await sleep(100);
  }

  send(method: string, params: object = {}): Promise<unknown> {
    const sessionId = this.sessionId;
    if (sessionId === null) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), 30000);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(r);
      });
      void this.cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  }

  async usageAfterGc(): Promise<HeapUsage> {
    await this.send('HeapProfiler.collectGarbage');
    return heapUsage((await this.send('Runtime.getHeapUsage')) as RawHeapUsage | null);
  }
}

interface RawHeapUsage {
  usedSize?: number;
  backingStorageSize?: number;
}
interface HeapUsage {
  used: number;
  backing: number;
}
const heapUsage = (r: RawHeapUsage | null): HeapUsage => ({
  used: r?.usedSize ?? NaN,
  backing: r?.backingStorageSize ?? NaN,
});

interface Run {
  name: string;
  query: string;
  page: Page;
  cdp: CDPSession;
  worker: WorkerChannel;
  errors: string[];
  samples: Sample[];
  /** How long Play stayed disabled after the page loaded (model and first trace being built). */
  readyMs: number;
}

async function sample(run: Run, minutes: number): Promise<Sample> {
  await run.cdp.send('HeapProfiler.collectGarbage');
  const worker = await run.worker.usageAfterGc();
  const pageHeap = heapUsage((await run.cdp.send('Runtime.getHeapUsage')) as RawHeapUsage);
  const pageUsed = await run.page.evaluate(
    () =>
      (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
      NaN,
  );
  const metrics = (await run.cdp.send('Performance.getMetrics')).metrics;
  const domNodes = metrics.find((m) => m.name === 'Nodes')?.value ?? NaN;
  const h = await readHeader(run.page);
  const running = (await run.page.getByRole('button', { name: 'Pause' }).count()) > 0;
  const s: Sample = {
    minutes,
    iteration: h.iteration,
    running,
    pageUsed,
    pageIsolate: pageHeap.used,
    pageBacking: pageHeap.backing,
    workerUsed: worker.used,
    workerBacking: worker.backing,
    domNodes,
    load1: load().load1,
  };
  run.samples.push(s);
  console.error(
    `[${run.name}] ${minutes} min: iteration ${s.iteration}, page ${mb(pageUsed)} MB (+${mb(s.pageBacking)} MB buffers), worker ${mb(s.workerUsed)} MB (+${mb(s.workerBacking)} MB buffers), nodes ${domNodes}, load ${s.load1}`,
  );
  return s;
}

const mb = (b: number) => (b / 2 ** 20).toFixed(2);

async function main() {
  const names = (flag('configs') ?? 'limit,mid').split(',');
  for (const n of names)
    if (!CONFIGS[n])
      throw new Error(`unknown config ${n}; known: ${Object.keys(CONFIGS).join(', ')}`);
  const first = numFlag('first', 1);
  const last = numFlag('minutes', 10);
  const every = numFlag('every', 1);
  const times = [first];
  for (let t = first + every; t < last - 1e-9; t += every) times.push(Math.round(t * 1000) / 1000);
  if (last > first) times.push(last);

  const dir = prepareDist();
  const src = sourceState();
  const srv = await serve(dir);
  const browser = await launchBrowser(['--enable-precise-memory-info']);
  const runs: Run[] = [];
  try {
    for (const name of names) {
      const page = await newPage(browser);
      const errors = await openApp(page, srv.url, CONFIGS[name]!);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const worker = new WorkerChannel(cdp);
      await worker.attach();
      runs.push({
        name,
        query: CONFIGS[name]!,
        page,
        cdp,
        worker,
        errors,
        samples: [],
        readyMs: NaN,
      });
    }
    for (const r of runs) {
      r.readyMs = await play(r.page);
      console.error(`[${r.name}] Play enabled after ${(r.readyMs / 1000).toFixed(1)} s`);
    }
    const t0 = Date.now();
    for (const t of times) {
      const wait = t0 + t * 60000 - Date.now();
      if (wait > 0) await sleep(wait);
      for (const r of runs) await sample(r, t);
    }
  } finally {
    const report = runs.map((r) => {
      const a = r.samples[0];
      const b = r.samples[r.samples.length - 1];
      return {
        config: r.name,
        query: r.query,
        readyMs: r.readyMs,
        samples: r.samples,
        pageRatio: a && b ? b.pageUsed / a.pageUsed : NaN,
        workerRatio: a && b ? b.workerUsed / a.workerUsed : NaN,
        pageBackingRatio: a && b ? b.pageBacking / a.pageBacking : NaN,
        workerBackingRatio: a && b ? b.workerBacking / a.workerBacking : NaN,
        errors: r.errors,
      };
    });
    await browser.close();
    await srv.close();
    const meta = { source: src, dist: dir, first, last };
    const json = JSON.stringify({ ...meta, runs: report }, null, 2);
    const out = flag('out');
    if (out) writeFileSync(out, json);
    if (hasFlag('json')) console.log(json);
    else {
      console.log(
        `memory after GC (MB); source ${src.commit}${src.dirty ? ' + local changes' : ''}; target: last/first ≤ 1.5`,
      );
      for (const r of report) {
        console.log(
          `\n${r.config}: ${r.query} (Play enabled after ${(r.readyMs / 1000).toFixed(1)} s)`,
        );
        console.log(
          table(
            [
              'min',
              'iteration',
              'running',
              'page heap',
              'page isolate',
              'page buffers',
              'worker heap',
              'worker buffers',
              'DOM nodes',
              'load1',
            ],
            r.samples.map((s) => [
              s.minutes,
              s.iteration,
              s.running ? 'yes' : 'NO',
              mb(s.pageUsed),
              mb(s.pageIsolate),
              mb(s.pageBacking),
              mb(s.workerUsed),
              mb(s.workerBacking),
              s.domNodes,
              s.load1,
            ]),
          ),
        );
        console.log(
          `ratio ${last} min / ${first} min: page heap ${r.pageRatio.toFixed(3)}, worker heap ${r.workerRatio.toFixed(3)}; ` +
            `buffers: page ${r.pageBackingRatio.toFixed(3)}, worker ${r.workerBackingRatio.toFixed(3)}`,
        );
        if (r.errors.length) console.log(`console errors: ${r.errors.join(' | ')}`);
      }
    }
  }
}

await main();
