/**
 * First load: navigation → the hero chart drawn with data, under Chromium's CPU throttling (4× by
 * default, a mid-range phone). Each run is a fresh browser context (empty cache, new worker), so
 * every byte is fetched, parsed and compiled again. Reported per run, with the median:
 *   fcp      first contentful paint (the page's shell),
 *   chart    the gradient panel's ratio readout holds the first snapshot's value, one frame later
 *            (the frame that paints it),
 *   scripts  how many scripts the page fetched before `chart`, and their bytes (uncompressed: the
 *            test server sends files as they are; the gzip sizes are in tests/build/size.test.ts).
 * Throttling: Emulation.setCPUThrottlingRate on the page's CDP session, set before navigation. It
 * slows the page's renderer; the training worker runs in the same renderer process, so it slows too.
 *
 *   npm run bench:ui -- --mode load [--rate 4] [--runs 5] [--query 'cell=lstm'] [--no-build]
 */
import type { Browser } from 'playwright-core';
import {
  flag,
  launchBrowser,
  load,
  median,
  numFlag,
  prepareDist,
  serve,
  sourceState,
  table,
} from './common';
import { watchErrors } from '../../tests/e2e/browser';

export interface LoadRun {
  /** Worker constructed, its `ready`, its first snapshot on the page (ms since navigation). */
  workerCreatedMs: number;
  workerReadyMs: number;
  firstSnapshotMs: number;
  fcpMs: number;
  chartMs: number;
  scripts: number;
  scriptBytes: number;
  errors: string[];
}

/**
 * Installed before any page script: notes when the worker is created, says `ready`, posts its first
 * snapshot, and when the ratio readout first carries a value.
 */
const OBSERVER = `(() => {
  const w = window;
  w.__firstChart = null;
  w.__phases = {};
  const W = w.Worker;
  w.Worker = class extends W {
    constructor(...a) {
      w.__phases.workerCreated ??= performance.now();
      super(...a);
      this.addEventListener('message', (e) => {
        const t = e.data && e.data.type;
        if (t === 'ready') w.__phases.workerReady ??= performance.now();
        if (t === 'snapshot') w.__phases.firstSnapshot ??= performance.now();
      });
    }
  };
  const check = () => {
    if (w.__firstChart !== null) return true;
    const el = document.querySelector('[data-readout="ratio"][data-value]');
    if (!el) return false;
    requestAnimationFrame(() => { w.__firstChart = performance.now(); });
    return true;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
})();`;

export async function measureLoad(
  browser: Browser,
  url: string,
  query: string,
  rate: number,
): Promise<LoadRun> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(OBSERVER);
  const cdp = await ctx.newCDPSession(page);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${url}${query ? `?${query}` : ''}`);
  await page.waitForFunction(
    () => (window as { __firstChart?: number | null }).__firstChart,
    null,
    {
      timeout: 120_000,
      polling: 50,
    },
  );
  const r = await page.evaluate(() => {
    const chart = (window as unknown as { __firstChart: number }).__firstChart;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    const scripts = performance
      .getEntriesByType('resource')
      .filter(
        (e) =>
          (e as PerformanceResourceTiming).initiatorType === 'script' ||
          e.name.endsWith('.js') ||
          e.name.endsWith('.mjs'),
      )
      .filter((e) => e.startTime < chart) as PerformanceResourceTiming[];
    const phases = (window as unknown as { __phases: Record<string, number> }).__phases;
    return {
      phases,
      chart,
      fcp,
      scripts: scripts.length,
      bytes: scripts.reduce((s, e) => s + e.encodedBodySize, 0),
    };
  });
  await ctx.close();
  return {
    workerCreatedMs: Math.round(r.phases.workerCreated ?? NaN),
    workerReadyMs: Math.round(r.phases.workerReady ?? NaN),
    firstSnapshotMs: Math.round(r.phases.firstSnapshot ?? NaN),
    fcpMs: Math.round(r.fcp),
    chartMs: Math.round(r.chart),
    scripts: r.scripts,
    scriptBytes: r.bytes,
    errors,
  };
}

export async function main() {
  const rate = numFlag('rate', 4);
  const runs = numFlag('runs', 5);
  const query = flag('query') ?? '';
  const dir = prepareDist();
  const src = sourceState();
  const srv = await serve(dir);
  const browser = await launchBrowser();
  const results: LoadRun[] = [];
  try {
    for (let k = 0; k < runs; k++) {
      const r = await measureLoad(browser, srv.url, query, rate);
      results.push(r);
      console.error(`run ${k + 1}: first chart ${r.chartMs} ms (fcp ${r.fcpMs} ms)`);
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  const { load1 } = load();
  console.log(
    `First load in headless Chromium, CPU throttled ${rate}×, page ?${query}; ` +
      `${dir}, built from ${src.commit}${src.dirty ? ' + local changes' : ''} (unless --dist); load1 ${load1}`,
  );
  console.log(
    table(
      [
        'run',
        'first chart ms',
        'fcp ms',
        'worker created',
        'worker ready',
        'first snapshot',
        'scripts',
        'script KB',
      ],
      [
        ...results.map((r, k) => [
          k + 1,
          r.chartMs,
          r.fcpMs,
          r.workerCreatedMs,
          r.workerReadyMs,
          r.firstSnapshotMs,
          r.scripts,
          (r.scriptBytes / 1024).toFixed(1),
        ]),
        [
          'median',
          ...(
            ['chartMs', 'fcpMs', 'workerCreatedMs', 'workerReadyMs', 'firstSnapshotMs'] as const
          ).map((k) => median(results.map((r) => r[k]))),
          '',
          '',
        ],
      ],
    ),
  );
  const errors = results.flatMap((r) => r.errors);
  if (errors.length) console.log(`console errors: ${[...new Set(errors)].join(' | ')}`);
}
