// `npm test`: formatting, type-check, lint, unit tests, then the browser tests, in that order; stops at
// the first failure.
import { spawnSync } from 'node:child_process';

const steps = [
  ['formatting', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['type-check', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['browser tests', 'node', ['scripts/e2e.mjs']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name} ==`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs} s)`);
}
