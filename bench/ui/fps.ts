/**
 * Frames per second of the playground in headless Chromium while training runs (issue 6: ≥ 55
 * median at H = 64, T = 100). A requestAnimationFrame counter is injected into the page; it counts
 * frames per wall-clock second over the window, and a PerformanceObserver collects long tasks. The
 * header's iteration count proves training advanced; its steps/s readout is the worker's own rate.
 * Each cell is measured in a fresh 1280×800 page: first idle (paused) as the baseline of what this
 * headless Chromium delivers at all, then training.
 *
 *   npm run bench:ui                          # LSTM and tanh RNN at H=64, T=100, default batch
 *   npm run bench:ui -- --no-build --seconds 20 --json
 *   npm run bench:ui -- --no-minify --profile # also a main-thread breakdown and hottest functions
 *
 * Flags: --cells lstm,rnn  --H 64  --T 100  --batch N  --embed (the iframe view: every panel, no
 * header; the iteration is read off its loss panel)  --warmup S (default 3)  --seconds S (default
 * 10)  --until-iteration N (after warm-up, also wait for N iterations: a long session's histories)
 * --idle S (default 5; 0 skips)  --profile  --css 'RULES' (inject a style sheet: A/B experiments such
 * as --css 'table{display:none!important}' to see what the hidden data tables cost)  --no-build / --dist DIR / --no-minify (common.ts)
 * --json.
 * Headless Chromium runs with --disable-gpu (software compositing); rAF there is driven by the
 * compositor's 60 Hz begin-frame clock, so 60 is the ceiling and idle shows what the machine gives.
 */
