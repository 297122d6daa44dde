/**
 * Seeded random orthogonal matrices, drawn from the Haar measure as in PyTorch's
 * nn.init.orthogonal_: QR-factor a Gaussian matrix, then multiply each column of Q by the sign of
 * R's diagonal (without that fix the distribution is not uniform over the orthogonal group,
 * Mezzadri 2007).
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import type { Rng } from './rng';

/**
 * A rows×cols row-major matrix with orthonormal rows (rows ≤ cols) or orthonormal columns
 * (rows ≥ cols); square ⇒ QᵀQ = QQᵀ = I. Consumes rows·cols normals from rng.
 */
export function randomOrthogonal(rng: Rng, rows: number, cols: number, gain = 1): Float64Array {
  const out = new Float64Array(rows * cols);
  if (rows === 0 || cols === 0) return out;
  // Factor the tall orientation; a wide matrix is the transpose of a tall one.
  const tall = rows >= cols;
  const m = tall ? rows : cols;
  const k = tall ? cols : rows;
  const A = new Matrix(m, k);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const z = rng.normal();
      if (tall) A.set(i, j, z);
      else A.set(j, i, z);
    }
  }
  const qr = new QrDecomposition(A);
  const Q = qr.orthogonalMatrix; // m×k
  const R = qr.upperTriangularMatrix; // k×k
  for (let j = 0; j < k; j++) {
    const s = R.get(j, j) < 0 ? -gain : gain;
    for (let i = 0; i < m; i++) {
      const v = s * Q.get(i, j);
      if (tall) out[i * cols + j] = v;
      else out[j * cols + i] = v;
    }
  }
  return out;
}
