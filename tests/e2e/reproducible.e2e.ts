/**
 * A shared link reproduces the run, bit for bit: the page trains in Chromium's worker, the same
 * config and seed train here in Node's engine, and after the same number of iterations every weight
 * is identical. (Chaotic training amplifies any last-bit difference: with `**` in Adam's bias
 * correction, Node 20 and Chromium 156 parted after a few hundred iterations.)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, trainUntil, watchErrors } from './browser';
import { findLesson, lessonConfig } from '../../src/store/lessons';
import { createTrainer } from '../../src/worker/trainer';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('after hundreds of iterations the page and the engine in Node hold identical weights', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(`${inject('baseUrl')}?lesson=temporal-order`);
  await page.locator('[data-readout="header-iteration"]').waitFor();
  const iterations = await trainUntil(page, 700, 60_000);
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download weights' }).click(),
  ]);
  const got = JSON.parse(readFileSync((await dl.path())!, 'utf8')) as Record<
    string,
    number[] | number[][]
  >;
  expect(errors).toEqual([]);
  await page.close();

  const t = createTrainer(lessonConfig(findLesson('temporal-order')!));
  for (let k = 0; k < iterations; k++) expect(t.step().ok).toBe(true);
  const want = t.getWeights().weights;
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  let differ = 0;
  for (const [name, w] of Object.entries(want)) {
    const g = (got[name] as (number | number[])[]).flat();
    expect(g.length, name).toBe(w.length);
    w.forEach((x, i) => {
      if (!Object.is(x, g[i])) differ++;
    });
  }
  expect(iterations).toBeGreaterThanOrEqual(700);
  expect(differ).toBe(0);
}, 120_000);
