/** One row of `npm run bench`: printed by report.ts, written by --json. */
export interface BenchRow {
  cell: string;
  H: number;
  T: number;
  B: number;
  oursMs: number;
  peerMs: number | null;
  peerBackend: string | null;
  ratio: number | null;
  gflops: number;
  torchMs?: number;
  /** Median ceiling measured between our runs of this case (load-fair reference for gflops). */
  ceilingAdjacentGflops: number;
  /** Which matrix kernels ours ran on. */
  kernels: 'simd' | 'typescript';
}
