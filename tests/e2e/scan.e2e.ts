/**
 * The scan view in Chromium: `?view=scan&cell=lru&T=16` steps through 4 levels with "Next level"
 * and ends on the sequential recurrence's states, shown beside the scan's and equal to the engine's
 * (computed here in Node for the same link) to 1e-12; the keyboard steps it too; the reverse scan
 * ends on dL/dh; `?view=scan&cell=lstm` explains why there is no scan; axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, screenshot, watchErrors } from './browser';
import { decodeUrl } from '../../src/store/url';
import { createTrainer } from '../../src/worker/trainer';
import { scanView } from '../../src/engine/scan/view';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(query: string) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${inject('baseUrl')}${query}`);
  return { page, errors };
}

/** The table at the last level: scan and sequential values, full precision (Re, Im). */
const shownValues = (page: Page, T: number) =>
  page.evaluate((T) => {
    const read = (id: string) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return [Number(el?.getAttribute('data-value')), Number(el?.getAttribute('data-im') ?? 0)];
    };
    return Array.from({ length: T }, (_, k) => ({
      scan: read(`scan-val-${k + 1}`),
      seq: read(`seq-val-${k + 1}`),
    }));
  }, T);

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

describe('scan view', () => {
  it('?view=scan&cell=lru&T=16: 4 levels with Next level, ending on the sequential states', async () => {
    const query = '?view=scan&cell=lru&T=16';
    const { page, errors } = await open(query);
    const next = page.getByRole('button', { name: 'Next level' });
    await next.waitFor();
    expect(
      await page.getByRole('button', { name: 'Parallel scan' }).getAttribute('aria-pressed'),
    ).toBe('true');
    const announce = page.getByTestId('scan-announce');
    expect(await announce.textContent()).toContain('Level 0 of 4');
    for (let l = 1; l <= 4; l++) {
      await next.click();
      expect(await announce.textContent()).toContain(`Level ${l} of 4`);
    }
    expect(await next.isDisabled()).toBe(true);
    const gap = Number(await page.getByTestId('scan-gap').getAttribute('data-value'));
    expect(gap).toBeLessThanOrEqual(1e-12);
    // The same run in Node: the page shows iteration 0's trace, sequence 1, lane 1.
    const t = createTrainer(decodeUrl(query).config);
    const { model, batch, opts } = t.traceInputs();
    const v = scanView(model, batch, 0, 0, opts);
    const rows = await shownValues(page, 16);
    let worst = 0;
    rows.forEach((r, k) => {
      const want = [v.state[k]!, v.stateIm![k]!];
      for (let c = 0; c < 2; c++) {
        worst = Math.max(worst, Math.abs(r.seq[c]! - want[c]!), Math.abs(r.scan[c]! - r.seq[c]!));
      }
    });
    expect(worst).toBeLessThanOrEqual(1e-12);
    expect(rows.some((r) => r.seq[0] !== 0)).toBe(true);
    await screenshot(page, 'scan-lru-t16');
    // Keyboard: Home back to the pairs, → climbs, and the reverse scan ends on dL/dh.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Home');
    expect(await announce.textContent()).toContain('Level 0 of 4');
    await page.keyboard.press('ArrowRight');
    expect(await announce.textContent()).toContain('Level 1 of 4');
    await page.getByLabel('Pass').selectOption('backward');
    for (let l = 2; l <= 4; l++) await page.keyboard.press('ArrowRight');
    expect(await announce.textContent()).toContain('Level 4 of 4');
    const back = await shownValues(page, 16);
    back.forEach((r, k) => {
      expect(Math.abs(r.seq[0]! - v.dState[k]!)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(r.scan[0]! - r.seq[0]!)).toBeLessThanOrEqual(1e-12);
    });
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['rglru', 's6'])(
    '?view=scan&cell=%s&T=16: 4 levels, the last equal to the engine’s states',
    async (cell) => {
      const query = `?view=scan&cell=${cell}&T=16`;
      const { page, errors } = await open(query);
      const next = page.getByRole('button', { name: 'Next level' });
      await next.waitFor();
      for (let l = 1; l <= 4; l++) await next.click();
      expect(await page.getByTestId('scan-announce').textContent()).toContain('Level 4 of 4');
      const gap = Number(await page.getByTestId('scan-gap').getAttribute('data-value'));
      expect(gap).toBeLessThanOrEqual(1e-12);
      const t = createTrainer(decodeUrl(query).config);
      const { model, batch, opts } = t.traceInputs();
      const v = scanView(model, batch, 0, 0, opts);
      const rows = await shownValues(page, 16);
      rows.forEach((r, k) => expect(Math.abs(r.seq[0]! - v.state[k]!)).toBeLessThanOrEqual(1e-12));
      if (cell === 's6')
        expect(await page.locator('#scan-lane-name').textContent()).toContain('channel 1, state 1');
      await screenshot(page, `scan-${cell}-t16`);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('?view=scan&cell=lstm explains why there is no scan', async () => {
    const { page, errors } = await open('?view=scan&cell=lstm');
    await page.getByText('the steps cannot be combined in advance').waitFor();
    expect(await page.locator('#panel-scan').textContent()).toContain('needs h_{t−1}');
    expect(await page.getByRole('button', { name: 'Next level' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
