/**
 * Where the page's main thread spends its time while training: a Chromium trace (style, layout,
 * paint, script, GC by event name) and a V8 CPU profile (hottest functions, inclusive and self).
 * Build with --no-minify so component and function names survive.
 */
import type { Browser, Page } from 'playwright-core';
import { sleep } from './common';

export interface MainThreadProfile {
  seconds: number;
  /** Summed duration per trace event name on the renderer main thread (nested events overlap). */
  events: { name: string; ms: number; cpuMs: number }[];
  /**
   * Main-thread tasks (RunTask) in the trace: how many, and quantiles of their wall and CPU
   * (thread) time in ms. On a loaded machine wall ≫ CPU; CPU is what the page itself asks for.
   */
  tasks: {
    count: number;
    wall: Quantiles;
    cpu: Quantiles;
    cpuOver16ms: number;
    wallOver50ms: number;
  };
  /** Inside the tasks that took over 16.7 ms of CPU: CPU ms per nested event name (overlapping). */
  longTaskInside: { name: string; cpuMs: number }[];
  functions: FunctionCost[];
  /** Functions named like React components (upper-case first letter), by inclusive time. */
  components: FunctionCost[];
}

export interface Quantiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function quantiles(xs: number[]): Quantiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN) * 10) / 10;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: Math.round((s[s.length - 1] ?? NaN) * 10) / 10,
  };
}

export interface FunctionCost {
  name: string;
  selfMs: number;
  totalMs: number;
  where: string;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, microseconds. */
  tdur?: number;
  args?: { name?: string };
}

async function traceEvents(
  browser: Browser,
  page: Page,
  seconds: number,
): Promise<Pick<MainThreadProfile, 'events' | 'tasks' | 'longTaskInside'>> {
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'blink',
      'cc',
      'gpu',
    ],
  });
  await sleep(seconds * 1000);
  const buf = await browser.stopTracing();
  const { traceEvents: all } = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mains = new Set(
    all
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The busiest renderer main thread is the page's (other renderers are idle blank pages, if any).
  const busy = new Map<string, number>();
  for (const e of all) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(k))
      busy.set(k, (busy.get(k) ?? 0) + (e.dur ?? 0));
  }
  const main = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const byName = new Map<string, { ms: number; cpuMs: number }>();
  for (const e of all) {
    if (e.ph !== 'X' || `${e.pid}:${e.tid}` !== main) continue;
    const acc = byName.get(e.name) ?? { ms: 0, cpuMs: 0 };
    acc.ms += (e.dur ?? 0) / 1000;
    acc.cpuMs += (e.tdur ?? 0) / 1000;
    byName.set(e.name, acc);
  }
  const runs = all.filter(
    (e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === main,
  );
  const wall = runs.map((e) => (e.dur ?? 0) / 1000);
  const cpu = runs.map((e) => (e.tdur ?? 0) / 1000);
  const events = [...byName.entries()]
    .map(([name, a]) => ({ name, ms: Math.round(a.ms), cpuMs: Math.round(a.cpuMs) }))
    .filter((e) => e.ms >= 5)
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .slice(0, 24);
  const long = runs.filter((e) => (e.tdur ?? 0) > 16700);
  const inside = new Map<string, number>();
  for (const e of all) {
    if (e.ph !== 'X' || e.name === 'RunTask' || `${e.pid}:${e.tid}` !== main) continue;
    if (!long.some((t) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0))) continue;
    inside.set(e.name, (inside.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  const longTaskInside = [...inside.entries()]
    .map(([name, ms]) => ({ name, cpuMs: Math.round(ms) }))
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .slice(0, 16);
  return {
    events,
    longTaskInside,
    tasks: {
      count: runs.length,
      wall: quantiles(wall),
      cpu: quantiles(cpu),
      cpuOver16ms: cpu.filter((t) => t > 16.7).length,
      wallOver50ms: wall.filter((t) => t > 50).length,
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

async function cpuProfile(
  page: Page,
  seconds: number,
): Promise<{ functions: FunctionCost[]; components: FunctionCost[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await sleep(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    return `${f.functionName || '(anonymous)'}\t${file ? `${file}:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    // Each sample stands for the interval after it; the first delta is from profile start.
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (!leaf) return;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
  });
  const all = [...total.entries()]
    .filter(([k]) => !/^\((root|idle|program)\)/.test(k))
    .map(([k, t]) => {
      const [name = '', where = ''] = k.split('\t');
      return { name, where, totalMs: Math.round(t), selfMs: Math.round(self.get(k) ?? 0) };
    })
    .sort((a, b) => b.totalMs - a.totalMs);
  const components = all.filter((f) => /^[A-Z]/.test(f.name) && f.where !== '').slice(0, 25);
  const functions = all.slice(0, 40).concat(
    ['(program)', '(idle)', '(garbage collector)'].map((name) => ({
      name,
      where: '',
      totalMs: Math.round(self.get(`${name}\t`) ?? 0),
      selfMs: Math.round(self.get(`${name}\t`) ?? 0),
    })),
  );
  return { functions, components };
}

/** A trace then a CPU profile, `seconds` each, of `page` as it runs. */
export async function profileMainThread(
  browser: Browser,
  page: Page,
  seconds: number,
): Promise<MainThreadProfile> {
  const { events, tasks, longTaskInside } = await traceEvents(browser, page, seconds);
  const { functions, components } = await cpuProfile(page, seconds);
  return { seconds, events, tasks, longTaskInside, functions, components };
}
