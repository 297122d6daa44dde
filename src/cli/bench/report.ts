/** The bench's tab-separated table (stdout; --json prints the rows instead). */
import type { BenchRow } from './types';

const fmt = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? '—' : x.toFixed(d);

export function printTable(
  rows: readonly BenchRow[],
  ceilingGflops: number,
  simdPeakGflops: number | null,
  torch: boolean,
): void {
  const head = [
    'cell',
    'H',
    'T',
    'B',
    'ours ms',
    'ours seq-steps/s',
    'GFLOP/s',
    '% ceiling',
    '% adjacent ceiling',
    '% SIMD peak',
    'tfjs ms',
    'backend',
    'tfjs seq-steps/s',
    'tfjs/ours',
  ];
  if (torch) head.push('torch ms', 'torch/ours');
  console.log(head.join('\t'));
  for (const r of rows) {
    const line = [
      r.cell,
      r.H,
      r.T,
      r.B,
      fmt(r.oursMs),
      Math.round((r.B * r.T * 1000) / r.oursMs),
      fmt(r.gflops),
      fmt((100 * r.gflops) / ceilingGflops, 0),
      fmt((100 * r.gflops) / r.ceilingAdjacentGflops, 0),
      simdPeakGflops === null ? '—' : fmt((100 * r.gflops) / simdPeakGflops, 0),
      fmt(r.peerMs),
      r.peerBackend ?? '—',
      r.peerMs === null ? '—' : Math.round((r.B * r.T * 1000) / r.peerMs),
      fmt(r.ratio),
    ];
    if (torch) line.push(fmt(r.torchMs), r.torchMs === undefined ? '—' : fmt(r.torchMs / r.oursMs));
    console.log(line.join('\t'));
  }
}
