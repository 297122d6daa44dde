// Browser tests: build the static site, then drive Debian's Chromium with Playwright against it.
// Without /usr/bin/chromium the tests are skipped in one line, unless CI is set (then it fails).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.env.CI) {
    console.error(`✗ No Chromium at ${CHROMIUM}: CI needs it (apt-get install chromium).`);
    process.exit(1);
  }
  console.log(
    `Skipping browser tests: no Chromium at ${CHROMIUM} (install Debian's chromium to run them).`,
  );
  process.exit(0);
}

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
if (!process.env.E2E_SKIP_BUILD) {
  const built = run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (built !== 0) process.exit(built);
}
process.exit(
  run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]),
);
