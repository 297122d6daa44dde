/**
 * The playground as a guest of a reveal.js deck on another origin (autoplay=slide), the shipped
 * slides-example.html, and the share dialog's QR code.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, screenshot, watchErrors } from './browser';
import { serveStatic } from './server';

let browser: Browser;
let host: { server: Server; url: string };

const REVEAL_JS = readFileSync('node_modules/reveal.js/dist/reveal.js', 'utf8');
const REVEAL_CSS = readFileSync('node_modules/reveal.js/dist/reveal.css', 'utf8');

/**
 * A deck on another origin: reveal.js inlined (the test server serves only pages), the lesson on
 * slide 2. No transitions, so a slide change is done when the key press is. `.peek` shows a slide
 * without reveal.js knowing: an offscreen cross-origin iframe gets no animation frames, so its
 * readouts only catch up with its worker once it is on screen.
 */
function deck(src: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Deck</title>
<link rel="icon" href="data:,"><style>${REVEAL_CSS}
.reveal .slides > section.peek { display: block !important; transform: none !important; opacity: 1 !important; transition: none !important; }
</style></head><body><div class="reveal"><div class="slides">
<section><h1>One</h1></section>
<section id="demo"><iframe id="pg" src="${src}" width="960" height="540" title="Demo"></iframe></section>
<section><h1>Three</h1></section>
</div></div>
<script>${REVEAL_JS.replace(/<\/script/gi, '<\\/script')}</script>
<script>
const deck = new Reveal({ width: 1280, height: 720, transition: 'none', hash: true });
deck.initialize().then(() => { window.deckReady = true; });
window.deck = deck;
</script></body></html>`;
}

beforeAll(async () => {
  browser = await launch();
  const src = `${inject('baseUrl')}?embed=1&lesson=vanishing&panels=grad,loss&controls=play&autoplay=slide&T=30&H=16`;
  host = await serveStatic('dist', '/nothing/', { '/deck.html': deck(src) });
});
afterAll(async () => {
  await browser?.close();
  host?.server.close();
});

type Deck = { deck: { getIndices(): { h: number } } };

/** Until the iframe has navigated to the embed (a busy machine can take seconds). */
const embedLoaded = (page: Page) =>
  expect
    .poll(() => page.frames().some((f) => f.url().includes('embed=1')), { timeout: 20_000 })
    .toBe(true);

const embedFrame = (page: Page): Frame => page.frames().find((f) => f.url().includes('embed=1'))!;

/** The embed's iteration as its own page shows it once it is on screen (see `.peek`). */
async function peekIteration(page: Page): Promise<number> {
  await page.evaluate(() => document.getElementById('demo')!.classList.add('peek'));
  const f = embedFrame(page);
  // Two frames inside the iframe: the bridge commits snapshots on an animation frame.
  for (let k = 0; k < 3; k++)
    await f.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 60))));
  const text = await f.locator('[data-readout="iteration"]').textContent();
  await page.evaluate(() => document.getElementById('demo')!.classList.remove('peek'));
  return Number((text ?? '').replace(/[^0-9]/g, ''));
}

describe('reveal.js deck on another origin, autoplay=slide', () => {
  it('trains only while its slide is shown', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(`${host.url.replace('/nothing/', '')}/deck.html`);
    expect(new URL(host.url).origin).not.toBe(new URL(inject('baseUrl')).origin);
    await page.waitForFunction(() => (window as unknown as { deckReady?: boolean }).deckReady);
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 1);
    const f = () => embedFrame(page);
    await embedLoaded(page);
    await f().locator('[data-readout="iteration"]').waitFor({ state: 'attached' });

    // Slide 1: the embed has loaded (its first snapshot is in) and does not train.
    await page.waitForTimeout(2500);
    expect(await peekIteration(page)).toBe(0);
    await page.waitForTimeout(1000);
    expect(await peekIteration(page)).toBe(0);

    // Slide 2: reveal.js posts 'slide:start'; it trains.
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (window as unknown as Deck).deck.getIndices().h)).toBe(1);
    await f().waitForFunction(
      () =>
        Number(
          document.querySelector('[data-readout="iteration"]')?.textContent?.replace(/\D/g, ''),
        ) > 20,
      null,
      { timeout: 20_000 },
    );
    await screenshot(page, 'slides-deck-slide2');

    // Back to slide 1: 'slide:stop' pauses it; the count stays where it stopped.
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => (window as unknown as Deck).deck.getIndices().h)).toBe(0);
    await f().getByRole('button', { name: 'Play' }).waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    const stopped = await peekIteration(page);
    expect(stopped).toBeGreaterThan(20);
    await page.waitForTimeout(2000);
    expect(await peekIteration(page)).toBe(stopped);

    // Slide 2 again: it resumes from there.
    await page.keyboard.press('ArrowRight');
    await f().waitForFunction(
      (min) =>
        Number(
          document.querySelector('[data-readout="iteration"]')?.textContent?.replace(/\D/g, ''),
        ) > min,
      stopped,
      { timeout: 20_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a deck opened on the embed's slide", () => {
  it('trains although its slide:start came before the iframe had loaded', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    await page.goto(`${host.url.replace('/nothing/', '')}/deck.html#/1`);
    await page.waitForFunction(() => (window as unknown as { deckReady?: boolean }).deckReady);
    expect(await page.evaluate(() => (window as unknown as Deck).deck.getIndices().h)).toBe(1);
    await embedLoaded(page);
    await embedFrame(page).waitForFunction(
      () =>
        Number(
          document.querySelector('[data-readout="iteration"]')?.textContent?.replace(/\D/g, ''),
        ) > 20,
      null,
      { timeout: 20_000 },
    );
    // And leaving it still stops it.
    await page.keyboard.press('ArrowLeft');
    await embedFrame(page).getByRole('button', { name: 'Play' }).waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('slides-example.html', () => {
  it('the built deck loads from the sub-path with no console errors, and its demo trains on slide 2', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors = watchErrors(page);
    const outside: string[] = [];
    const origin = new URL(inject('baseUrl')).origin;
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(`${inject('baseUrl')}slides-example.html`);
    await page.locator('.reveal.ready').waitFor();
    expect(await page.locator('.reveal .slides > section').count()).toBe(3);
    await page.keyboard.press('ArrowRight');
    await embedLoaded(page);
    const f = embedFrame(page);
    await f.locator('[data-readout="ratio"][data-value]').waitFor({ timeout: 20_000 });
    await f.getByRole('button', { name: 'Pause' }).waitFor({ timeout: 20_000 });
    // The demo sits at 16:9 on the slide.
    const box = (await page.locator('iframe.demo').boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(16 / 9, 2);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'test-results/slides-example.png' });
    await page.keyboard.press('ArrowRight');
    await f.getByRole('button', { name: 'Play' }).waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});

async function audit(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('dialog[open]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('Copy link shows a QR code', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`copies the link and shows its QR code; axe finds nothing serious (${scheme})`, async () => {
      const ctx = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: scheme,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      const scripts: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await page.goto(`${inject('baseUrl')}?lesson=vanishing`);
      await page.locator('[data-readout="header-iteration"]').waitFor();
      const before = scripts.length;
      expect(scripts.some((s) => s.includes('ShareDialog'))).toBe(false);
      await page.getByRole('button', { name: 'Copy link' }).click();
      const dialog = page.getByRole('dialog', { name: 'Share this setup' });
      const qr = dialog.getByRole('img', { name: 'QR code of the link to this setup' });
      await qr.waitFor();
      // The QR code's code arrived with the dialog, not with the page.
      expect(scripts.slice(before).some((s) => s.includes('ShareDialog'))).toBe(true);
      await dialog.getByText('Link copied to the clipboard.').waitFor();
      const link = await dialog.getByLabel('Link to this setup', { exact: true }).inputValue();
      expect(link).toContain('lesson=vanishing');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      expect(Number(await qr.getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
      // Rendered large enough to scan from a few rows back.
      expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
      await screenshot(page, `share-qr-${scheme}`);
      expect(await audit(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect(errors).toEqual([]);
      await ctx.close();
    });
  }
});
