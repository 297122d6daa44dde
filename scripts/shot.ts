import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/e2e/server';
const [, , query = '', name = 'shot', w = '1280', h = '800', waitMs = '2500', action = ''] =
  process.argv;
const { server, url } = await serveStatic('dist', '/sub/');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text());
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(url + query);
if (action === 'play') {
  await page.getByRole('button', { name: 'Play' }).first().click();
}
await page.waitForTimeout(+waitMs);
await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: process.env.FULL !== '0' });
console.log('saved', name);
await browser.close();
server.close();
