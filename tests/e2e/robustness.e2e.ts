import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Nothing on screen may show NaN: no text, no SVG path. */
async function expectNoNaN(page: Page) {
  const bad = await page.evaluate(() => {
    const paths = [...document.querySelectorAll('path')].filter((p) =>
      /NaN|Infinity/.test(p.getAttribute('d') ?? ''),
    );
    const text = document.body.innerText;
    return { paths: paths.length, text: /\bNaN\b|\bInfinity\b/.test(text) };
  });
  expect(bad).toEqual({ paths: 0, text: false });
}

const SUPER: Record<string, string> = {
  '⁻': '-',
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
};
Object.assign(SUPER, { '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' });
/** "10⁻¹²" → -12, "1" → 0, "10" → 1. */
const exponent = (label: string) =>
  label === '1'
    ? 0
    : label === '10'
      ? 1
      : Number([...label.slice(2)].map((c) => SUPER[c]).join(''));

/**
 * After a blow-up the gradient panel stays readable and true: its log axis spans at most 40
 * decades (not 10⁰…10³⁰⁰), the exact zeros of ‖∂L/∂hₜ‖ sit in the lane labelled 0, and
 * ‖∂L/∂h_T‖ far above the axis is marked at its edge with the value the data table holds.
 */
async function expectReadableGradient(page: Page) {
  const plot = page.locator('#panel-grad .line-plot').first();
  const labels = await plot.locator('.chart-axis-left .chart-tick text').allTextContents();
  const exps = labels.map(exponent);
  expect(exps.every(Number.isInteger)).toBe(true);
  expect(Math.max(...exps) - Math.min(...exps)).toBeLessThanOrEqual(40);
  expect(await plot.locator('.chart-zero-lane').count()).toBe(1);
  const above = plot.locator('[data-offscale="above"]');
  expect(await above.locator('text').textContent()).toMatch(/^\d\.?\d* × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ↑$/);
  const title = (await above.locator('title').textContent()) ?? '';
  const m = /= (.+) at t = (\d+), above the axis/.exec(title);
  expect(m).not.toBeNull();
  await page.locator('#panel-grad').getByRole('button', { name: 'Data' }).click();
  const cell = await page.evaluate((t) => {
    const rows = [...document.querySelectorAll('#panel-grad table tr')];
    const row = rows.find((r) => r.firstElementChild?.textContent === t);
    return row?.children[1]?.textContent ?? null;
  }, m?.[2]);
  expect(cell).toBe(m?.[1]);
  await page.locator('#panel-grad').getByRole('button', { name: 'Data' }).click();
}

describe('never blank, never lost', () => {
  it('the blow-up preset at the maximum learning rate diverges within 10 s with a true diagnosis, every panel alive', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?lesson=exploding-max`);
    await page.locator('[data-readout="header-iteration"]').waitFor();
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('0');
    const started = Date.now();
    await page.getByRole('button', { name: 'Play' }).first().click();
    await page.locator('[data-notice="diverged"]').waitFor({ timeout: 10000 });
    const seconds = (Date.now() - started) / 1000;
    const text = await page.locator('[data-notice="diverged"]').textContent();
    expect(text).toMatch(/Diverged at iteration \d+/);
    // The gradient through time is exactly 0 there: the banner must not blame exploding gradients.
    expect(text).toMatch(/This is not an exploding gradient/);
    expect(text).toMatch(/readout\.weight/);
    expect(await page.getByRole('button', { name: 'Play' }).first().isDisabled()).toBe(true);
    expect(await page.locator('[data-panel-error]').count()).toBe(0);
    for (const title of ['Gradient through time', 'Spectrum of W_hh', 'Loss', 'Hidden state']) {
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
    }
    await expectNoNaN(page);
    await expectReadableGradient(page);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await screenshot(page, 'diverged');
    console.log(`diverged message after ${seconds.toFixed(1)} s`);

    // One click: the learning rate the diagnosis suggests, reset, and training works again.
    await page.getByRole('button', { name: /Set the learning rate to 0\.01 and reset/ }).click();
    await page.locator('[data-notice="diverged"]').waitFor({ state: 'detached' });
    expect(await page.getByLabel('Learning rate', { exact: true }).inputValue()).toBe('-2');
    await page.getByRole('button', { name: 'Step' }).first().click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= 1,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the worker cannot start, the page says so and trains on its own thread', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.route(/training\.worker/, (route) => route.abort());
    await page.goto(`${inject('baseUrl')}?T=20&H=8`);
    await page.locator('[data-notice="worker"]').waitFor({ timeout: 15000 });
    expect(await page.locator('[data-notice="worker"]').textContent()).toMatch(/worker/i);
    await page.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= 20,
      null,
      { timeout: 15000 },
    );
    expect(await page.locator('.header-readouts').textContent()).toMatch(/page thread/);
    await screenshot(page, 'worker-fallback');
    // The aborted worker request is the only error the console may show.
    expect(
      errors.filter((e) => !/training\.worker|Failed to load resource|net::ERR_FAILED/.test(e)),
    ).toEqual([]);
    await page.close();
  });
});