import {
  flag,
  hasFlag,
  launchBrowser,
  newPage,
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
import { install, record, round, type Phase } from './frames';
import { profileMainThread, type MainThreadProfile } from './profile';

interface CellResult {
  cell: string;
  query: string;
  idle: Phase | null;
  training: Phase;
  profile: MainThreadProfile | null;
  errors: string[];
}

function phases(r: CellResult): [string, Phase][] {
  const out: [string, Phase][] = r.idle ? [[`${r.cell} idle`, r.idle]] : [];
  out.push([`${r.cell} training`, r.training]);
  return out;
}

async function main() {
  const cells = (flag('cells') ?? 'lstm,rnn').split(',');
  const H = numFlag('H', 64);
  const T = numFlag('T', 100);
  const batch = flag('batch');
  const warmup = numFlag('warmup', 3);
  const seconds = numFlag('seconds', 10);
  const untilIteration = flag('until-iteration') ? numFlag('until-iteration', 0) : 0;
  const idleSeconds = flag('idle') === '0' ? 0 : numFlag('idle', 5);
  const dir = prepareDist();
  const src = sourceState();
  const srv = await serve(dir);
  const browser = await launchBrowser();
  const results: CellResult[] = [];
  try {
    for (const cell of cells) {
      const query = `cell=${cell}&H=${H}&T=${T}&task=adding${batch ? `&batch=${batch}` : ''}${hasFlag('embed') ? '&embed=1' : ''}`;
      const page = await newPage(browser);
      const errors = await openApp(page, srv.url, query);
      const css = flag('css');
      if (css) await page.addStyleTag({ content: css });
      await install(page);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      let idle: Phase | null = null;
      if (idleSeconds > 0) {
        await sleep(1000);
        idle = await record(page, cdp, idleSeconds);
      }
      await play(page);
      await sleep(warmup * 1000);
      if (untilIteration > 0) {
        // Long sessions: the loss history (and its data table) grows until LOSS_CAP points.
        await page.waitForFunction(
          (n) =>
            Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= n,
          untilIteration,
          {
            timeout: 0,
            polling: 1000,
          },
        );
      }
      const training = await record(page, cdp, seconds);
      const profile = hasFlag('profile') ? await profileMainThread(browser, page, 5) : null;
      await pause(page);
      results.push({ cell, query, idle, training, profile, errors });
      console.error(
        `[${cell}] training fps median ${training.fpsMedian}, ${training.iterationsPerSecond} it/s, load ${training.load1}`,
      );
      await page.context().close();
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  if (hasFlag('json')) {
    console.log(
      JSON.stringify({ source: src, dist: dir, warmup, untilIteration, seconds, results }, null, 2),
    );
    return;
  }
  console.log(
    `fps in headless Chromium (--disable-gpu), 1280×800, H=${H} T=${T}, warm-up ${warmup} s` +
      `${untilIteration ? ` then until iteration ${untilIteration}` : ''}${flag('css') ? `, injected CSS ${flag('css')}` : ''}; ` +
      `source ${src.commit}${src.dirty ? ' + local changes' : ''}; target ≥ 55 median`,
  );
  console.log(
    table(
      [
        'page',
        'fps median',
        'fps min',
        'frame p50 ms',
        'p95 ms',
        'max ms',
        '>50 ms',
        'long tasks',
        'long ms',
        'it/s',
        'worker steps/s',
        'load1',
      ],
      results.flatMap((r) =>
        phases(r).map(([name, p]) => [
          name,
          p.fpsMedian,
          p.fpsMin,
          p.frameMsP50,
          p.frameMsP95,
          p.frameMsMax,
          p.slowFrames,
          p.longTaskSupported ? p.longTasks : 'n/a',
          p.longTaskSupported ? p.longTaskMs : 'n/a',
          p.iterationsPerSecond,
          p.workerStepsPerSecond,
          p.load1,
        ]),
      ),
    ),
  );
  console.log('\nrenderer main thread, CPU (thread-time) ms per second of wall time');
  console.log(
    table(
      [
        'page',
        'CPU ms/s',
        'task ms/s',
        'script ms/s',
        'layout ms/s',
        'style ms/s',
        'layouts/s',
        'style recalcs/s',
      ],
      results.flatMap((r) =>
        phases(r).map(([name, p]) => {
          const m = p.main;
          return [
            name,
            m.cpuMs,
            m.taskMs,
            m.scriptMs,
            m.layoutMs,
            m.styleMs,
            m.layouts,
            m.styleRecalcs,
          ];
        }),
      ),
    ),
  );
  for (const r of results) {
    console.log(
      `${r.cell}: frames per second, second by second: ${r.training.perSecond.join(' ')}`,
    );
    if (r.errors.length) console.log(`${r.cell}: console errors: ${r.errors.join(' | ')}`);
    if (r.profile) {
      const t = r.profile.tasks;
      console.log(
        `\n${r.cell}: ${t.count} main-thread tasks in ${r.profile.seconds} s; ` +
          `wall ms p50 ${t.wall.p50} p95 ${t.wall.p95} p99 ${t.wall.p99} max ${t.wall.max} (${t.wallOver50ms} over 50 ms); ` +
          `CPU ms p50 ${t.cpu.p50} p95 ${t.cpu.p95} p99 ${t.cpu.p99} max ${t.cpu.max} (${t.cpuOver16ms} over 16.7 ms)`,
      );
      console.log(
        `\n${r.cell}: inside the tasks over 16.7 ms CPU (CPU ms by nested event; overlapping):`,
      );
      console.log(
        table(
          ['event', 'CPU ms'],
          r.profile.longTaskInside.map((e) => [e.name, e.cpuMs]),
        ),
      );
      console.log(
        `\n${r.cell}: main thread over ${r.profile.seconds} s of training, from a trace (nested events overlap):`,
      );
      console.log(
        table(
          ['event', 'wall ms', 'CPU ms', 'CPU ms/s'],
          r.profile.events.map((e) => [e.name, e.ms, e.cpuMs, round(e.cpuMs / r.profile!.seconds)]),
        ),
      );
      console.log(
        `\n${r.cell}: React components, render phase only (CPU profile, inclusive ms over ${r.profile.seconds} s):`,
      );
      console.log(
        table(
          ['component', 'total ms', 'where'],
          r.profile.components.map((f) => [f.name, f.totalMs, f.where]),
        ),
      );
      console.log(
        `\n${r.cell}: hottest functions (CPU profile, inclusive ms over ${r.profile.seconds} s; components start upper-case):`,
      );
      console.log(
        table(
          ['function', 'self ms', 'total ms', 'where'],
          r.profile.functions.map((f) => [f.name, f.selfMs, f.totalMs, f.where]),
        ),
      );
    }
  }
}

await main();
