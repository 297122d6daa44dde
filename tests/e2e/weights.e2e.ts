/**
 * A weights file chooses its model: a PyTorch state_dict of another cell and size switches the
 * page to that cell, size and a task that fits, then loads; an nn.RNN-shaped file asks tanh RNN or
 * linear; a file that fits nothing changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { modelParamShapes } from '../../src/engine/cells/catalog';
import { launch, screenshot, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Nested = number | Nested[];

/** A state_dict as PyTorch's tolist() writes it, values k/100 − 0.3 in row-major order. */
function stateDict(
  cell: string,
  sizes: { inputSize: number; hiddenSize: number; outputSize: number },
) {
  const out: Record<string, Nested[]> = {};
  let k = 0;
  for (const { name, shape } of modelParamShapes(cell, sizes)) {
    const [rows, cols] = shape;
    const next = () => (k++ % 61) / 100 - 0.3;
    out[name] =
      cols === undefined
        ? Array.from({ length: rows }, next)
        : Array.from({ length: rows }, () => Array.from({ length: cols }, next));
  }
  return out;
}

/** Drops a file on the page the way a browser does (a drop event carrying a File). */
async function drop(page: Page, name: string, json: unknown): Promise<void> {
  const text = JSON.stringify(json);
  await page.evaluate(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/json' }));
      const target = document.querySelector('.app')!;
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    },
    [name, text] as const,
  );
}

const status = (page: Page, state: string) =>
  page.locator(`[data-weights-status="${state}"]`).first();

describe('a weights file chooses its model', () => {
  it('a GRU H = 8 file on the default tanh RNN page switches to it and loads it exactly', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}`);
    await page.locator('[data-readout="header-iteration"]').waitFor();
    const file = stateDict('gru', { inputSize: 2, hiddenSize: 8, outputSize: 1 });
    await page.locator('input[type=file]').setInputFiles({
      name: 'gru8.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await status(page, 'ok').waitFor();
    expect(await status(page, 'ok').textContent()).toMatch(
      /gru8\.json: It is a GRU \(H = 8, I = 2, O = 1\): switched to GRU, 8 hidden units, and loaded it/,
    );
    await page.waitForFunction(
      () => /cell=gru/.test(location.search) && /H=8/.test(location.search),
    );
    await page.getByRole('heading', { level: 2, name: 'Explain: GRU (PyTorch nn.GRU)' }).waitFor();
    // What the trainer holds now is the file, number for number.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download weights' }).click(),
    ]);
    expect(JSON.parse(readFileSync((await dl.path())!, 'utf8'))).toEqual(file);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an nn.RNN-shaped file dropped on the page asks linear, tanh RNN or ReLU RNN; a junk file changes nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?cell=lstm`);
    await page.locator('[data-readout="header-iteration"]').waitFor();
    await drop(
      page,
      'elman.json',
      stateDict('rnn', { inputSize: 10, hiddenSize: 6, outputSize: 9 }),
    );
    await status(page, 'ask').waitFor();
    expect(await status(page, 'ask').textContent()).toMatch(
      /It fits a linear, a tanh RNN and a ReLU RNN alike \(H = 6, I = 10, O = 9;.*Which is it\?/,
    );
    await screenshot(page, 'weights-ask');
    expect(new URL(page.url()).searchParams.get('cell')).toBe('lstm');
    await status(page, 'ask').getByRole('button', { name: 'linear' }).click();
    await status(page, 'ok').waitFor();
    expect(await status(page, 'ok').textContent()).toMatch(
      /task Copy \(delayed recall\) \(10 → 9\)/,
    );
    await page.waitForFunction(() => {
      const q = new URLSearchParams(location.search);
      return q.get('cell') === 'linear' && q.get('H') === '6' && q.get('task') === 'copy';
    });
    const before = page.url();
    await drop(page, 'junk.json', { 'encoder.weight': [[1, 2]], 'encoder.bias': [1] });
    await status(page, 'error').waitFor();
    expect(await status(page, 'error').textContent()).toMatch(
      /junk\.json: It does not fit the current model .*nor any cell: no cell here has parameters named encoder\.weight, encoder\.bias\. The current model is unchanged\./,
    );
    expect(page.url()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
