/**
 * The recurrence of one sequence, run from a given state at step t to step T, written straight from
 * the cell equations (PyTorch's nn.RNN / nn.LSTM / nn.GRU) and independent of the batched engine.
 * It exists so that Jacobian products can be checked by finite differences: perturb s_t, run on,
 * read s_T. Slow and allocating on purpose (clarity over speed; not for the training loop).
 */
import type { Model } from '../model';
import type { Batch, CellKind } from '../types';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Pre-activations W_ih x + b_ih + W_hh h + b_hh for every gate row; GRU's n rows keep the two halves apart. */
function preacts(
  model: Model,
  x: Float64Array,
  h: Float64Array,
  rows: number,
  I: number,
  H: number,
) {
  const wih = model.param('weight_ih_l0').w;
  const whh = model.param('weight_hh_l0').w;
  const bih = model.param('bias_ih_l0').w;
  const bhh = model.param('bias_hh_l0').w;
  const ax = new Float64Array(rows);
  const ah = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sx = bih[r] as number;
    for (let j = 0; j < I; j++) sx += (wih[r * I + j] as number) * (x[j] as number);
    let sh = bhh[r] as number;
    for (let j = 0; j < H; j++) sh += (whh[r * H + j] as number) * (h[j] as number);
    ax[r] = sx;
    ah[r] = sh;
  }
  return { ax, ah };
}

/** One step s_{t−1} → s_t for a single sequence; s = h, or (h; c) for the LSTM. */
export function cellStep(
  model: Model,
  cell: CellKind,
  x: Float64Array,
  s: Float64Array,
  holdForget: number | null,
): Float64Array {
  const { hiddenSize: H, inputSize: I } = model.spec;
  const h = s.subarray(0, H);
  const out = new Float64Array(s.length);
  if (cell === 'linear' || cell === 'rnn') {
    const { ax, ah } = preacts(model, x, h, H, I, H);
    for (let u = 0; u < H; u++) {
      const a = (ax[u] as number) + (ah[u] as number);
      out[u] = cell === 'rnn' ? Math.tanh(a) : a;
    }
    return out;
  }
  if (cell === 'gru') {
    const { ax, ah } = preacts(model, x, h, 3 * H, I, H);
    for (let u = 0; u < H; u++) {
      const r = sigmoid((ax[u] as number) + (ah[u] as number));
      const z = sigmoid((ax[H + u] as number) + (ah[H + u] as number));
      const n = Math.tanh((ax[2 * H + u] as number) + r * (ah[2 * H + u] as number));
      out[u] = (1 - z) * n + z * (h[u] as number);
    }
    return out;
  }
  const { ax, ah } = preacts(model, x, h, 4 * H, I, H);
  for (let u = 0; u < H; u++) {
    const a = (k: number) => (ax[k * H + u] as number) + (ah[k * H + u] as number);
    const i = sigmoid(a(0));
    const f = holdForget ?? sigmoid(a(1));
    const g = Math.tanh(a(2));
    const o = sigmoid(a(3));
    const c = f * (s[H + u] as number) + i * g;
    out[H + u] = c;
    out[u] = o * Math.tanh(c);
  }
  return out;
}

/** s_T for sequence `seq` of the batch, starting from state s_t at step t (0 ≤ t ≤ T). */
export function forwardFromState(
  model: Model,
  batch: Batch,
  seq: number,
  t: number,
  state: Float64Array,
  opts: { holdForget?: number | null } = {},
): Float64Array {
  const { cell, inputSize: I } = model.spec;
  const hold = cell === 'lstm' ? (opts.holdForget ?? null) : null;
  let s: Float64Array = Float64Array.from(state);
  for (let step = t + 1; step <= batch.T; step++) {
    const off = ((step - 1) * batch.B + seq) * I;
    s = cellStep(model, cell, batch.inputs.subarray(off, off + I), s, hold);
  }
  return s;
}
