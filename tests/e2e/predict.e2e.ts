/**
 * Predict, observe, explain in the browser: the vanishing lesson asks its question before Play,
 * a prediction is chosen from the keyboard, the run answers it ("Your prediction" beside
 * "Measured"), the course marks the lesson, and axe finds nothing serious in either theme.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, screenshot, watchErrors } from './browser';
import { LESSONS } from '../../src/store/lessons';
import { predictionFor } from '../../src/store/lessons/predictions';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function audit(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('[data-notice="lesson"]')
    .include('.course-nav')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('a prediction before Play', () => {
  for (const scheme of ['light', 'dark'] as const)
    it(`vanishing, ${scheme}: predict, play, see yours beside the measured answer`, async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${inject('baseUrl')}?lesson=vanishing`);
      const group = page.getByRole('radiogroup', { name: /^Predict/ });
      await group.waitFor();
      expect(await audit(page)).toEqual([]);
      // Keyboard: focus the first option, arrow to the third (10⁻⁶), which selects it.
      await group.getByRole('radio').first().focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => group.getByRole('radio', { checked: true }).count()).toBe(1);
      const chosen = await group
        .locator('input:checked')
        .evaluate((e) => e.closest('label')?.textContent?.trim());
      expect(chosen).toBe('about 10⁻⁶');
      // Arrow keys moved the choice, not the transport: nothing trains yet.
      expect(await page.locator('[data-readout="header-iteration"]').textContent()).toBe('0');
      await page.getByRole('button', { name: 'Play' }).first().click();
      const revealed = page.locator('[data-predict="revealed"]');
      await revealed.waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Pause' }).first().click();
      const yours = await revealed.locator('[data-predict="yours"]').textContent();
      const measured = await revealed.locator('[data-predict="measured"]').textContent();
      console.log(`${scheme}: ${yours} | ${measured}`);
      expect(yours).toContain('Your prediction: about 10⁻⁶');
      expect(measured).toMatch(/^Measured: about 10⁻\S+ \(10\^−\d\.\d at t = 1\)$/);
      expect(await revealed.locator('[data-predict="explain"]').textContent()).toMatch(/^Why:/);
      expect(await audit(page)).toEqual([]);
      await screenshot(page, `predict-${scheme}`);
      // Stored in this browser only, and marked in the course list.
      const stored = await page.evaluate(() =>
        localStorage.getItem('bptt-playground.predictions.v1'),
      );
      expect(JSON.parse(stored ?? '{}')).toEqual({ vanishing: { choice: 2, observed: true } });
      await page.getByRole('button', { name: /^Course/ }).click();
      const item = page.locator('[data-course-lesson="vanishing"]');
      expect(await item.textContent()).toContain('predicted, observed');
      expect(await audit(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);

  it('predict=0 hides the question; Next opens the next lesson of the course', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject('baseUrl')}?lesson=vanishing&predict=0`);
    await page.locator('[data-expectation]').first().waitFor();
    expect(await page.getByRole('radiogroup', { name: /^Predict/ }).count()).toBe(0);
    await page.getByRole('button', { name: /^Next lesson/ }).click();
    await expect
      .poll(() => page.locator('.lesson-picker select').inputValue())
      .toBe('one-step-back');
    await page.close();
  }, 60_000);

  it('every lesson asks its own question before Play, and its card stays axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const found: string[] = [];
    for (const lesson of LESSONS) {
      await page.goto(`${inject('baseUrl')}?lesson=${lesson.id}`);
      const group = page.getByRole('radiogroup', { name: /^Predict/ });
      await group.waitFor();
      const asked = await group.locator('.predict-prompt').textContent();
      expect(asked).toBe(`Predict: ${predictionFor(lesson.id)!.prompt}`);
      expect(await group.getByRole('radio').count()).toBe(predictionFor(lesson.id)!.options.length);
      for (const v of await audit(page)) found.push(`${lesson.id}: ${v}`);
    }
    expect(found).toEqual([]);
    await context.close();
  }, 400_000);
});
