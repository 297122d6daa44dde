// Saves the screenshots under docs/ from the built site (npm run build first): the README image,
// one per lesson once it has run the iterations it names (at full speed, so a few more: every
// expectation is decided by then), and the layout checks at three sizes and two themes, after a fixed
// number of iterations (not seconds: the images should not depend on the machine's speed).
// A lesson about the backward pass is not trained: its walk is stepped back with ← instead.
// The classroom group: three lessons on a projector (1280×720 and 1920×1080, large type), as they
// open and after the run their lesson names, the viewport only (what the room sees, no scrolling).
// Usage: npx tsx scripts/screenshots.ts [--only lessons|sizes|readme|families|classroom] [--lesson <id>]
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/server';
import { LESSONS } from '../src/store/lessons';

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
const lessonOnly = process.argv.includes('--lesson')
  ? process.argv[process.argv.indexOf('--lesson') + 1]
  : null;
const { server, url } = await serveStatic('dist', '/bptt/');
const browser = await launch();

async function shoot(
  query: string,
  file: string,
  w: number,
  h: number,
  opts: {
    scheme?: 'light' | 'dark';
    iterations?: number;
    full?: boolean;
    /** Train at full speed instead of 50 steps/s (a lesson's thousands of iterations). */
    fast?: boolean;
    /** Keys pressed once the backward walk is on screen (backward mode). */
    walkKeys?: readonly string[];
    /** Wait for the first snapshot to be drawn and the layout to settle (an untrained page). */
    settle?: boolean;
  } = {},
) {
  const ctx = await browser.newContext({
    viewport: { width: w, height: h },
    colorScheme: opts.scheme ?? 'light',
  });
  const page: Page = await ctx.newPage();
  await page.goto(`${url}${query}`);
  await page.locator('[data-readout="header-iteration"], .embed-bar').first().waitFor();
  // Embeds have no iteration readout: they train for a moment instead (they are layout checks).
  const counted = (await page.locator('[data-readout="header-iteration"]').count()) > 0;
  if (opts.iterations && !counted) {
    await page.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForTimeout(1500);
    const pause = page.getByRole('button', { name: 'Pause' }).first();
    if (await pause.count()) await pause.click();
  } else if (opts.iterations) {
    // At 50 steps/s a pause lands within a few iterations of the count; at max speed it would
    // overshoot by tens to hundreds (`fast`: the lessons, whose runs are thousands long and whose
    // expectations are all decided by their count).
    if (!opts.fast) await page.getByLabel('Speed').first().selectOption('50');
    await page.getByRole('button', { name: 'Play' }).first().click();
    // Training has started (a run that diverges at once may never show Pause).
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= 1 ||
        [...document.querySelectorAll('button')].some((b) => b.textContent === 'Pause'),
      null,
      { polling: 20 },
    );
    // Until the count is reached, or training stopped by itself (a divergence pauses it). In a
    // comparison a run that diverges stops alone and the header keeps its count, so any run's card
    // reaching the count will do.
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= n ||
        [...document.querySelectorAll('.run-readouts [data-readout="iteration"]')].some(
          (d) => Number(d.textContent) >= n,
        ) ||
        [...document.querySelectorAll('button')].some((b) => b.textContent === 'Play'),
      opts.iterations,
      { timeout: 240_000, polling: opts.fast ? 10 : 50 },
    );
    const pause = page.getByRole('button', { name: 'Pause' }).first();
    if (await pause.count()) await pause.click();
    await page.getByRole('button', { name: 'Play' }).first().waitFor();
    await page.waitForTimeout(300);
  }
  if (opts.settle) {
    await page.waitForFunction(
      () => document.querySelectorAll('.header-readouts dd')[1]?.textContent !== '—',
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1500);
  }
  if (opts.walkKeys) {
    await page.locator('[data-readout="walk-step"]').waitFor();
    for (const k of opts.walkKeys) await page.keyboard.press(k);
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: file, fullPage: opts.full ?? false });
  await ctx.close();
  console.log('saved', file);
}

if (!only || only === 'readme') {
  mkdirSync('docs', { recursive: true });
  await shoot('?lesson=vanishing', 'docs/screenshot.png', 1280, 800, { iterations: 400 });
}
if (!only || only === 'lessons') {
  mkdirSync('docs/lessons', { recursive: true });
  for (const l of LESSONS.filter((x) => lessonOnly === null || x.id === lessonOnly))
    await shoot(
      `?lesson=${l.id}`,
      `docs/lessons/${l.id}.png`,
      1280,
      800,
      l.view?.mode === 'backward'
        ? { walkKeys: Array<string>(25).fill('ArrowLeft'), full: true }
        : { iterations: l.iterations, full: true, fast: true },
    );
}
if (!only || only === 'sizes') {
  mkdirSync('docs/sizes', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await shoot('?lesson=lstm-belt', `docs/sizes/360x740-${scheme}.png`, 360, 740, {
      scheme,
      iterations: 150,
    });
    await shoot('?lesson=lstm-belt', `docs/sizes/1280x800-${scheme}.png`, 1280, 800, {
      scheme,
      iterations: 150,
    });
    await shoot(
      '?lesson=lstm-belt&large=1',
      `docs/sizes/1920x1080-${scheme}-large.png`,
      1920,
      1080,
      { scheme, iterations: 150 },
    );
  }
  await shoot(
    '?embed=1&lesson=lstm-belt&panels=belt&controls=forget,play',
    'docs/sizes/embed-640x400.png',
    640,
    400,
    { iterations: 150 },
  );
  await shoot(
    '?embed=1&lesson=vanishing&panels=grad&controls=rho,play',
    'docs/sizes/embed-480x360.png',
    480,
    360,
    { iterations: 60 },
  );
}
if (!only || only === 'families') {
  // Each newer family's panels, full page, at the size the page promises to train smoothly
  // (H = 64, T = 100); the layouts at other sizes are the same as every cell's (docs/sizes).
  mkdirSync('docs/families', { recursive: true });
  for (const cell of ['lru', 'rglru', 's6', 'attention'])
    await shoot(`?cell=${cell}&H=64&T=100`, `docs/families/${cell}.png`, 1280, 800, {
      iterations: 60,
      full: true,
    });
}
if (!only || only === 'classroom') {
  mkdirSync('docs/classroom', { recursive: true });
  for (const id of ['vanishing', 'lstm-belt', 'attention-one-hop']) {
    const l = LESSONS.find((x) => x.id === id)!;
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const base = `docs/classroom/${id}-${w}x${h}-large`;
      await shoot(`?lesson=${id}&large=1`, `${base}-open.png`, w, h, { settle: true });
      await shoot(`?lesson=${id}&large=1`, `${base}-run.png`, w, h, {
        iterations: l.iterations,
        fast: true,
      });
    }
  }
}
await browser.close();
server.close();
