/**
 * The classic cells' initializations (PyTorch nn.RNN / nn.LSTM / nn.GRU layout). Draw order is
 * fixed (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, readout.weight, readout.bias; gate
 * blocks in row order), so one seed always gives the same model.
 */
import { log } from '../log';
import { gateBlock, setForgetBias } from '../forgetBias';
import type { InitOptions } from './engine';
import type { Model } from '../model';
import { randomOrthogonal } from '../orthogonal';
import type { Rng } from '../rng';
import { setModelSpectralRadius } from '../spectrum';
import { cellHas } from './catalog';
import type { ClassicInit } from './classic';

/**
 * Feed-forward link inside each pair of units of the non-normal init, relative to the pair's
 * eigenvalue scale: with ρ = 0.9 it gives σ_max ≈ 3.9 and a peak ‖W^k‖ ≈ 12 at k = 8 (H = 32).
 */
const NONNORMAL_LINK = 4;
/** Ratio of a pair's second eigenvalue to its first: distinct, so W stays diagonalizable. */
const NONNORMAL_PAIR = 0.95;

/**
 * Q·N·Qᵀ with N block diagonal in 2×2 blocks [[a, s], [0, 0.95·a]], a ~ U(−1, 1), s = 4 (a 1×1
 * block [a] last when H is odd) and Q Haar-random orthogonal. Each pair of units passes its state
 * forward through a strong link: a non-normal matrix whose powers grow for a while before they
 * decay like ρ^k (Ganguli, Huh & Sompolinsky 2008; Orhan & Pitkow 2020). The eigenvalues are the
 * a's and 0.95·a's, so ρ (before any rescaling) is the largest |a|; Q only hides the structure.
 */
export function nonNormalBlock(rng: Rng, H: number): Float64Array {
  const N = new Float64Array(H * H);
  for (let j = 0; j < H; j += 2) {
    const a = rng.uniform(-1, 1);
    N[j * H + j] = a;
    if (j + 1 < H) {
      N[(j + 1) * H + j + 1] = NONNORMAL_PAIR * a;
      N[j * H + j + 1] = NONNORMAL_LINK;
    }
  }
  const Q = randomOrthogonal(rng, H, H);
  // W = (Q·N)·Qᵀ.
  const QN = new Float64Array(H * H);
  for (let i = 0; i < H; i++)
    for (let k = 0; k < H; k++) {
      const q = Q[i * H + k] as number;
      for (let j = 0; j < H; j++)
        QN[i * H + j] = (QN[i * H + j] as number) + q * (N[k * H + j] as number);
    }
  const W = new Float64Array(H * H);
  for (let i = 0; i < H; i++)
    for (let j = 0; j < H; j++) {
      let s = 0;
      for (let k = 0; k < H; k++) s += (QN[i * H + k] as number) * (Q[j * H + k] as number);
      W[i * H + j] = s;
    }
  return W;
}

/** Std of the IRNN input weights (Le, Jaitly & Hinton 2015 draw them from a narrow Gaussian). */
const IRNN_INPUT_STD = 1e-3;

function fillUniform(rng: Rng, a: Float64Array, bound: number): void {
  for (let k = 0; k < a.length; k++) a[k] = rng.uniform(-bound, bound);
}

/**
 * Fill every weight of the model from rng.
 * - pytorch: every cell weight and bias ~ U(±1/√H) (nn.RNN / nn.LSTM / nn.GRU reset_parameters).
 * - xavier: Glorot uniform per gate block, U(±√(6/(fan_in+fan_out))) with the block's own fans
 *   (H×I for input weights, H×H recurrent); biases 0.
 * - orthogonal: each H×H recurrent gate block a Haar-random orthogonal matrix (Saxe et al. 2014);
 *   input blocks Glorot uniform as in the common recipe (Keras's recurrent_initializer); biases 0.
 * - identity (IRNN, Le et al. 2015): each recurrent block = I, input weights ~ N(0, 0.001²), biases 0.
 * - nonnormal (linear and tanh RNN): W_hh = nonNormalBlock, input weights Glorot uniform, biases 0:
 *   a teaching init with ρ < 1 and transient growth.
 * The readout is nn.Linear's: weight and bias ~ U(±1/√H). Then, in order: ρ rescaling of every
 * recurrent block (if rho is not null), and for the LSTM the forget-gate bias (or chrono).
 */
