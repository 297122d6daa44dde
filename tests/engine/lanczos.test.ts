import { describe, expect, it } from 'vitest';
import { cellInfo } from '../../src/engine/cells/catalog';
import { stepJacobianNorms } from '../../src/engine/jacobian';
import { createTrainer } from '../../src/worker/trainer';
import { stepJacNormsLanczos } from '../../src/engine/jacobian/lanczos';
import { small } from '../worker/helpers';

function worstRelError(cell: 'rnn' | 'linear', H: number, T: number, seed: number): number {
  const t = createTrainer(small({ cell, seed, H, T, rho: 0.95 }));
  for (let k = 0; k < 3; k++) t.step();
  const tr = t.trace;
  let worst = 0;
  for (const seq of [0, 3]) {
    const exact = stepJacobianNorms(t.model, tr, seq);
    const est = stepJacNormsLanczos(
      t.model.param('weight_hh_l0').w,
      tr.H,
      tr.h,
      tr.T,
      tr.B,
      seq,
      cellInfo(cell).stepJacobianDiag!,
    );
    for (let k = 0; k < tr.T; k++)
      worst = Math.max(worst, Math.abs(est[k]! - exact[k]!) / exact[k]!);
  }
  return worst;
}

describe('stepJacNormsLanczos (Lanczos)', () => {
  it('equals the per-step SVD norms when the Krylov space is the whole space (H ≤ 24)', () => {
    for (const cell of ['rnn', 'linear'] as const) {
      for (const seed of [1, 2, 3]) expect(worstRelError(cell, 12, 25, seed)).toBeLessThan(1e-10);
    }
  });

  it('stays within 1e-8 of the SVD norms at H = 80 with a 24-dimensional Krylov space', () => {
    expect(worstRelError('rnn', 80, 6, 5)).toBeLessThan(1e-8);
    expect(worstRelError('linear', 80, 3, 6)).toBeLessThan(1e-8);
  });
});
