// Saves the screenshots under docs/ from the built site (npm run build first): the README image,
// one per lesson after a few seconds of training, and the layout checks at three sizes and two themes.
// Usage: npx tsx scripts/screenshots.ts [--only lessons|sizes|readme]
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/browser';
import { serveStatic } from '../tests/e2e/server';
import { LESSONS } from '../src/store/lessons';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const { server, url } = await serveStatic('dist', '/bptt/');
const browser = await launch();

async function shoot(query: string, file: string, w: number, h: number, opts: { scheme?: 'light' | 'dark'; trainMs?: number; full?: boolean } = {}) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: opts.scheme ?? 'light' });
  const page: Page = await ctx.newPage();
  await page.goto(`${url}${query}`);
  await page.locator('[data-readout="header-iteration"], .embed-bar').first().waitFor();
  if (opts.trainMs) {
    await page.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForTimeout(opts.trainMs);
    const pause = page.getByRole('button', { name: 'Pause' }).first();
    if (await pause.count()) await pause.click();
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: file, fullPage: opts.full ?? false });
  await ctx.close();
  console.log('saved', file);
}

if (!only || only === 'readme') {
  mkdirSync('docs', { recursive: true });
  await shoot('?lesson=vanishing', 'docs/screenshot.png', 1280, 800, { trainMs: 4000 });
}
if (!only || only === 'lessons') {
  mkdirSync('docs/lessons', { recursive: true });
  for (const l of LESSONS) await shoot(`?lesson=${l.id}`, `docs/lessons/${l.id}.png`, 1280, 800, { trainMs: 5000, full: true });
}
if (!only || only === 'sizes') {
  mkdirSync('docs/sizes', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await shoot('?lesson=lstm-belt', `docs/sizes/360x740-${scheme}.png`, 360, 740, { scheme, trainMs: 3000 });
    await shoot('?lesson=lstm-belt', `docs/sizes/1280x800-${scheme}.png`, 1280, 800, { scheme, trainMs: 3000 });
    await shoot('?lesson=lstm-belt&large=1', `docs/sizes/1920x1080-${scheme}-large.png`, 1920, 1080, { scheme, trainMs: 3000 });
  }
  await shoot('?embed=1&lesson=lstm-belt&panels=belt&controls=forget,play', 'docs/sizes/embed-640x400.png', 640, 400, { trainMs: 3000 });
  await shoot('?embed=1&lesson=vanishing&panels=grad&controls=rho,play', 'docs/sizes/embed-480x360.png', 480, 360, { trainMs: 2000 });
}
await browser.close();
server.close();
