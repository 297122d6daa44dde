/**
 * Optional PyTorch column: float64, one thread, nn.RNN/LSTM/GRU + Linear readout + Adam on an
 * adding-problem batch of the same shape (bench/torch_peer.py). Used only when `import torch` works.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from './ours';

const SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../bench/torch_peer.py',
);

export function torchAvailable(): boolean {
  const r = spawnSync('python3', ['-c', 'import torch'], { stdio: 'ignore' });
  return r.status === 0;
}

/** Median ms per step, or null when the script fails. */
export function torchStepMs(c: BenchCase, runs: number): number | null {
  const r = spawnSync(
    'python3',
    [SCRIPT, c.cell, String(c.H), String(c.T), String(c.B), String(runs)],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) return null;
  const ms = Number(r.stdout.trim().split('\n').pop());
  return Number.isFinite(ms) ? ms : null;
}
