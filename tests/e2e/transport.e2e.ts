import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const iteration = (page: Page) =>
  page.evaluate(() =>
    Number(document.querySelector('[data-readout="header-iteration"]')?.textContent),
  );

/** Records the Play/Pause label and the iteration readout on every animation frame. */
async function record(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: { label: string; it: number }[]; stop_: boolean };
    w.frames_ = [];
    w.stop_ = false;
    const tick = () => {
      w.frames_.push({
        label: document.querySelector('.app-header .transport .btn-primary')?.textContent ?? '',
        it: Number(document.querySelector('[data-readout="header-iteration"]')?.textContent),
      });
      if (!w.stop_) requestAnimationFrame(tick);
    };
    tick();
  });
}

async function recorded(page: Page): Promise<{ label: string; it: number }[]> {
  return page.evaluate(() => {
    const w = window as unknown as { frames_: { label: string; it: number }[]; stop_: boolean };
    w.stop_ = true;
    return w.frames_;
  });
}

describe('transport', () => {
  it('Reset while running restarts the run and the label stays Pause on every frame', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?T=20&H=8&batch=4`);
    const header = page.locator('.app-header');
    // Slow enough that the fresh run's count is seen starting low.
    await header.getByLabel('Speed').selectOption('50');
    await header.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= 40,
    );
    const before = await iteration(page);
    await record(page);
    await header.getByRole('button', { name: 'Reset' }).click();
    // The fresh run trains: its count drops below where the old run was, then climbs again.
    await page.waitForFunction(
      (b) => {
        const f = (window as unknown as { frames_: { it: number }[] }).frames_;
        const low = f.findIndex((x) => x.it < b / 2);
        return low >= 0 && f.slice(low).some((x) => x.it >= 15);
      },
      before,
      { timeout: 30_000 },
    );
    const frames = await recorded(page);
    expect(frames.length).toBeGreaterThan(5);
    expect(frames.filter((f) => f.label !== 'Pause')).toEqual([]);
    await header.getByRole('button', { name: 'Pause' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Play then Pause at once: the label follows each click and training stops', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?T=20&H=8&batch=4`);
    await page.waitForFunction(
      () =>
        !document.querySelector<HTMLButtonElement>('.app-header .transport .btn-primary')?.disabled,
    );
    await record(page);
    await page.locator('h1').click();
    // Two presses within one frame: Play, then Pause before any snapshot of the run arrives.
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    await page.waitForTimeout(500);
    const frames = await recorded(page);
    const labels = frames.map((f) => f.label).filter((l, k, a) => k === 0 || l !== a[k - 1]);
    // At most one Pause shown in between (the frame between the two presses), ending on Play.
    expect(labels.at(-1)).toBe('Play');
    expect(labels.length).toBeLessThanOrEqual(3);
    const settled = await iteration(page);
    await page.waitForTimeout(300);
    expect(await iteration(page)).toBe(settled);
    expect(errors).toEqual([]);
    await page.close();
  });
});