export function initClassic(model: Model, rng: Rng, opts: InitOptions): void {
  const { cell, hiddenSize: H, inputSize: I } = model.spec;
  const whhP = model.param('weight_hh_l0');
  const G = whhP.rows / H;
  const wih = model.param('weight_ih_l0').w;
  const whh = whhP.w;
  const bih = model.param('bias_ih_l0').w;
  const bhh = model.param('bias_hh_l0').w;
  const k = 1 / Math.sqrt(H);

  // Only the classic ids reach here: each cell offers its own inits (CellInfo.inits).
  const init = opts.init as ClassicInit;
  switch (init) {
    case 'pytorch':
      fillUniform(rng, wih, k);
      fillUniform(rng, whh, k);
      fillUniform(rng, bih, k);
      fillUniform(rng, bhh, k);
      break;
    case 'xavier':
      fillUniform(rng, wih, Math.sqrt(6 / (I + H)));
      fillUniform(rng, whh, Math.sqrt(6 / (H + H)));
      bih.fill(0);
      bhh.fill(0);
      break;
    case 'orthogonal':
      fillUniform(rng, wih, Math.sqrt(6 / (I + H)));
      for (let g = 0; g < G; g++) whh.set(randomOrthogonal(rng, H, H), g * H * H);
      bih.fill(0);
      bhh.fill(0);
      break;
    case 'nonnormal':
      fillUniform(rng, wih, Math.sqrt(6 / (I + H)));
      for (let g = 0; g < G; g++) whh.set(nonNormalBlock(rng, H), g * H * H);
      bih.fill(0);
      bhh.fill(0);
      break;
    case 'identity':
      for (let j = 0; j < wih.length; j++) wih[j] = IRNN_INPUT_STD * rng.normal();
      whh.fill(0);
      for (let g = 0; g < G; g++) for (let i = 0; i < H; i++) whh[g * H * H + i * H + i] = 1;
      bih.fill(0);
      bhh.fill(0);
      break;
    default: {
      const never: never = init;
      throw new RangeError(`init ${String(never)} is not one of the classic cells'`);
    }
  }
  fillUniform(rng, model.param('readout.weight').w, k);
  fillUniform(rng, model.param('readout.bias').w, k);

  if (opts.rho !== null) {
    if (!(opts.rho >= 0) || !Number.isFinite(opts.rho))
      throw new RangeError(`rho must be finite and ≥ 0, got ${opts.rho}`);
    setModelSpectralRadius(model, opts.rho);
  }

  if (!cellHas(cell, 'forgetBias')) return;
  setForgetBias(model, opts.forgetBias);
  if (opts.chrono === true) {
    const T = opts.T;
    if (T === undefined || !Number.isInteger(T) || T < 2)
      throw new RangeError(`chrono initialization needs an integer T ≥ 2, got ${T}`);
    // The forget gate's characteristic time 1/(1−σ(b_f)) ≈ e^{b_f} then spans 1..T−1 (their eq. 2).
    const fRow = gateBlock(cell, 'f') * H;
    const iRow = gateBlock(cell, 'i') * H;
    for (let u = 0; u < H; u++) {
      const bf = log(rng.uniform(1, T - 1));
      bih[fRow + u] = bf;
      bih[iRow + u] = -bf;
    }
    bhh.fill(0, iRow, iRow + H);
    bhh.fill(0, fRow, fRow + H);
  }
}
