/**
 * Backward mode in Chromium: the link opens it, stepping from T to 1 shows the engine's own
 * dL/dh_t (computed here in Node for the same link, to 1e-12), the per-step terms sum to ∂L/∂W_hh,
 * it works from the keyboard alone, screen readers hear each step, and axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, screenshot, watchErrors } from './browser';
import { decodeUrl } from '../../src/store/url';
import { createTrainer } from '../../src/worker/trainer';
import { backwardWalk } from '../../src/engine/backward/walk';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const stepShown = (page: Page) =>
  page.evaluate(() =>
    Number(document.querySelector('[data-readout="walk-step"]')?.getAttribute('data-value')),
  );

/** The vector the first bar strip draws and the norm readout, in full precision. */
const shown = (page: Page) =>
  page.evaluate(() => ({
    values: (
      document.querySelector('#panel-backward [data-values]')?.getAttribute('data-values') ?? ''
    )
      .split(' ')
      .map(Number),
    norm: Number(document.querySelector('[data-readout="walk-norm"]')?.getAttribute('data-value')),
    announced: document.querySelector('[data-announce]')?.textContent ?? '',
  }));

async function open(query: string, scheme: 'light' | 'dark' = 'light') {
  const ctx = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: scheme,
  });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${inject('baseUrl')}${query}`);
  return { page, errors };
}

describe('backward mode', () => {
  it('?view=backward&cell=rnn&T=20: each stepped ∂L/∂h_t is the engine’s (1e-12), the terms sum to ∂L/∂W_hh', async () => {
    const query = '?view=backward&cell=rnn&T=20';
    const { page, errors } = await open(query);
    await page.locator('[data-readout="walk-step"]').waitFor();
    expect(
      await page.getByRole('button', { name: 'Backward pass' }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await stepShown(page)).toBe(20);
    // The same run in Node: the page shows iteration 0's trace, sequence 1.
    const t = createTrainer(decodeUrl(query).config);
    const { model, batch, opts } = t.traceInputs();
    const { walk } = backwardWalk(model, batch, 0, opts);
    let worst = 0;
    for (let step = 20; step >= 1; step--) {
      expect(await stepShown(page)).toBe(step);
      const s = await shown(page);
      const want = walk.dh.subarray((step - 1) * walk.S, step * walk.S);
      let scale = 0;
      want.forEach((x) => (scale = Math.max(scale, Math.abs(x))));
      want.forEach((x, k) => (worst = Math.max(worst, Math.abs(s.values[k]! - x) / scale)));
      worst = Math.max(worst, Math.abs(s.norm - walk.norm[step - 1]!) / walk.norm[step - 1]!);
      expect(s.announced).toContain(`Step ${step} of 20`);
      if (step > 1) await page.keyboard.press('ArrowLeft');
    }
    expect(worst).toBeLessThan(1e-12);
    const gap = Number(await page.locator('[data-readout="term-gap"]').getAttribute('data-value'));
    expect(gap).toBeLessThan(1e-12);
    await screenshot(page, 'backward-rnn-t1');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it.each(['lru', 'rglru', 's6', 'attention'])(
    '?view=backward&cell=%s: each stepped vector is the engine’s (1e-12), the terms sum to the gradient',
    async (cell) => {
      const query = `?view=backward&cell=${cell}&T=12&H=8&batch=4`;
      const { page, errors } = await open(query);
      await page.locator('[data-readout="walk-step"]').waitFor();
      const t = createTrainer(decodeUrl(query).config);
      const { model, batch, opts } = t.traceInputs();
      const { walk } = backwardWalk(model, batch, 0, opts);
      let worst = 0;
      for (let step = 12; step >= 1; step--) {
        expect(await stepShown(page)).toBe(step);
        const s = await shown(page);
        const want = walk.dh.subarray((step - 1) * walk.S, step * walk.S);
        expect(s.values.length).toBe(want.length);
        let scale = 0;
        want.forEach((x) => (scale = Math.max(scale, Math.abs(x))));
        want.forEach((x, k) => (worst = Math.max(worst, Math.abs(s.values[k]! - x) / scale)));
        if (step > 1) await page.keyboard.press('ArrowLeft');
      }
      expect(worst).toBeLessThan(1e-12);
      const gap = Number(
        await page.locator('[data-readout="term-gap"]').getAttribute('data-value'),
      );
      expect(gap).toBeLessThan(1e-12);
      if (cell === 'attention')
        expect(await page.getByText('Attention has no chain of Jacobians').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('works from the keyboard alone: B, ←, →, Home, Space', async () => {
    const { page, errors } = await open('?cell=lstm&T=12&H=8&batch=4');
    // B works once there is a run to look at (the first snapshot).
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('.app-header .btn-primary')?.disabled,
    );
    await page.keyboard.press('b');
    await page.locator('[data-readout="walk-step"]').waitFor();
    expect(await stepShown(page)).toBe(12);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await stepShown(page)).toBe(10);
    await page.keyboard.press('ArrowRight');
    expect(await stepShown(page)).toBe(11);
    await page.keyboard.press('Home');
    expect(await stepShown(page)).toBe(12);
    // Autoplay at 10 steps/s reaches step 1 and stops by itself.
    await page.getByLabel('Pace').selectOption('10');
    await page.locator('body').focus();
    await page.keyboard.press(' ');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-readout="walk-step"]')?.getAttribute('data-value') === '1',
      undefined,
      { timeout: 10_000 },
    );
    expect(await page.getByRole('button', { name: 'Autoplay' }).count()).toBe(1);
    // Tab reaches the walk's buttons, Enter presses them.
    await page.getByRole('button', { name: 'Restart at T' }).focus();
    await page.keyboard.press('Enter');
    expect(await stepShown(page)).toBe(12);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Step back');
    await page.keyboard.press('Enter');
    expect(await stepShown(page)).toBe(11);
    // B leaves backward mode and comes back; Play leaves it and trains.
    await page.locator('body').focus();
    await page.keyboard.press('b');
    await page.locator('#panel-backward').waitFor({ state: 'detached' });
    await page.keyboard.press('b');
    await page.locator('[data-readout="walk-step"]').waitFor();
    const header = page.locator('.app-header');
    await header.getByRole('button', { name: 'Play' }).click();
    await page.locator('#panel-backward').waitFor({ state: 'detached' });
    await header.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  for (const scheme of ['light', 'dark'] as const)
    it(`axe: no serious or critical violations in backward mode (${scheme})`, async () => {
      const { page, errors } = await open('?view=backward&cell=lstm&task=copy&T=16&H=8', scheme);
      await page.locator('[data-readout="walk-step"]').waitFor();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
      expect(bad).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
});
