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
});
