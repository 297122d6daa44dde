/**
 * widget.js, the anywidget front-end module, in Chromium: a "notebook" page on one origin imports
 * it from the built site on another (served with CORS, as GitHub Pages does) and renders it with a
 * model that follows anywidget's interface (get, set, save_changes, on, off; `set` fires
 * `change:<key>` when the value changes, as Backbone does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { launch, screenshot, watchErrors } from './browser';
import { serveStatic } from './server';

let browser: Browser;
let site: { server: Server; url: string };
let notebook: { server: Server; url: string };

function notebookPage(widgetUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notebook</title>
<link rel="icon" href="data:,"></head><body><h1>Notebook</h1><div id="out"></div>
<script type="module">
function fakeModel(state) {
  const handlers = new Map();
  const same = (a, b) => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
  return {
    saves: 0,
    get: (key) => state[key],
    set(key, value) {
      const old = state[key];
      state[key] = value;
      if (!same(old, value)) for (const fn of [...(handlers.get('change:' + key) ?? [])]) fn();
    },
    save_changes() { this.saves++; },
    on(event, fn) { if (!handlers.has(event)) handlers.set(event, new Set()); handlers.get(event).add(fn); },
    off(event, fn) { handlers.get(event)?.delete(fn); },
    listening: () => [...handlers.values()].reduce((n, s) => n + s.size, 0),
  };
}
const mod = await import(${JSON.stringify(widgetUrl)});
window.model = fakeModel({
  config: { T: 30, H: 16 },
  panels: ['grad', 'loss'],
  controls: ['rho', 'play'],
  lesson: 'vanishing',
  playing: false,
});
window.cleanup = await mod.default.render({ model: window.model, el: document.getElementById('out') });
window.rendered = true;
</script></body></html>`;
}

type Win = {
  model: {
    get(k: string): unknown;
    set(k: string, v: unknown): void;
    saves: number;
    listening(): number;
  };
  cleanup: () => void;
  rendered?: boolean;
};

beforeAll(async () => {
  browser = await launch();
  site = await serveStatic('dist', '/site/', {}, { cors: true });
  notebook = await serveStatic('dist', '/nothing/', {
    '/notebook.html': notebookPage(`${site.url}widget.js`),
  });
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
  notebook?.server.close();
});

const embed = (page: Page): Frame => page.frames().find((f) => f.url().includes('embed=1'))!;
const modelGet = (page: Page, key: string) =>
  page.evaluate((k) => (window as unknown as Win).model.get(k), key);

describe('widget.js with an anywidget-shaped model', () => {
  it('renders the embed, applies config, reports Play both ways, and cleans up', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${notebook.url.replace('/nothing/', '')}/notebook.html`);
    expect(new URL(notebook.url).origin).not.toBe(new URL(site.url).origin);
    await page.waitForFunction(() => (window as unknown as Win).rendered === true);

    // The iframe is the site's embed, found from the module's own URL, sized by its messages.
    const src = await page.locator('#out iframe').getAttribute('src');
    expect(src!.startsWith(`${site.url}index.html?`)).toBe(true);
    const q = new URL(src!).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({
      embed: '1',
      lesson: 'vanishing',
      T: '30',
      H: '16',
      panels: 'grad,loss',
      controls: 'rho,play',
    });
    await page.waitForFunction(() => (window as unknown as Win).model.get('iteration') === 0);
    await page.waitForFunction(
      () => Number(document.querySelector('#out iframe')?.getAttribute('height')) > 480,
    );
    const f = embed(page);
    await f.getByRole('button', { name: 'Play' }).waitFor();

    // config → set-config: the slider moves.
    await page.evaluate(() => (window as unknown as Win).model.set('config', { rho: 1.5 }));
    await f.waitForFunction(
      () =>
        (document.querySelector('input[type=range]') as HTMLInputElement | null)?.value === '1.5',
      null,
      { timeout: 10_000 },
    );

    // playing from the model: it trains, and the read-only keys follow the page.
    await page.evaluate(() => (window as unknown as Win).model.set('playing', true));
    await f.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      () => Number((window as unknown as Win).model.get('iteration')) > 20,
      null,
      { timeout: 20_000 },
    );
    const loss = await modelGet(page, 'loss');
    const ratio = await modelGet(page, 'ratio');
    expect(typeof loss === 'number' && Number.isFinite(loss)).toBe(true);
    expect(typeof ratio === 'number' && ratio > 0).toBe(true);
    expect(await page.evaluate(() => (window as unknown as Win).model.saves)).toBeGreaterThan(2);
    await screenshot(page, 'widget-notebook');

    // Pause and Play pressed in the page come back through `playing`.
    await f.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => (window as unknown as Win).model.get('playing') === false);
    // The worker's last snapshots before it saw the pause still arrive; then the count holds.
    await page.waitForTimeout(1000);
    const stopped = Number(await modelGet(page, 'iteration'));
    await page.waitForTimeout(1000);
    expect(Number(await modelGet(page, 'iteration'))).toBe(stopped);
    await f.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => (window as unknown as Win).model.get('playing') === true);
    await page.evaluate(() => (window as unknown as Win).model.set('playing', false));
    await f.getByRole('button', { name: 'Play' }).waitFor({ timeout: 10_000 });
    expect(await modelGet(page, 'playing')).toBe(false);

    // panels reloads the embed with the new view (and the config set since).
    await page.evaluate(() => (window as unknown as Win).model.set('panels', ['loss']));
    await page.waitForFunction(() =>
      document.querySelector('#out iframe')?.getAttribute('src')?.includes('panels=loss&'),
    );
    const src2 = (await page.locator('#out iframe').getAttribute('src'))!;
    expect(new URL(src2).searchParams.get('rho')).toBe('1.5');
    // The iframe navigates after its src changes: wait for the new document.
    await expect
      .poll(() => page.frames().some((x) => x.url() === src2), { timeout: 20_000 })
      .toBe(true);
    const f2 = page.frames().find((x) => x.url() === src2)!;
    await f2.getByRole('heading', { level: 2, name: 'Loss' }).waitFor({ timeout: 20_000 });
    expect(await f2.getByRole('heading', { level: 2, name: 'Gradient through time' }).count()).toBe(
      0,
    );

    // Cleanup: the iframe and every listener go.
    expect(await page.evaluate(() => (window as unknown as Win).model.listening())).toBe(5);
    await page.evaluate(() => (window as unknown as Win).cleanup());
    expect(await page.locator('#out iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as Win).model.listening())).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
