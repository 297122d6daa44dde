/**
 * `npm run bench:ui -- --mode compare`: the Compare view under load (issue 16). First one run alone
 * (its iterations per second are the reference), then N runs of the same settings side by side
 * (`compare=same;…`): frames per second of the page while they train (median over the window), the
 * iterations per second of each run and of all runs together, and their ratio to the lone run's.
 * With --rounds N the pair is measured N times, alternately, so load from other processes hits both
 * alike; the summary gives the medians over rounds (the ratio is taken within each round).
 *
 *   npm run bench:ui -- --mode compare                       # 4 LSTM runs, H=64, T=100, batch 32
 *   npm run bench:ui -- --mode compare --runs 2 --cores 8    # pretend 8 cores: one worker per run
 *
 * Flags: --cell lstm --runs 4 --H 64 --T 100 --batch 32 --warmup S (3) --seconds S (10) --rounds N (1) --cores N
 * (overrides navigator.hardwareConcurrency in the page, to try another worker layout) --json, and
 * --no-build / --dist DIR / --no-minify (common.ts).
 */
import type { Browser } from 'playwright-core';
import {
  flag,
  hasFlag,
  launchBrowser,
  load,
  median,
  numFlag,
  openApp,
  pause,
  play,
  prepareDist,
  serve,
  sleep,
  sourceState,
  table,
} from './common';
import { install, record, type Phase } from './frames';

interface Row {
  round: number;
  page: string;
  runs: number;
  layout: string;
  phase: Phase;
  errors: string[];
}

async function measure(
  round: number,
  browser: Browser,
  url: string,
  query: string,
  runs: number,
  cores: number | null,
): Promise<Row> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (cores !== null)
    await ctx.addInitScript(
      `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${cores} })`,
    );
  const page = await ctx.newPage();
  const compare =
    runs > 1
      ? `&compare=${Array(runs - 1)
          .fill('same')
          .join(';')}`
      : '';
  const errors = await openApp(page, url, query + compare);
  await install(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await play(page);
  await sleep(numFlag('warmup', 3) * 1000);
  const phase = await record(page, cdp, numFlag('seconds', 10));
  const status = runs > 1 ? ((await page.locator('.compare-status').textContent()) ?? '') : '';
  const layout = /(\d+ runs in \d+ workers? \([^)]*\))/.exec(status)?.[1] ?? '1 run, 1 worker';
  await pause(page);
  await ctx.close();
  return { round, page: runs > 1 ? `${runs} runs` : '1 run', runs, layout, phase, errors };
}

export async function main(): Promise<void> {
  const cell = flag('cell') ?? 'lstm';
  const runs = numFlag('runs', 4);
  const H = numFlag('H', 64);
  const T = numFlag('T', 100);
  const batch = numFlag('batch', 32);
  const cores = flag('cores') ? numFlag('cores', 2) : null;
  const rounds = numFlag('rounds', 1);
  const loadBefore = load().load1;
  const query = `cell=${cell}&H=${H}&T=${T}&batch=${batch}&task=adding`;
  const dir = prepareDist();
  const src = sourceState();
  const srv = await serve(dir);
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (let k = 1; k <= rounds; k++)
      for (const n of [1, runs]) {
        const r = await measure(k, browser, srv.url, query, n, cores);
        rows.push(r);
        console.error(
          `[round ${k}, ${r.page}] fps median ${r.phase.fpsMedian}, ${r.phase.iterationsPerSecond} it/s per run, load ${r.phase.load1}`,
        );
      }
  } finally {
    await browser.close();
    await srv.close();
  }
  const total = (r: Row) => r.phase.iterationsPerSecond * r.runs;
  const singleOf = (r: Row) =>
    rows.find((x) => x.round === r.round && x.runs === 1)?.phase.iterationsPerSecond ?? 0;
  const ratio = (r: Row) => (singleOf(r) > 0 ? total(r) / singleOf(r) : NaN);
  const many = rows.filter((r) => r.runs > 1);
  const summary = {
    rounds,
    fpsMedianOne: median(rows.filter((r) => r.runs === 1).map((r) => r.phase.fpsMedian)),
    fpsMedianMany: median(many.map((r) => r.phase.fpsMedian)),
    ratioMedian: Math.round(median(many.map(ratio)) * 100) / 100,
    load1: { before: loadBefore, after: load().load1 },
  };
  if (hasFlag('json')) {
    console.log(JSON.stringify({ source: src, query, cores, rows, summary }, null, 2));
    return;
  }
  console.log(
    `Compare view in headless Chromium (--disable-gpu), 1280×800, ${cell} H=${H} T=${T} batch ${batch}` +
      `${cores === null ? '' : `, navigator.hardwareConcurrency set to ${cores}`}; ` +
      `source ${src.commit}${src.dirty ? ' + local changes' : ''}; targets ≥ 55 fps median, total ≥ 0.8 × one run`,
  );
  console.log(
    table(
      [
        'round',
        'page',
        'layout',
        'fps median',
        'fps min',
        'p95 ms',
        'it/s per run',
        'it/s total',
        '× one run',
        'main CPU ms/s',
        'load1',
      ],
      rows.map((r) => [
        r.round,
        r.page,
        r.layout,
        r.phase.fpsMedian,
        r.phase.fpsMin,
        r.phase.frameMsP95,
        r.phase.iterationsPerSecond,
        Math.round(total(r) * 10) / 10,
        Number.isFinite(ratio(r)) ? Math.round(ratio(r) * 100) / 100 : '—',
        r.phase.main.cpuMs,
        r.phase.load1,
      ]),
    ),
  );
  console.log(
    `Medians over ${rounds} round${rounds > 1 ? 's' : ''}: fps ${summary.fpsMedianOne} (1 run), ${summary.fpsMedianMany} (${runs} runs); ` +
      `total iterations per second ${summary.ratioMedian} × one run's; load1 ${summary.load1.before} before, ${summary.load1.after} after`,
  );
  for (const r of rows)
    if (r.errors.length > 0) console.log(`round ${r.round}, ${r.page} errors:`, r.errors);
}
