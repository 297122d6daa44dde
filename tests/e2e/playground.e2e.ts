import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, trainUntil, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  query: string,
  size = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: size });
  const errors = watchErrors(page);
  await page.goto(`${inject('baseUrl')}${query}`);
  await page.locator('[data-readout="header-iteration"]').waitFor();
  return { page, errors };
}

/** Mean training loss over the first and last k points of the Loss panel's data table. */
async function lossEnds(
  page: Page,
  k: number,
): Promise<{ first: number; last: number; n: number }> {
  const data = page.locator('#panel-loss').getByRole('button', { name: 'Data', exact: true });
  if ((await data.getAttribute('aria-pressed')) !== 'true') await data.click();
  return page.evaluate((k) => {
    const table = [...document.querySelectorAll('table')].find(
      (t) => t.caption?.textContent === 'Loss',
    );
    if (!table) throw new Error('no Loss table');
    // Shown as "0.167" or "1.2 × 10⁻⁶": undo the typography to read the number back.
    const sup: Record<string, string> = {
      '⁰': '0',
      '¹': '1',
      '²': '2',
      '³': '3',
      '⁴': '4',
      '⁵': '5',
      '⁶': '6',
      '⁷': '7',
      '⁸': '8',
      '⁹': '9',
      '⁻': '-',
    };
    const parse = (s: string) =>
      Number(
        s
          .replace(/−/g, '-')
          .replace(/ × 10(\S+)/, (_, e: string) => `e${[...e].map((c) => sup[c] ?? c).join('')}`),
      );
    const values = [...table.tBodies[0]!.rows].map((r) => parse(r.cells[1]!.textContent!));
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    return { first: mean(values.slice(0, k)), last: mean(values.slice(-k)), n: values.length };
  }, k);
}

async function ratio(page: Page): Promise<number> {
  const v = await page.locator('[data-readout="ratio"]').getAttribute('data-value');
  return Number(v);
}

describe('the playground', () => {
  it("trains in a Web Worker on the WebAssembly SIMD kernels, which the page's CSP allows", async () => {
    const { page, errors } = await open('');
    const readout = page.locator('[data-kernels]');
    await readout.waitFor({ state: 'attached' });
    expect(await readout.getAttribute('data-kernels')).toBe('simd');
    expect(await readout.getAttribute('title')).toContain('Web Worker');
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(errors).toEqual([]);
  });

  it('renders every panel with a title and a data table, and no errors', async () => {
    const { page, errors } = await open('');
    for (const title of ['Gradient through time', 'Spectrum of W_hh', 'Loss', 'Hidden state']) {
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      const panel = page.locator('section', {
        has: page.getByRole('heading', { level: 2, name: title }),
      });
      expect(await panel.locator('table').count()).toBe(0);
      await panel.getByRole('button', { name: 'Data', exact: true }).click();
      expect(await page.locator(`table caption:text-is("${title}")`).count()).toBe(1);
    }
    await page
      .getByRole('heading', { level: 2, name: /Chain of step Jacobians|Conveyor belt/ })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: /^Explain/ }).waitFor();
    for (const label of [
      'Cell',
      'Task',
      'Sequence length',
      'Hidden units',
      'Batch size',
      'Initialization',
      'Spectral radius',
      'Optimizer',
      'Learning rate',
      'Clip gradients',
      'Seed',
    ]) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBeGreaterThan(0);
    }
    // The forget-gate controls exist only for a cell that has a forget gate (its descriptor says).
    const forgetControls = ['Forget gate bias', 'Hold forget gate'];
    for (const label of forgetControls)
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(0);
    await page.getByLabel('Cell', { exact: true }).selectOption('lstm');
    for (const label of forgetControls)
      await page.getByLabel(label, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Step' }).first().click();
    await page.waitForFunction(
      () => Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) >= 1,
    );
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'no horizontal scroll',
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moving Spectral radius from 0.8 to 1.5 on the tanh RNN changes the gradient ratio by orders of magnitude', async () => {
    const { page, errors } = await open('?cell=rnn&init=orthogonal&T=50&H=32&rho=0.8');
    const slider = page.getByLabel('Spectral radius', { exact: true });
    await page.waitForFunction(() =>
      document.querySelector('[data-readout="ratio"]')?.hasAttribute('data-value'),
    );
    const low = await ratio(page);
    await slider.fill('1.5');
    await page.waitForFunction(
      (low) => {
        const v = Number(
          document.querySelector('[data-readout="ratio"]')?.getAttribute('data-value'),
        );
        return Number.isFinite(v) && Math.abs(v - low) > 1;
      },
      low,
      { timeout: 5000 },
    );
    const high = await ratio(page);
    expect(high - low).toBeGreaterThan(3);

    // The numbers are real: a finite-difference check of the current batch, run in the worker.
    await page.getByRole('button', { name: 'Check gradients' }).click();
    await page.locator('[data-readout="gradcheck"]').waitFor({ timeout: 20000 });
    const err = Number(await page.locator('[data-readout="gradcheck"]').getAttribute('data-value'));
    expect(err).toBeGreaterThanOrEqual(0);
    expect(err).toBeLessThan(1e-5);
    await screenshot(page, 'rho-1.5');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Play makes the loss go down on the adding task with the LSTM lesson', async () => {
    const { page, errors } = await open('?lesson=lstm-belt&T=20&H=16&lr=0.02');
    await trainUntil(page, 400);
    const { first, last, n } = await lossEnds(page, 30);
    expect(n).toBeGreaterThan(100);
    expect(last).toBeLessThan(first * 0.5);
    await screenshot(page, 'lstm-trained');
    expect(
      await page.locator('#panel-loss [aria-label="Accuracy"]').count(),
      'no accuracy curve for a regression task',
    ).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a classification task gets an accuracy curve that climbs from chance', async () => {
    const { page, errors } = await open('?cell=lstm&task=order&T=12&H=32');
    await trainUntil(page, 400);
    await page.locator('#panel-loss [aria-label="Accuracy"]').waitFor();
    await page.locator('#panel-loss').getByRole('button', { name: 'Data', exact: true }).click();
    const acc = await page.evaluate(() => {
      const table = [...document.querySelectorAll('table')].find(
        (t) => t.caption?.textContent === 'Loss',
      )!;
      const col = [...table.tHead!.rows[0]!.cells].findIndex(
        (c) => c.textContent === 'accuracy (%)',
      );
      return [...table.tBodies[0]!.rows].map((r) => Number(r.cells[col]!.textContent));
    });
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(acc.length).toBeGreaterThan(100);
    expect(mean(acc.slice(0, 5))).toBeLessThan(60);
    expect(mean(acc.slice(-20))).toBeGreaterThan(60); // chance is 25 %
    expect(errors).toEqual([]);
    await page.close();
  });
});
