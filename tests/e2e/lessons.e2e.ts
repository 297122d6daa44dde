import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, watchErrors } from './browser';
import { LESSONS } from '../../src/store/lessons';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The lesson notice's marks, as the page shows them. */
type Marks = Record<string, string>;

describe('every lesson shows what it says', () => {
  // Opening a lesson by link and pressing Play at the default speed: every expectation turns ✔ and
  // none is ever ✘ (sampled every 100 ms), with no console errors. The Node tests check every
  // iteration; this checks the page's own evaluation, from the snapshots it actually receives.
  for (const lesson of LESSONS)
    it(`${lesson.id}: all ✔, none ✘`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = watchErrors(page);
      await page.goto(`${inject('baseUrl')}?lesson=${lesson.id}`);
      // Attached, not visible: the claims wait behind the lesson's question until Play.
      await page.locator('[data-expectation]').first().waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'Play' }).first().click();
      const seen = new Set<string>();
      const started = Date.now();
      let marks: Marks = {};
      while (Date.now() - started < 60_000) {
        marks = await page
          .locator('[data-expectation]')
          .evaluateAll((els) =>
            Object.fromEntries(
              els.map((e) => [e.getAttribute('data-expectation'), e.getAttribute('data-status')]),
            ),
          );
        for (const [id, st] of Object.entries(marks)) if (st === 'fails') seen.add(id);
        if (Object.values(marks).every((st) => st === 'holds')) break;
        await page.waitForTimeout(100);
      }
      const iteration = await page.locator('[data-readout="header-iteration"]').textContent();
      console.log(`${lesson.id}: ${JSON.stringify(marks)} at iteration ${iteration}`);
      expect([...seen]).toEqual([]);
      expect(Object.keys(marks).sort()).toEqual(lesson.expect.map((e) => e.id).sort());
      expect(Object.values(marks).every((st) => st === 'holds')).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    }, 90_000);
});
