import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, screenshot, trainUntil, watchErrors } from './browser';
import { serveStatic } from './server';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const LINK = '?task=adding&T=30&H=16&batch=8&compare=cell:lstm';

/** Lines drawn in a panel's overlay chart (paths with data). */
const overlayLines = (page: Page, panel: string) =>
  page.$$eval(`#${panel} svg path.overlay-line`, (ps) =>
    ps.filter((p) => (p.getAttribute('d') ?? '').length > 20).map((p) => p.getAttribute('style')),
  );

/** The rows of a panel's data table (opened with its Data button). */
async function tableRows(page: Page, panel: string): Promise<{ head: string[]; rows: string[][] }> {
  await page.locator(`#${panel}`).getByRole('button', { name: 'Data' }).click();
  const table = page.locator(`#${panel} table`);
  await table.waitFor();
  const head = await table.locator('thead th').allTextContents();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
  return { head, rows };
}

async function audit(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('compare', () => {
  it('an RNN-against-LSTM link shows both runs on shared axes, trained on identical batches', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}${LINK}`);
    await page.getByRole('heading', { name: 'Comparing 2 runs' }).waitFor();
    await trainUntil(page, 40);
    expect(await overlayLines(page, 'panel-grad')).toHaveLength(2);
    expect(await overlayLines(page, 'panel-loss')).toHaveLength(2);
    // One colour per run, and the legend names both.
    const styles = await overlayLines(page, 'panel-grad');
    expect(new Set(styles).size).toBe(2);
    const legend = await page.locator('#panel-grad .chart-legend').textContent();
    expect(legend).toContain('A · tanh RNN');
    expect(legend).toContain('B · LSTM');

    // Every iteration's batch hash is the same for both runs (and differs between iterations).
    const { head, rows } = await tableRows(page, 'panel-loss');
    const a = head.indexOf('batch A · tanh RNN');
    const b = head.indexOf('batch B · LSTM');
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const r of rows) {
      expect(r[a]).toMatch(/^[0-9a-f]{8}$/);
      expect(r[b]).toBe(r[a]);
    }
    expect(new Set(rows.map((r) => r[a])).size).toBe(rows.length);
    // The losses differ: two different nets on the same data.
    const la = head.indexOf('loss A · tanh RNN');
    const lb = head.indexOf('loss B · LSTM');
    expect(rows.filter((r) => r[la] !== r[lb]).length).toBeGreaterThan(rows.length / 2);
    await expect
      .poll(() => page.locator('[data-readout="batches"]').textContent())
      .toMatch(/the same batch at each of \d+ iterations checked ✓/);
    // Both runs stand at the same iteration.
    const its = await page.locator('.run-readouts [data-readout="iteration"]').allTextContents();
    expect(its).toHaveLength(2);
    expect(its[0]).toBe(its[1]);

    // Picking run B: the settings and the spectrum show the LSTM.
    await page.getByRole('radio', { name: /B · LSTM/ }).check();
    await expect.poll(() => page.locator('.controls-run').textContent()).toContain('run B');
    await expect.poll(() => page.getByLabel('Cell', { exact: true }).inputValue()).toBe('lstm');
    await page.locator('.run-tag').first().waitFor();
    await screenshot(page, 'compare-1280');
    expect(await audit(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('the sweep draws ratio against T for each run, point by point, while the page keeps drawing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}${LINK}`);
    await page.getByRole('heading', { name: 'Comparing 2 runs' }).waitFor();
    await page.locator('[data-readout="header-iteration"]').waitFor();
    // Frame gaps while the worker sweeps.
    await page.evaluate(() => {
      const w = window as unknown as { gaps: number[]; last: number; on: boolean };
      w.gaps = [];
      w.on = true;
      w.last = performance.now();
      const tick = (t: number) => {
        w.gaps.push(t - w.last);
        w.last = t;
        if (w.on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // Every count of finished points the panel shows, as it changes. The panel loads in its own
    // chunk, which a loaded machine may not have drawn yet.
    await page.locator('[data-readout="sweep"]').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { counts: string[] };
      w.counts = [];
      const el = document.querySelector('[data-readout="sweep"]')!;
      new MutationObserver(() => w.counts.push(el.getAttribute('data-done') ?? '')).observe(el, {
        attributes: true,
      });
    });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const status = page.locator('[data-readout="sweep"]');
    await expect
      .poll(() => status.textContent(), { timeout: 90_000 })
      .toMatch(/26 of 26 points, done/);
    // Points arrived progressively: the panel showed counts between none and all.
    const counts = await page.evaluate(() => (window as unknown as { counts: string[] }).counts);
    expect(new Set(counts.filter((d) => d !== '0' && d !== '26')).size).toBeGreaterThan(2);
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { gaps: number[]; on: boolean };
      w.on = false;
      return w.gaps;
    });
    gaps.sort((x, y) => x - y);
    // The page kept painting: the median frame is a frame, and no pause lasts a second.
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeLessThan(50);
    expect(gaps.at(-1)!).toBeLessThan(1000);
    const dots = await page.$$eval('#panel-sweep circle.overlay-dot', (c) => c.length);
    expect(dots).toBeGreaterThanOrEqual(20);
    const { head, rows } = await tableRows(page, 'panel-sweep');
    expect(head[0]).toBe('T');
    expect(rows.map((r) => r[0])).toEqual([
      '10',
      '15',
      '20',
      '30',
      '50',
      '70',
      '100',
      '150',
      '200',
      '300',
      '500',
      '700',
      '1000',
    ]);
    await screenshot(page, 'compare-sweep');
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('at 360 px the runs stack and nothing scrolls sideways', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}${LINK}`);
    await page.getByRole('heading', { name: 'Comparing 2 runs' }).waitFor();
    await page.getByRole('button', { name: 'Step' }).first().click();
    await page.waitForTimeout(500);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const cards = await page
      .locator('.run-readouts li')
      .evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().top));
    expect(cards[1]!).toBeGreaterThan(cards[0]!);
    await screenshot(page, 'compare-360');
    expect(await audit(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('the embed takes a comparison and reports its height', async () => {
    const src = `${inject('baseUrl')}?embed=1&panels=grad,loss&compare=cell:lstm&T=30&H=16`;
    const host: { server: Server; url: string } = await serveStatic('dist', '/nothing/', {
      '/notes.html': `<!doctype html><html><head><title>Notes</title><link rel="icon" href="data:,"></head><body>
<iframe id="pg" src="${src}" width="640" height="300" style="border:0"></iframe>
<script>window.resizes=[];addEventListener('message',(e)=>{if(e.data&&e.data.type==='bptt-playground:resize'){resizes.push(e.data.height);}});</script></body></html>`,
    });
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${host.url.replace('/nothing/', '')}/notes.html`);
    const frame = page.frames().find((f) => f.url().includes('embed=1'))!;
    await frame.getByRole('heading', { name: 'Comparing 2 runs' }).waitFor();
    await frame.getByRole('button', { name: 'Play' }).click();
    await frame.waitForFunction(
      () => document.querySelectorAll('#panel-loss path.overlay-line').length === 2,
    );
    await frame.getByRole('button', { name: 'Pause' }).click();
    expect(await frame.getByRole('button', { name: 'Add run' }).count()).toBe(0);
    await page.waitForFunction(
      () => (window as unknown as { resizes: number[] }).resizes.length > 0,
    );
    const h = await page.evaluate(() =>
      (window as unknown as { resizes: number[] }).resizes.at(-1)!,
    );
    expect(h).toBeGreaterThan(500);
    expect(errors).toEqual([]);
    await page.close();
    host.server.close();
  }, 120_000);
});
