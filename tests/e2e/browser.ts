import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Collects console errors and page errors; tests assert the list stays empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

/**
 * Plays until the header's iteration count reaches `n`, pauses, waits for the session's paused
 * snapshot, and returns the iteration count the page settled on.
 */
export async function trainUntil(page: Page, n: number, timeout = 45_000): Promise<number> {
  await page.getByRole('button', { name: 'Play' }).first().click();
  await page.waitForFunction(
    (min) =>
      Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= min,
    n,
    { timeout },
  );
  await page.getByRole('button', { name: 'Pause' }).first().click();
  await page.getByRole('button', { name: 'Play' }).first().waitFor();
  // The label answers the click at once; the readouts once the session's paused snapshot is in.
  await page.waitForFunction(
    () => document.querySelector('.header-readouts')?.getAttribute('aria-busy') === 'false',
  );
  return Number(await page.locator('[data-readout="header-iteration"]').textContent());
}
