/**
 * Shared pieces of the browser benchmarks (bench/ui/fps.ts, bench/ui/memory.ts): build the site,
 * serve it from a sub-path, launch Debian's Chromium with the e2e flags, open the playground with a
 * config, and read the header. Not tests: they print measurements.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, watchErrors } from '../../tests/e2e/browser';
import { serveStatic } from '../../tests/e2e/server';

/** Where the benchmarks build, so a run never empties the dist/ that e2e tests may be serving. */
export const BENCH_DIST = 'node_modules/.cache/bench-ui/dist';

/** `--name value` or `--name=value` from argv; undefined if absent. */
export function flag(name: string, argv = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

export function hasFlag(name: string, argv = process.argv.slice(2)): boolean {
  return argv.includes(`--${name}`);
}

export function numFlag(name: string, fallback: number): number {
  const raw = flag(name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0)
    throw new Error(`--${name} needs a positive number, got ${raw}`);
  return v;
}

/**
 * The directory to serve. Default: a fresh `vite build` of the work tree into BENCH_DIST.
 * `--no-build` serves `--dist DIR` (default dist/) as it is, building it only if missing;
 * `--no-minify` builds unminified keeps names readable for profiles.
 */
export function prepareDist(): string {
  const noBuild = hasFlag('no-build');
  const dir = noBuild
    ? (flag('dist') ?? 'dist')
    : hasFlag('no-minify')
      ? `${BENCH_DIST}-unminified`
      : BENCH_DIST;
  if (noBuild && existsSync(`${dir}/index.html`)) return dir;
  const args = ['vite', 'build', '--logLevel', 'warn', '--outDir', dir, '--emptyOutDir'];
  if (hasFlag('no-minify')) args.push('--minify', 'false');
  const t0 = Date.now();
  const r = spawnSync('npx', args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status})`);
  console.error(`built ${dir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

/** Commit and whether the work tree had local changes (the build includes them). */
export function sourceState(): { commit: string; dirty: boolean } {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const st = spawnSync('git', ['status', '--porcelain', '--', 'src', 'index.html', 'public'], {
    encoding: 'utf8',
  });
  return { commit: head.stdout.trim() || '?', dirty: st.stdout.trim().length > 0 };
}

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url } = await serveStatic(dir, '/course/bptt/');
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Navigate `page` to `url?query` and wait for the header's iteration count; returns its error list. */
export async function openApp(page: Page, url: string, query: string): Promise<string[]> {
  const errors = watchErrors(page);
  await page.goto(`${url}?${query}`);
  // The full page's header, or the embed's bar (an embed has no header: see readHeader).
  await page.locator('[data-readout="header-iteration"], .embed-bar').first().waitFor();
  // tsx compiles named inner functions to __name(fn, "…") calls; page.evaluate ships that source.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return errors;
}

/** A fresh 1280×800 page in its own context (own storage, own worker). */
export async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const ctx = await browser.newContext({ viewport });
  return ctx.newPage();
}

/**
 * Press Play once it is enabled (it is disabled until the worker has built the model and the first
 * trace, which takes seconds at the size limit). Returns the milliseconds spent waiting for that.
 */
export async function play(page: Page, timeoutMs = 600000): Promise<number> {
  const t0 = Date.now();
  const button = page.getByRole('button', { name: 'Play' }).first();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === 'Play' && !b.disabled),
    null,
    { timeout: timeoutMs, polling: 200 },
  );
  const waited = Date.now() - t0;
  await button.click();
  await page.getByRole('button', { name: 'Pause' }).first().waitFor({ timeout: timeoutMs });
  return waited;
}

export async function pause(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Pause' }).first().click();
}

/** The header's iteration count and its steps/s readout (the worker's own 0.5 s rate; NaN if "—"). */
export async function readHeader(
  page: Page,
): Promise<{ iteration: number; stepsPerSecond: number; inline: boolean }> {
  return page.evaluate(() => {
    // An embed has no header: its loss panel shows the iteration.
    const it = Number(
      document.querySelector('[data-readout="header-iteration"], [data-readout="iteration"]')
        ?.textContent ?? NaN,
    );
    const dd = [...document.querySelectorAll('.header-readouts dt')].find(
      (d) => d.textContent === 'steps/s',
    )?.nextElementSibling;
    const text = dd?.textContent ?? '';
    return {
      iteration: it,
      stepsPerSecond: Number.parseFloat(text),
      inline: text.includes('page thread'),
    };
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** 1-minute load average and core count: the machine is shared, so every figure carries it. */
export function load(): { load1: number; load5: number } {
  const [l1 = NaN, l5 = NaN] = loadavg();
  return { load1: Math.round(l1 * 100) / 100, load5: Math.round(l5 * 100) / 100 };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** Fixed-width table for the console. */
export function table(
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [head, ...rows].map((r) => r.map((c) => String(c)));
  const w = head.map((_, j) => Math.max(...cells.map((r) => r[j]?.length ?? 0)));
  const line = (r: string[]) =>
    r.map((c, j) => (j === 0 ? c.padEnd(w[j]!) : c.padStart(w[j]!))).join('  ');
  return [
    line(cells[0]!),
    w.map((n) => '-'.repeat(n)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}
