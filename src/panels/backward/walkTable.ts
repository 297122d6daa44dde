/** The backward panel's data table (and CSV): one row per step, T first, as the walk visits them. */
import { formatSci } from '../../charts/format';
import type { FrameTable } from '../../charts/ChartFrame';
import type { BackwardMessage } from '../../worker/protocol';
import { power } from './walkFacts';

const f = (x: number | undefined) => formatSci(x ?? NaN, 6);

export function walkTable(w: BackwardMessage | null, jNorm: Float64Array | null): FrameTable {
  const columns = [
    't',
    '‖∂L/∂hₜ‖ (sequence)',
    '‖∂L/∂hₜ‖ (batch)',
    'factor of t → t−1',
    '‖Jₜ‖₂',
    'loss’s own term at t',
    'Π factors T…t',
    'ρ^(T−t)',
    'σ_max^(T−t)',
  ];
  if (w === null) return { columns, rows: [] };
  const rows: string[][] = [];
  for (let t = w.T; t >= 1; t--) {
    const i = t - 1;
    rows.push([
      String(t),
      f(w.norm[i]),
      f(w.batchNorm[i]),
      w.cut[i] ? 'cut' : f(w.gain[i]),
      f(jNorm?.[i]),
      f(w.local[i]),
      f(w.product[i]),
      f(power(w.rho, w.T - t)),
      f(power(w.sigmaMax, w.T - t)),
    ]);
  }
  return { columns, rows };
}
