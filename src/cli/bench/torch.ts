/**
 * Optional PyTorch column: float64, one thread, nn.RNN/LSTM/GRU + Linear readout + Adam on an
 * adding-problem batch of the same shape (bench/torch_peer.py). Used only when `import torch` works.
 */
import { spawn, spawnSync } from 'node:child_process';
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

/** A PyTorch peer kept running, timing one run per call (bench/torch_peer.py … serve). */
export interface TorchPeer {
  /** ms per step of one timing run, or null when the peer failed. */
  run(): Promise<number | null>;
  close(): void;
}

/** Starts the peer for one case and waits until it is set up (null without torch or on failure). */
export async function startTorchPeer(
  c: Pick<BenchCase, 'H' | 'T' | 'B'> & { cell: string },
): Promise<TorchPeer | null> {
  const exe = torchPython();
  if (exe === null) return null;
  const child = spawn(exe, [SCRIPT, c.cell, String(c.H), String(c.T), String(c.B), 'serve'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const lines: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let buf = '';
  const deliver = (line: string | null) => {
    if (waiting !== null) {
      const w = waiting;
      waiting = null;
      w(line);
    } else if (line !== null) lines.push(line);
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buf += chunk;
    let k: number;
    while ((k = buf.indexOf('\n')) >= 0) {
      deliver(buf.slice(0, k).trim());
      buf = buf.slice(k + 1);
    }
  });
  child.on('close', () => deliver(null));
  const next = () =>
    new Promise<string | null>((resolve) => {
      const l = lines.shift();
      if (l !== undefined) resolve(l);
      else waiting = resolve;
    });
  if ((await next()) !== 'ready') {
    child.kill();
    return null;
  }
  return {
    async run() {
      child.stdin.write('run\n');
      const ms = Number(await next());
      return Number.isFinite(ms) ? ms : null;
    },
    close() {
      child.stdin.end();
    },
  };
}
