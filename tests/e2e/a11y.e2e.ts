import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, watchErrors } from './browser';
import { LESSONS } from '../../src/store/lessons';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function audit(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

async function open(
  query: string,
  opts: { width?: number; height?: number; scheme?: 'light' | 'dark' } = {},
) {
  // AxeBuilder needs a page from an explicit context.
  const ctx = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    colorScheme: opts.scheme ?? 'light',
  });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${inject('baseUrl')}${query}`);
  await page.locator('[data-readout="header-iteration"], .embed-bar').first().waitFor();
  const step = page.getByRole('button', { name: 'Step' });
  if (await step.count()) await step.first().click();
  await page.waitForTimeout(400);
  return { page, errors };
}

describe('accessibility audit (axe-core): no serious or critical violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`full app, ${scheme} theme`, async () => {
      const { page, errors } = await open('', { scheme });
      expect(await audit(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('embed view', async () => {
    const { page } = await open('?embed=1&panels=grad,belt&controls=rho,forget,play', {
      width: 640,
      height: 400,
    });
    expect(await audit(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('every lesson', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    const found: string[] = [];
    for (const lesson of LESSONS) {
      await page.goto(`${inject('baseUrl')}?lesson=${lesson.id}`);
      await page.locator('[data-readout="header-iteration"]').waitFor();
      await page
        .waitForFunction(
          () => document.querySelector('[data-readout="ratio"]')?.hasAttribute('data-value'),
          null,
          { timeout: 10000 },
        )
        .catch(() => {});
      for (const v of await audit(page)) found.push(`${lesson.id}: ${v}`);
    }
    expect(found).toEqual([]);
    await page.close();
  }, 300_000);
});

describe('keyboard', () => {
  it('Space plays and pauses, → steps, ? opens the shortcuts; typing in a field never triggers them', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    const errors = watchErrors(page);
    await page.goto(`${inject('baseUrl')}?T=20&H=8`);
    const iteration = page.locator('[data-readout="header-iteration"]');
    await iteration.waitFor();
    await page.getByRole('button', { name: 'Play' }).first().waitFor();
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('.transport .btn-primary')?.disabled,
    );

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-readout="header-iteration"]')?.textContent) === 1,
    );

    // Typing a space into the Seed field edits the field, it does not start training.
    const seed = page.getByLabel('Seed', { exact: true });
    await seed.click();
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await seed.press('Escape');
    await page.locator('h1').click();

    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Pause' }).first().waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Play' }).first().waitFor();

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');

    // Tab reaches the memory sliders, and arrow keys move them.
    const rho = page.getByLabel('Spectral radius', { exact: true });
    await rho.focus();
    const before = Number(await rho.inputValue());
    await page.keyboard.press('ArrowRight');
    expect(Number(await rho.inputValue())).toBeCloseTo(before + 0.01, 9);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an iframe of 480×360 shows one panel and its controls with no scrollbar inside the panel', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 480, height: 360 } })
    ).newPage();
    await page.goto(`${inject('baseUrl')}?embed=1&lesson=vanishing&panels=grad&controls=rho,play`);
    await page.locator('#panel-grad').waitFor();
    const overflow = await page.evaluate(() => {
      const p = document.querySelector('#panel-grad') as HTMLElement;
      return {
        x: p.scrollWidth - p.clientWidth,
        page: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    expect(overflow.x).toBeLessThanOrEqual(0);
    expect(overflow.page).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe('motion and colour preferences', () => {
  it('the belt animates normally and not at all under prefers-reduced-motion; dark scheme is followed', async () => {
    const anim = async (reducedMotion: 'reduce' | 'no-preference') => {
      const ctx = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        reducedMotion,
        colorScheme: 'dark',
      });
      const page = await ctx.newPage();
      await page.goto(`${inject('baseUrl')}?cell=lstm&T=20&H=8`);
      await page.locator('.belt-flow').first().waitFor({ state: 'attached' });
      const r = await page.evaluate(() => ({
        name: getComputedStyle(document.querySelector('.belt-flow')!).animationName,
        bg: getComputedStyle(document.documentElement).backgroundColor,
      }));
      await ctx.close();
      return r;
    };
    const normal = await anim('no-preference');
    const reduced = await anim('reduce');
    expect(normal.name).toBe('belt-flow-left');
    expect(reduced.name).toBe('none');
    expect(normal.bg).toBe('rgb(14, 17, 21)');
  });
});
