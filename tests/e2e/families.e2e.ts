import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, trainUntil, watchErrors } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Each family's own picture in the spectrum panel, and the belt counterpart. */
const FAMILIES = [
  { cell: 'lru', spectrum: 'Eigenvalues λ', belt: 'constant valve |λ|', grad: '‖∂L/∂xₜ‖' },
  {
    cell: 'rglru',
    spectrum: 'Per-step decays aₜ',
    belt: 'input-driven valve aₜ',
    grad: '‖∂L/∂hₜ‖',
  },
  { cell: 's6', spectrum: 'Per-step decays exp(Δₜ·A)', belt: 'Δ as a clock', grad: '‖∂L/∂sₜ‖' },
  {
    cell: 'attention',
    spectrum: 'Attention weights α',
    belt: 'Arcs from the last position',
    grad: '‖∂L/∂eₜ‖',
  },
] as const;

async function serious(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Every panel draws something: an SVG or a canvas with size, and no NaN or Infinity in its text. */
async function panelsDrawn(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const id of ['panel-grad', 'panel-spectrum', 'panel-belt', 'panel-loss', 'panel-hidden']) {
      const el = document.getElementById(id);
      if (!el) {
        out[id] = 'missing';
        continue;
      }
      const drawn = [...el.querySelectorAll('svg.chart-svg, canvas')].some((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 50 && r.height > 50;
      });
      const text = el.textContent ?? '';
      out[id] = !drawn ? 'blank' : /NaN|Infinity/.test(text) ? 'NaN' : 'ok';
    }
    return out;
  });
}

describe('the four families in the page and the embed', () => {
  for (const f of FAMILIES) {
    it(`${f.cell}: trains, every panel draws its own picture, explain names the paper, axe 0 serious in both themes`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(`${inject('baseUrl')}?cell=${f.cell}&H=16&T=40`);
      await page.locator('[data-readout="header-iteration"]').waitFor();
      expect(await page.locator('#settings select').first().inputValue()).toBe(f.cell);
      await trainUntil(page, 3);
      await expect
        .poll(() => panelsDrawn(page))
        .toEqual({
          'panel-grad': 'ok',
          'panel-spectrum': 'ok',
          'panel-belt': 'ok',
          'panel-loss': 'ok',
          'panel-hidden': 'ok',
        });
      expect(await page.locator('#panel-spectrum').textContent()).toContain(f.spectrum);
      expect(await page.locator('#panel-belt').textContent()).toContain(f.belt);
      expect(await page.locator('#panel-grad').textContent()).toContain(f.grad);
      await page.locator('[data-explain="citation"]').waitFor();
      expect(await page.locator('[data-explain="cost"]').textContent()).toMatch(
        /A step costs|Step t reads/,
      );
      expect(await serious(page)).toEqual([]);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await serious(page)).toEqual([]);
      expect(errors).toEqual([]);
      await ctx.close();
    }, 120_000);
  }

  it('the embed trains each family and keeps its controls in the link', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 900 } });
    const errors = watchErrors(page);
    for (const q of [
      'cell=lru&rmin=0.9&rmax=0.999&phase=1',
      'cell=s6&N=4',
      'cell=rglru&init=griffin-paper',
      'cell=attention',
    ]) {
      await page.goto(
        `${inject('baseUrl')}?embed=1&${q}&T=30&H=8&panels=grad,spectrum,belt&controls=ring,N,init,play`,
      );
      await page.getByRole('button', { name: 'Play' }).first().click();
      await expect
        .poll(async () => (await panelsDrawn(page))['panel-spectrum'], { timeout: 20_000 })
        .toBe('ok');
      await page.getByRole('button', { name: 'Pause' }).first().click();
    }
    // The ring's sliders and S6's N are controls an embed may keep.
    await page.goto(`${inject('baseUrl')}?embed=1&cell=lru&rmin=0.9&controls=ring`);
    await expect.poll(() => page.getByLabel('Ring: r_min').inputValue()).toBe('0.9');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
