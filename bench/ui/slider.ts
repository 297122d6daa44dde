/**
 * Slider answer time: on a freshly loaded, paused page, move "Spectral radius" step by step and time
 * each move from the input event to the frame after the gradient readout (‖∂L/∂h₁‖/‖∂L/∂h_T‖) shows
 * the new value. The worker rescales W_hh, re-runs forward/backward on the batch and posts a
 * snapshot; the page commits it and React draws. Target: every move within 100 ms.
 *
 *   npm run bench:ui -- --mode slider [--query 'cell=rnn&H=64&T=100'] [--moves 10] [--pages 3]
 *     [--gap 300] (ms between moves)  [--rate 1] (CPU throttling)  [--no-build]
 */
import type { Browser, Page } from 'playwright-core';
import {
  flag,
  launchBrowser,
  load,
  median,
  numFlag,
  openApp,
  prepareDist,
  serve,
  sleep,
  sourceState,
  table,
} from './common';

/**
 * Installed before the page's scripts: every message from the training worker gets an arrival
 * time, so a move's latency splits into the worker's answer and the page's commit and render.
 */
const WORKER_CLOCK = `(() => {
  const W = window.Worker;
  window.__snapshots = [];
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => {
        if (e.data && e.data.type === 'snapshot') window.__snapshots.push(performance.now());
      });
    }
  };
})();`;

interface Move {
  /** Input event → the frame after the readout changed. */
  total: number;
  /** Input event → the worker's first snapshot after it arrived on the page. */
  worker: number;
}

/** In the page: set the slider, dispatch `input`, resolve when the readout changed (+1 frame). */
async function moveOnce(page: Page, value: number, timeoutMs = 20_000): Promise<Move> {
  return page.evaluate(
    ({ value, timeoutMs }) =>
      new Promise<Move>((resolve, reject) => {
        const arrivals = (window as unknown as { __snapshots: number[] }).__snapshots;
        const label = [...document.querySelectorAll('label')].find(
          (l) => l.textContent === 'Spectral radius',
        );
        const input = document.getElementById(label?.htmlFor ?? '') as HTMLInputElement | null;
        const out = document.querySelector('[data-readout="ratio"]');
        if (!input || !out) return reject(new Error('no Spectral radius slider or ratio readout'));
        const before = out.getAttribute('data-value');
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        let t0 = 0;
        const timer = setTimeout(() => {
          mo.disconnect();
          reject(new Error(`readout unchanged after ${timeoutMs} ms`));
        }, timeoutMs);
        const mo = new MutationObserver(() => {
          if (out.getAttribute('data-value') === before) return;
          mo.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() =>
            resolve({
              total: performance.now() - t0,
              worker: (arrivals.find((t) => t >= t0) ?? NaN) - t0,
            }),
          );
        });
        mo.observe(out, { attributes: true, attributeFilter: ['data-value'] });
        t0 = performance.now();
        setter.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { value, timeoutMs },
  );
}

export async function measureSlider(
  browser: Browser,
  url: string,
  query: string,
  moves: number,
  gapMs: number,
  rate: number,
): Promise<{ moves: Move[]; errors: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.addInitScript(WORKER_CLOCK);
  if (rate > 1) {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  const errors = await openApp(page, url, query);
  // "Freshly loaded": the first snapshot is on screen, nothing else has happened yet.
  await page.waitForFunction(() =>
    document.querySelector('[data-readout="ratio"]')?.hasAttribute('data-value'),
  );
  const out: Move[] = [];
  for (let k = 0; k < moves; k++) {
    // 0.80 → 0.85 → 0.90 …: each move changes ρ, so the gradient ratio must change.
    const m = await moveOnce(page, 0.85 + 0.05 * k);
    out.push({ total: Math.round(m.total), worker: Math.round(m.worker) });
    await sleep(gapMs);
  }
  await ctx.close();
  return { moves: out, errors };
}

export async function main() {
  const query = flag('query') ?? 'cell=rnn&H=64&T=100&task=adding';
  const moves = numFlag('moves', 10);
  const pages = numFlag('pages', 3);
  const gap = numFlag('gap', 300);
  const rate = numFlag('rate', 1);
  const dir = prepareDist();
  const src = sourceState();
  const srv = await serve(dir);
  const browser = await launchBrowser();
  const rows: Move[][] = [];
  const errors: string[] = [];
  try {
    for (let p = 0; p < pages; p++) {
      const r = await measureSlider(browser, srv.url, query, moves, gap, rate);
      rows.push(r.moves);
      errors.push(...r.errors);
      console.error(
        `page ${p + 1}: ${r.moves.map((m) => `${m.total} (${m.worker})`).join(' ')} ms`,
      );
    }
  } finally {
    await browser.close();
    await srv.close();
  }
  const all = rows.flat().map((m) => m.total);
  console.log(
    `Spectral radius moves on a fresh paused page ?${query}, ${gap} ms apart` +
      `${rate > 1 ? `, CPU throttled ${rate}×` : ''}; ${dir}, built from ${src.commit}` +
      `${src.dirty ? ' + local changes' : ''} (unless --dist); load1 ${load().load1}; target ≤ 100 ms each`,
  );
  console.log(
    table(
      ['page', ...Array.from({ length: moves }, (_, k) => `move ${k + 1}`)],
      rows.map((r, p) => [p + 1, ...r.map((m) => `${m.total} (${m.worker})`)]),
    ),
  );
  console.log(
    "each: ms until the readout changed on screen (ms until the worker's snapshot arrived)",
  );
  console.log(
    `median ${median(all)} ms, max ${Math.max(...all)} ms, over 100 ms: ${all.filter((x) => x > 100).length} of ${all.length}`,
  );
  if (errors.length) console.log(`console errors: ${[...new Set(errors)].join(' | ')}`);
}
