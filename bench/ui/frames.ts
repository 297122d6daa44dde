/**
 * Frame and main-thread recording shared by the fps and compare modes of bench:ui: a
 * requestAnimationFrame counter and a long-task observer injected into the page, and the DevTools
 * Performance domain's thread-time counters over one window.
 */
import type { CDPSession, Page } from 'playwright-core';
import { load, median, quantile, readHeader, sleep } from './common';

interface Recording {
  /** Frame timestamps (ms), long tasks and steps/s readouts recorded in the page. */
  frames: number[];
  longTasks: number[];
  stepsPerSecond: number[];
  start: number;
  end: number;
  longTaskSupported: boolean;
}

export interface Phase {
  seconds: number;
  perSecond: number[];
  fpsMedian: number;
  fpsMin: number;
  frameMsP50: number;
  frameMsP95: number;
  frameMsMax: number;
  /** Frames that took longer than 50 ms (visible stutter). */
  slowFrames: number;
  longTasks: number;
  longTaskMs: number;
  longTaskSupported: boolean;
  iterationsPerSecond: number;
  /** Median of the header's steps/s readout, read once a second in the page. */
  workerStepsPerSecond: number;
  load1: number;
  /**
   * Main-thread cost per second of wall time from the DevTools Performance domain, measured in thread
   * time (CPU time of the renderer main thread: what a quiet machine would also have to spend, while
   * wall times on a loaded machine include waiting for a core): all tasks, script, layout, style
   * recalculation; counts are per second.
   */
  main: {
    cpuMs: number;
    taskMs: number;
    scriptMs: number;
    layoutMs: number;
    styleMs: number;
    layouts: number;
    styleRecalcs: number;
  };
}

const METRICS = [
  'ThreadTime',
  'TaskDuration',
  'ScriptDuration',
  'LayoutDuration',
  'RecalcStyleDuration',
  'LayoutCount',
  'RecalcStyleCount',
] as const;

async function metrics(cdp: CDPSession): Promise<Record<(typeof METRICS)[number], number>> {
  const all = (await cdp.send('Performance.getMetrics')).metrics;
  return Object.fromEntries(
    METRICS.map((m) => [m, all.find((x) => x.name === m)?.value ?? NaN]),
  ) as Record<(typeof METRICS)[number], number>;
}

/** Install the counters once per page; `record` then measures one window. */
export async function install(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: Recording & { on: boolean } };
    const b = {
      frames: [] as number[],
      longTasks: [] as number[],
      stepsPerSecond: [] as number[],
      start: 0,
      end: 0,
      longTaskSupported: false,
      on: false,
    };
    w.__bench = b;
    const tick = (t: number) => {
      if (b.on) b.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      b.longTaskSupported = true;
      new PerformanceObserver((list) => {
        if (b.on) for (const e of list.getEntries()) b.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    }
    setInterval(() => {
      if (!b.on) return;
      const dd = [...document.querySelectorAll('.header-readouts dt')].find(
        (d) => d.textContent === 'steps/s',
      )?.nextElementSibling;
      const v = Number.parseFloat(dd?.textContent ?? '');
      if (Number.isFinite(v)) b.stepsPerSecond.push(v);
    }, 1000);
  });
}

export async function record(page: Page, cdp: CDPSession, seconds: number): Promise<Phase> {
  const h0 = await readHeader(page);
  const m0 = await metrics(cdp);
  const t0 = Date.now();
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: Recording & { on: boolean } }).__bench;
    b.frames = [];
    b.longTasks = [];
    b.stepsPerSecond = [];
    b.start = performance.now();
    b.on = true;
  });
  await sleep(seconds * 1000);
  const w = await page.evaluate(() => {
    const b = (window as unknown as { __bench: Recording & { on: boolean } }).__bench;
    b.on = false;
    b.end = performance.now();
    return {
      frames: b.frames,
      longTasks: b.longTasks,
      stepsPerSecond: b.stepsPerSecond,
      start: b.start,
      end: b.end,
      longTaskSupported: b.longTaskSupported,
    };
  });
  const m1 = await metrics(cdp);
  const h1 = await readHeader(page);
  const elapsed = (Date.now() - t0) / 1000;
  const rate = (m: (typeof METRICS)[number], scale = 1000) =>
    round(((m1[m] - m0[m]) * scale) / elapsed);
  const whole = Math.floor((w.end - w.start) / 1000);
  const perSecond = Array.from({ length: whole }, () => 0);
  for (const f of w.frames) {
    const k = Math.floor((f - w.start) / 1000);
    if (k < whole) perSecond[k]!++;
  }
  const gaps = w.frames.slice(1).map((f, i) => f - w.frames[i]!);
  return {
    seconds: whole,
    perSecond,
    fpsMedian: median(perSecond),
    fpsMin: Math.min(...perSecond),
    frameMsP50: round(quantile(gaps, 0.5)),
    frameMsP95: round(quantile(gaps, 0.95)),
    frameMsMax: round(Math.max(...gaps)),
    slowFrames: gaps.filter((g) => g > 50).length,
    longTasks: w.longTasks.length,
    longTaskMs: round(w.longTasks.reduce((s, d) => s + d, 0)),
    longTaskSupported: w.longTaskSupported,
    iterationsPerSecond: round((h1.iteration - h0.iteration) / elapsed),
    workerStepsPerSecond: median(w.stepsPerSecond),
    load1: load().load1,
    main: {
      cpuMs: rate('ThreadTime'),
      taskMs: rate('TaskDuration'),
      scriptMs: rate('ScriptDuration'),
      layoutMs: rate('LayoutDuration'),
      styleMs: rate('RecalcStyleDuration'),
      layouts: rate('LayoutCount', 1),
      styleRecalcs: rate('RecalcStyleCount', 1),
    },
  };
}

export const round = (x: number) => Math.round(x * 10) / 10;
