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

/**
 * The first Python that can import torch: the one on PATH, else Debian's (python3-torch installs
 * into /usr/bin/python3, which a pyenv or venv python on PATH does not see).
 */
let python: string | null | undefined;
function torchPython(): string | null {
  if (python !== undefined) return python;
  python = null;
  for (const exe of ['python3', '/usr/bin/python3']) {
    if (spawnSync(exe, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) {
      python = exe;
      break;
    }
  }
  return python;
}

export function torchAvailable(): boolean {
  return torchPython() !== null;
}

/** Median ms per step, or null when the script fails. */
export function torchStepMs(
  c: Pick<BenchCase, 'H' | 'T' | 'B'> & { cell: string },
  runs: number,
): number | null {
  const exe = torchPython();
  if (exe === null) return null;
  const r = spawnSync(exe, [SCRIPT, c.cell, String(c.H), String(c.T), String(c.B), String(runs)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const ms = Number(r.stdout.trim().split('\n').pop());
  return Number.isFinite(ms) ? ms : null;
}
