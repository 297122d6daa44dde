import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { launch, screenshot, watchErrors } from './browser';
import { serveStatic } from './server';

let browser: Browser;
let host: { server: Server; url: string };

// A course page on another origin (another port), with the documented resize listener.
function hostPage(src: string): string {
  return `<!doctype html><html><head><title>Course notes</title><link rel="icon" href="data:,"></head><body>
<h1>Notes</h1>
<iframe id="pg" src="${src}" width="640" height="300" style="border:0"></iframe>
<script>
  window.resizes = [];
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'bptt-playground:resize') {
      window.resizes.push(e.data.height);
      document.getElementById('pg').height = e.data.height;
    }
  });
  window.send = (msg) => document.getElementById('pg').contentWindow.postMessage(msg, '*');
</script></body></html>`;
}

beforeAll(async () => {
  browser = await launch();
  const src = `${inject('baseUrl')}?embed=1&lesson=vanishing&panels=grad&controls=rho,play&T=30&H=16`;
  host = await serveStatic('dist', '/nothing/', { '/notes.html': hostPage(src) });
});
afterAll(async () => {
  await browser?.close();
  host?.server.close();
});

describe('embedding', () => {
  it('the embed view shows only the requested panels and controls', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 400 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?embed=1&panels=grad&controls=rho,play`);
    await page.getByRole('heading', { level: 2, name: 'Gradient through time' }).waitFor();
    expect(await page.locator('h2', { hasText: 'Spectrum' }).count()).toBe(0);
    expect(await page.locator('h2', { hasText: 'Loss' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    expect(await page.getByLabel('Spectral radius', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Learning rate', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Reset' }).count()).toBe(0);
    await screenshot(page, 'embed-640x400');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a host page on another origin gets resize messages and drives play and pause', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${host.url.replace('/nothing/', '')}/notes.html`);
    const frame = page.frameLocator('#pg');
    await frame.getByRole('heading', { level: 2, name: 'Gradient through time' }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { resizes: number[] }).resizes.length > 0,
    );
    const heights = await page.evaluate(() => (window as unknown as { resizes: number[] }).resizes);
    expect(heights[heights.length - 1]).toBeGreaterThan(300);
    expect(new URL(host.url).origin).not.toBe(new URL(inject('baseUrl')).origin);

    const f = page.frames().find((fr) => fr.url().includes('embed=1'))!;
    await f.getByRole('button', { name: 'Play' }).waitFor();
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({ type: 'bptt-playground:play' }),
    );
    await f.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 10000 });
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({ type: 'bptt-playground:pause' }),
    );
    await f.getByRole('button', { name: 'Play' }).waitFor({ timeout: 10000 });
    // Ignored: wrong type, junk; a valid set-config applies.
    await page.evaluate(() => {
      const send = (window as unknown as { send: (m: unknown) => void }).send;
      send({ type: 'bptt-playground:explode' });
      send('play');
      send({ type: 'bptt-playground:set-config', config: { rho: 1.5 } });
    });
    await f.waitForFunction(
      () =>
        (document.querySelector('input[type=range]') as HTMLInputElement | null)?.value === '1.5',
      null,
      { timeout: 5000 },
    );
    expect(await f.getByRole('button', { name: 'Play' }).count()).toBe(1);
    await screenshot(page, 'embed-host-page');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the shipped embed example page loads its two playgrounds', async () => {
    const html = readFileSync('dist/embed-example.html', 'utf8');
    expect(html).toContain('bptt-playground:resize');
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}embed-example.html`);
    await page.waitForFunction(() => document.querySelectorAll('iframe').length >= 2);
    for (const fr of page.frames().filter((x) => x.url().includes('embed=1'))) {
      await fr.getByRole('heading', { level: 2 }).first().waitFor();
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('links and exports', () => {
  it('a link restores its setup, and a broken link is repaired with a notice', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?cell=lstm&T=5000&H=abc&rho=1.25&seed=7&bogus=1`);
    await page.locator('[data-notice="url"]').waitFor();
    const text = await page.locator('[data-notice="url"]').textContent();
    expect(text).toMatch(/T=5000/);
    expect(text).toMatch(/H=abc/);
    expect(await page.getByLabel('Cell', { exact: true }).inputValue()).toBe('lstm');
    expect(await page.getByLabel('Sequence length', { exact: true }).inputValue()).toBe('1000');
    expect(await page.getByLabel('Seed', { exact: true }).inputValue()).toBe('7');
    await page.getByRole('button', { name: 'Dismiss link notice' }).click();
    expect(await page.locator('[data-notice="url"]').count()).toBe(0);
    // The address bar follows the settings (debounced replaceState).
    await page.getByLabel('Hidden units', { exact: true }).fill('12');
    await page.getByLabel('Hidden units', { exact: true }).press('Enter');
    await page.waitForFunction(() => location.search.includes('H=12'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exported CSV equals the data table; a wrong weights file leaves the model untouched', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?cell=rnn&T=12&H=4`);
    await page.waitForFunction(() =>
      document.querySelector('[data-readout="ratio"]')?.hasAttribute('data-value'),
    );
    const grad = page.locator('#panel-grad');
    await grad.getByRole('button', { name: 'Data', exact: true }).click();
    await grad.getByText('Export').click();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      grad.locator('[data-export="csv"]').click(),
    ]);
    const csv = readFileSync((await dl.path())!, 'utf8');
    const table = await grad
      .locator('table')
      .evaluate(
        (t: HTMLTableElement) =>
          [...t.rows]
            .map((r) => [...r.cells].map((c) => c.textContent ?? '').join(','))
            .join('\r\n') + '\r\n',
      );
    expect(csv).toBe(table);

    const before = await grad.locator('table').textContent();
    await page.locator('input[type=file]').setInputFiles({
      name: 'wrong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ weight_ih_l0: [[1, 2]], weight_hh_l0: [[1]] })),
    });
    await page.locator('[data-weights-status="error"]').waitFor();
    expect(await page.locator('[data-weights-status="error"]').textContent()).toMatch(/unchanged/);
    expect(await grad.locator('table').textContent()).toBe(before);

    // Download, then load the same file back: accepted.
    const [wdl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download weights' }).click(),
    ]);
    const weights = readFileSync((await wdl.path())!, 'utf8');
    expect(JSON.parse(weights).weight_hh_l0).toHaveLength(4);
    await page.locator('input[type=file]').setInputFiles({
      name: 'same.json',
      mimeType: 'application/json',
      buffer: Buffer.from(weights),
    });
    await page.locator('[data-weights-status="ok"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
