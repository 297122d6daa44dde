/**
 * Seeded weight initializations and the LSTM forget-gate bias controls.
 *
 * Draw order is fixed (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, readout.weight,
 * readout.bias; gate blocks in row order), so one seed always gives the same model.
 */
import { log } from './log';
import type { Model } from './model';
import { randomOrthogonal } from './orthogonal';
import type { Rng } from './rng';
import { setModelSpectralRadius } from './spectrum';
import { gateCount } from './types';
import type { InitKind } from './types';

export interface InitOptions {
  /** Scheme for the cell's weights (the readout is always nn.Linear's). */
  init: InitKind;
  /** When not null, every gate block of weight_hh_l0 is rescaled afterwards to this spectral radius ρ. */
  rho: number | null;
  /** LSTM: value of bias_ih_l0's forget rows (bias_hh_l0's forget rows are set to 0). Ignored for other cells. */
  forgetBias: number;
  /** LSTM: chrono initialization (Tallec & Ollivier 2018): b_f ~ log U(1, T−1), b_i = −b_f. Overrides forgetBias. */
  chrono?: boolean;
  /** Longest dependency length T_max that chrono initialization targets; required when chrono is set. */
  T?: number;
}

/** Std of the IRNN input weights (Le, Jaitly & Hinton 2015 draw them from a narrow Gaussian). */
const IRNN_INPUT_STD = 1e-3;

const LSTM_I = 0;
const LSTM_F = 1;

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
 * The readout is nn.Linear's: weight and bias ~ U(±1/√H). Then, in order: ρ rescaling of every
 * recurrent block (if rho is not null), and for the LSTM the forget-gate bias (or chrono).
 */
export function initModel(model: Model, rng: Rng, opts: InitOptions): void {
  const { cell, hiddenSize: H, inputSize: I } = model.spec;
  const G = gateCount(cell);
  const wih = model.param('weight_ih_l0').w;
  const whh = model.param('weight_hh_l0').w;
  const bih = model.param('bias_ih_l0').w;
  const bhh = model.param('bias_hh_l0').w;
  const k = 1 / Math.sqrt(H);

  switch (opts.init) {
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
    case 'identity':
      for (let j = 0; j < wih.length; j++) wih[j] = IRNN_INPUT_STD * rng.normal();
      whh.fill(0);
      for (let g = 0; g < G; g++) for (let i = 0; i < H; i++) whh[g * H * H + i * H + i] = 1;
      bih.fill(0);
      bhh.fill(0);
      break;
    default: {
      const never: never = opts.init;
      throw new RangeError(`unknown init ${String(never)}`);
    }
  }
  fillUniform(rng, model.param('readout.weight').w, k);
  fillUniform(rng, model.param('readout.bias').w, k);

  if (opts.rho !== null) {
    if (!(opts.rho >= 0) || !Number.isFinite(opts.rho))
      throw new RangeError(`rho must be finite and ≥ 0, got ${opts.rho}`);
    setModelSpectralRadius(model, opts.rho);
  }

  if (cell !== 'lstm') return;
  setForgetBias(model, opts.forgetBias);
  if (opts.chrono === true) {
    const T = opts.T;
    if (T === undefined || !Number.isInteger(T) || T < 2)
      throw new RangeError(`chrono initialization needs an integer T ≥ 2, got ${T}`);
    // The forget gate's characteristic time 1/(1−σ(b_f)) ≈ e^{b_f} then spans 1..T−1 (their eq. 2).
    for (let u = 0; u < H; u++) {
      const bf = log(rng.uniform(1, T - 1));
      bih[LSTM_F * H + u] = bf;
      bih[LSTM_I * H + u] = -bf;
    }
    bhh.fill(0, LSTM_I * H, (LSTM_F + 1) * H);
  }
}

/**
 * LSTM: the forget gate's total bias becomes `value`: bias_ih_l0's forget rows = value and
 * bias_hh_l0's forget rows = 0 (PyTorch adds the two, so one of them must carry it all).
 */
export function setForgetBias(model: Model, value: number): void {
  if (model.spec.cell !== 'lstm')
    throw new RangeError(`forget-gate bias exists only for the LSTM, not ${model.spec.cell}`);
  if (!Number.isFinite(value)) throw new RangeError(`forgetBias must be finite, got ${value}`);
  const H = model.spec.hiddenSize;
  model.param('bias_ih_l0').w.fill(value, LSTM_F * H, (LSTM_F + 1) * H);
  model.param('bias_hh_l0').w.fill(0, LSTM_F * H, (LSTM_F + 1) * H);
}

/** Live forget-bias slider: adds delta to bias_ih_l0's forget rows (LSTM only). */
export function shiftForgetBias(model: Model, delta: number): void {
  if (model.spec.cell !== 'lstm')
    throw new RangeError(`forget-gate bias exists only for the LSTM, not ${model.spec.cell}`);
  if (!Number.isFinite(delta)) throw new RangeError(`delta must be finite, got ${delta}`);
  const H = model.spec.hiddenSize;
  const b = model.param('bias_ih_l0').w;
  for (let u = LSTM_F * H; u < (LSTM_F + 1) * H; u++) b[u] = (b[u] as number) + delta;
}
