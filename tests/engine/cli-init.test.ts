import { describe, expect, it } from 'vitest';
import { runGrad } from '../../src/cli/grad';
import { parseSpec, SpecError } from '../../src/cli/spec';
import { initModel } from '../../src/engine/init';
import { createModel } from '../../src/engine/model';
import { createRng } from '../../src/engine/rng';
import { spectralRadius } from '../../src/engine/spectrum';
import type { CellKind } from '../../src/engine/types';

const T = 12;
const B = 2;
const I = 2;
const H = 4;
const O = 1;

function header(cell: CellKind): Record<string, unknown> {
  const rng = createRng(99);
  return {
    cell,
    inputSize: I,
    hiddenSize: H,
    outputSize: O,
    seqLen: T,
    batch: B,
    loss: 'mse_last',
    inputs: Array.from({ length: T }, () =>
      Array.from({ length: B }, () => Array.from({ length: I }, () => rng.normal())),
    ),
    targets: Array.from({ length: B }, () => [rng.normal()]),
  };
}

/** Explicit weights in the spec's nested layout, drawn with PyTorch's default init. */
function explicitWeights(
  cell: CellKind,
  edit?: (name: string, w: Float64Array) => void,
): Record<string, unknown> {
  const model = createModel({ cell, inputSize: I, hiddenSize: H, outputSize: O });
  initModel(model, createRng(5), { init: 'pytorch', rho: null, forgetBias: 0 });
  const out: Record<string, unknown> = {};
  for (const p of model.params) {
    edit?.(p.name, p.w);
    out[p.name] =
      p.cols === 1
        ? Array.from(p.w)
        : Array.from({ length: p.rows }, (_, r) =>
            Array.from(p.w.subarray(r * p.cols, (r + 1) * p.cols)),
          );
  }
  return out;
}

const errorOf = (raw: unknown): string => {
  try {
    parseSpec(raw);
  } catch (e) {
    if (e instanceof SpecError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('grad CLI: init, rho, forgetBias, holdForget, seed', () => {
  it('init without weights draws the seeded initializer, then rescales W_hh to rho', () => {
    const spec = parseSpec({ ...header('gru'), init: 'orthogonal', seed: 3, rho: 0.9 });
    const model = createModel({ cell: 'gru', inputSize: I, hiddenSize: H, outputSize: O });
    initModel(model, createRng(3), { init: 'orthogonal', rho: 0.9, forgetBias: 0 });
    expect(Object.keys(spec.weights)).toEqual(model.params.map((p) => p.name));
    for (const p of model.params)
      expect(Array.from(spec.weights[p.name]!)).toEqual(Array.from(p.w));
    for (let g = 0; g < 3; g++) {
      expect(
        Math.abs(
          spectralRadius(spec.weights.weight_hh_l0!.slice(g * H * H, (g + 1) * H * H), H) - 0.9,
        ),
      ).toBeLessThan(1e-10);
    }
    const other = parseSpec({ ...header('gru'), init: 'orthogonal', seed: 4 });
    expect(Array.from(other.weights.weight_hh_l0!)).not.toEqual(
      Array.from(spec.weights.weight_hh_l0!),
    );
    expect(spec.init).toBe('orthogonal');
    expect(spec.seed).toBe(3);
  });

  it('rho and forgetBias apply on top of explicit weights', () => {
    const spec = parseSpec({
      ...header('lstm'),
      weights: explicitWeights('lstm'),
      rho: 1.2,
      forgetBias: 1,
    });
    for (let g = 0; g < 4; g++) {
      expect(
        Math.abs(
          spectralRadius(spec.weights.weight_hh_l0!.slice(g * H * H, (g + 1) * H * H), H) - 1.2,
        ),
      ).toBeLessThan(1e-10);
    }
    const bih = spec.weights.bias_ih_l0!;
    const bhh = spec.weights.bias_hh_l0!;
    for (let u = 0; u < H; u++) {
      expect(bih[H + u]).toBe(1);
      expect(bhh[H + u]).toBe(0);
    }
    // Other bias rows keep the given values.
    const plain = parseSpec({ ...header('lstm'), weights: explicitWeights('lstm') });
    expect(bih[0]).toBe(plain.weights.bias_ih_l0![0]);
    expect(plain.rho).toBeUndefined();
  });

  it('holdForget reaches the engine: ‖dL/dc_t‖/‖dL/dc_T‖ = φ^(T−t) and the output is marked', () => {
    const phi = 0.7;
    const weights = explicitWeights('lstm', (name, w) => {
      if (name === 'weight_hh_l0') w.fill(0);
      if (name === 'weight_ih_l0') w.fill(0, H * I, 2 * H * I);
    });
    const held = runGrad(parseSpec({ ...header('lstm'), weights, holdForget: phi }));
    const norms = held.dL_dc_norm as number[];
    let worst = 0;
    for (let t = 1; t <= T; t++) {
      const ref = phi ** (T - t);
      worst = Math.max(
        worst,
        Math.abs((norms[t - 1] as number) / (norms[T - 1] as number) - ref) / ref,
      );
    }
    expect(worst).toBeLessThan(1e-12);
    expect(held.teachingOverride).toEqual({ holdForget: phi });
    const free = runGrad(parseSpec({ ...header('lstm'), weights }));
    expect(free.teachingOverride).toBeUndefined();
    expect(free.dL_dc_norm).not.toEqual(norms);
  });

  it('names the field of every bad combination', () => {
    const w = explicitWeights('rnn');
    expect(errorOf({ ...header('rnn'), init: 'xavier', weights: w })).toMatch(
      /^spec\.weights: give either/,
    );
    expect(errorOf({ ...header('rnn') })).toMatch(/^spec\.weights: missing/);
    expect(errorOf({ ...header('rnn'), init: 'glorot' })).toMatch(/^spec\.init: expected one of/);
    expect(errorOf({ ...header('rnn'), init: 'xavier', rho: -1 })).toMatch(
      /^spec\.rho: expected ≥ 0/,
    );
    expect(errorOf({ ...header('rnn'), init: 'xavier', seed: 1.5 })).toMatch(
      /^spec\.seed: expected an integer/,
    );
    expect(errorOf({ ...header('lstm'), init: 'xavier', holdForget: 1.5 })).toMatch(
      /^spec\.holdForget: expected ≤ 1/,
    );
    expect(errorOf({ ...header('rnn'), init: 'xavier', holdForget: 0.5 })).toMatch(
      /^spec\.holdForget: only an lstm/,
    );
    expect(errorOf({ ...header('gru'), init: 'xavier', forgetBias: 1 })).toMatch(
      /^spec\.forgetBias: only an lstm/,
    );
    const zero = explicitWeights('rnn', (name, a) => {
      if (name === 'weight_hh_l0') a.fill(0);
    });
    expect(errorOf({ ...header('rnn'), weights: zero, rho: 0.9 })).toMatch(
      /^spec\.rho: W_hh gate block 0 has spectral radius 0/,
    );
    expect(errorOf({ ...header('rnn'), weights: zero, rho: 0 })).toBe('no error');
  });
});
