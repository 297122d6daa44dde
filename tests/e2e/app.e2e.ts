import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, screenshot, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the built app', () => {
  it('renders its title and panels from a sub-path with no console or page errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(inject('baseUrl'));
    await expect(page.title()).resolves.toBe('BPTT Playground');
    await page.getByRole('heading', { level: 1, name: 'BPTT Playground' }).waitFor();
    const panels = await page.locator('section.panel').count();
    expect(panels).toBeGreaterThan(0);
    await screenshot(page, 'app-1280x800');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches KaTeX only after the first chart is drawn, then typesets the equations', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    // When the hero chart's readout first carries a value (the first snapshot drawn).
    await page.addInitScript(() => {
      const w = window as unknown as { __chartAt: number | null };
      w.__chartAt = null;
      const mo = new MutationObserver(() => {
        if (document.querySelector('[data-readout="ratio"][data-value]')) {
          w.__chartAt = performance.now();
          mo.disconnect();
        }
      });
      mo.observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(inject('baseUrl'));
    await page.locator('.explain .katex-display').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.explain .katex-display').count()).toBeGreaterThan(1);
    expect(await page.locator('.explain-source').count()).toBe(0);
    const t = await page.evaluate(() => ({
      chart: (window as unknown as { __chartAt: number | null }).__chartAt,
      katex: performance
        .getEntriesByType('resource')
        .filter((e) => /Equations-/.test(e.name))
        .map((e) => e.startTime),
    }));
    expect(t.chart).not.toBeNull();
    expect(t.katex.length).toBeGreaterThan(0);
    for (const start of t.katex) expect(start).toBeGreaterThan(t.chart!);
    expect(errors).toEqual([]);
    await page.close();
  });
});
