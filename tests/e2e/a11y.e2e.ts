import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, watchErrors } from './browser';
import { LESSONS } from '../../src/store/lessons';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function audit(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function open(query: string, opts: { width?: number; height?: number; scheme?: 'light' | 'dark' } = {}) {
  // AxeBuilder needs a page from an explicit context.
  const ctx = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, colorScheme: opts.scheme ?? 'light' });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${inject('baseUrl')}${query}`);
  await page.locator('[data-readout="header-iteration"], .embed-bar').first().waitFor();
  const step = page.getByRole('button', { name: 'Step' });
  if (await step.count()) await step.first().click();
  await page.waitForTimeout(400);
  return { page, errors };
}

describe('accessibility audit (axe-core): no serious or critical violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`full app, ${scheme} theme`, async () => {
      const { page, errors } = await open('', { scheme });
      expect(await audit(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('embed view', async () => {
    const { page } = await open('?embed=1&panels=grad,belt&controls=rho,forget,play', { width: 640, height: 400 });
    expect(await audit(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('every lesson', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const found: string[] = [];
    for (const lesson of LESSONS) {
      await page.goto(`${inject('baseUrl')}?lesson=${lesson.id}`);
      await page.locator('[data-readout="header-iteration"]').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-readout="ratio"]')?.hasAttribute('data-value'), null, { timeout: 10000 }).catch(() => {});
      for (const v of await audit(page)) found.push(`${lesson.id}: ${v}`);
    }
    expect(found).toEqual([]);
    await page.close();
  }, 300_000);
});
