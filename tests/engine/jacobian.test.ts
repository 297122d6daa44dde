import { describe, expect, it } from 'vitest';
import { createWorkspace, forwardBackward } from '../../src/engine/bptt';
import type { RunOptions } from '../../src/engine/bptt';
import { initModel } from '../../src/engine/init';
import {
  jacobianProduct,
  jacobianProducts,
  stateSize,
  stepJacobian,
  stepJacobianNorms,
} from '../../src/engine/jacobian';
import { beltCurves } from '../../src/engine/jacobian/belt';
import { forwardFromState } from '../../src/engine/jacobian/forward';
import { createModel } from '../../src/engine/model';
import type { Model } from '../../src/engine/model';
import { randomOrthogonal } from '../../src/engine/orthogonal';
import { createRng } from '../../src/engine/rng';
import type { Batch, CellKind, Trace } from '../../src/engine/types';

interface Setup {
  model: Model;
  batch: Batch;
  trace: Trace;
}

function makeBatch(seed: number, T: number, B: number, I: number, O: number): Batch {
  const rng = createRng(seed);
  const inputs = new Float64Array(T * B * I).map(() => rng.normal());
  const targets = new Float64Array(B * O).map(() => rng.normal());
  return { T, B, loss: 'mse_last', inputs, targets };
}

function run(
  cell: CellKind,
  H: number,
  T: number,
  opts: RunOptions = {},
  seed = 1,
  prepare?: (m: Model) => void,
): Setup {
  const I = 3;
  const B = 2;
  const model = createModel({ cell, inputSize: I, hiddenSize: H, outputSize: 2 });
  initModel(model, createRng(seed), { init: 'pytorch', rho: null, forgetBias: 0.5 });
  prepare?.(model);
  const batch = makeBatch(seed + 100, T, B, I, 2);
  const ws = createWorkspace(model.spec, T, B);
  const trace = forwardBackward(model, batch, ws, opts);
  return { model, batch, trace };
}

/** The state s_t of sequence seq read from the trace: h_t, or (h_t; c_t) for the LSTM. */
function stateAt(trace: Trace, seq: number, t: number): Float64Array {
  const { H, B } = trace;
  const s = new Float64Array(stateSize(trace.cell, H));
  s.set(trace.h.subarray((t * B + seq) * H, (t * B + seq + 1) * H));
  if (trace.c !== null) s.set(trace.c.subarray((t * B + seq) * H, (t * B + seq + 1) * H), H);
  return s;
}

/** ∂s_T/∂s_t by central differences of the forward recurrence. */
function fdProduct(
  setup: Setup,
  seq: number,
  t: number,
  hold: number | null,
  eps = 1e-6,
): Float64Array {
  const { model, batch, trace } = setup;
  const n = stateSize(trace.cell, trace.H);
  const s = stateAt(trace, seq, t);
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const p = s.slice();
    const m = s.slice();
    p[j] = (p[j] as number) + eps;
    m[j] = (m[j] as number) - eps;
    const sp = forwardFromState(model, batch, seq, t, p, { holdForget: hold });
    const sm = forwardFromState(model, batch, seq, t, m, { holdForget: hold });
    for (let i = 0; i < n; i++)
      out[i * n + j] = ((sp[i] as number) - (sm[i] as number)) / (2 * eps);
  }
  return out;
}

/** max |A − B| / max |B|. */
function relErr(A: Float64Array, B: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < A.length; k++) {
    num = Math.max(num, Math.abs((A[k] as number) - (B[k] as number)));
    den = Math.max(den, Math.abs(B[k] as number));
  }
  return num / den;
}

const CASES: { name: string; cell: CellKind; hold: number | null }[] = [
  { name: 'linear', cell: 'linear', hold: null },
  { name: 'rnn', cell: 'rnn', hold: null },
  { name: 'gru', cell: 'gru', hold: null },
  { name: 'lstm', cell: 'lstm', hold: null },
  { name: 'lstm-hold0.8', cell: 'lstm', hold: 0.8 },
];

describe('forward-from-state helper', () => {
  it.each(CASES)('$name: reproduces the engine trace from s_0', ({ cell, hold }) => {
    const setup = run(cell, 5, 9, { holdForget: hold });
    for (const seq of [0, 1]) {
      const sT = forwardFromState(setup.model, setup.batch, seq, 0, stateAt(setup.trace, seq, 0), {
        holdForget: hold,
      });
      expect(relErr(sT, stateAt(setup.trace, seq, 9))).toBeLessThan(1e-13);
    }
  });
});

describe('Jacobian products vs central finite differences', () => {
  it.each(CASES)('$name: ∂s_T/∂s_t for t = 1, 4, 8, 9 (T = 9)', ({ cell, hold }) => {
    const setup = run(cell, 5, 9, { holdForget: hold }, 3);
    let worst = 0;
    for (const t of [1, 4, 8, 9]) {
      const P = jacobianProduct(setup.model, setup.trace, 1, t, { holdForget: hold });
      const fd = fdProduct(setup, 1, t, hold);
      worst = Math.max(worst, relErr(P, fd));
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it('an LSTM trace run with holdForget is wrong if the Jacobian ignores the hold (the option matters)', () => {
    const setup = run('lstm', 5, 9, { holdForget: 0.8 }, 3);
    const fd = fdProduct(setup, 1, 4, 0.8);
    expect(relErr(jacobianProduct(setup.model, setup.trace, 1, 4), fd)).toBeGreaterThan(1e-3);
  });

  it('step Jacobian norms are the spectral norms of the step Jacobians (rnn, T = 6)', () => {
    const setup = run('rnn', 4, 6);
    const norms = stepJacobianNorms(setup.model, setup.trace, 0);
    const J = new Float64Array(16);
    for (let t = 1; t <= 6; t++) {
      stepJacobian(setup.model, setup.trace, 0, t, J);
      // Power iteration on JᵀJ as an independent check of σ_max.
      let v = new Float64Array(4).fill(0.5);
      let sigma = 0;
      for (let it = 0; it < 2000; it++) {
        const w = new Float64Array(4);
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++)
            w[i] = (w[i] as number) + (J[i * 4 + j] as number) * (v[j] as number);
        const u = new Float64Array(4);
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++)
            u[j] = (u[j] as number) + (J[i * 4 + j] as number) * (w[i] as number);
        const nu = Math.hypot(...u);
        sigma = Math.sqrt(nu);
        v = u.map((x) => x / nu);
      }
      expect(Math.abs((norms[t - 1] as number) - sigma) / sigma).toBeLessThan(1e-9);
    }
  });
});

describe('linear cell with W_hh = ρQ: the ρ^(T−t) curve', () => {
  it.each([
    [0.9, 40],
    [1.1, 40],
    [0.5, 60],
  ])(
    'ρ = %f, T = %i: engine gradient ratio and Jacobian product norm both equal ρ^(T−t)',
    (rho, T) => {
      const H = 8;
      const setup = run('linear', H, T, {}, 5, (m) => {
        const Q = randomOrthogonal(createRng(77), H, H, rho);
        m.param('weight_hh_l0').w.set(Q);
      });
      const { trace, model } = setup;
      const curves = jacobianProducts(model, trace, 0);
      for (const x of stepJacobianNorms(model, trace, 1))
        expect(Math.abs(x - rho) / rho).toBeLessThan(1e-12);
      let worstGrad = 0;
      let worstProd = 0;
      for (let t = 1; t <= T; t++) {
        // The exact curve; rhoRef carries ρ as measured by the eigen solver, within rounding of it.
        const ref = rho ** (T - t);
        expect(Math.abs((curves.rhoRef[t - 1] as number) - ref) / ref).toBeLessThan(1e-12);
        const ratio = (trace.dhNorm[t - 1] as number) / (trace.dhNorm[T - 1] as number);
        worstGrad = Math.max(worstGrad, Math.abs(ratio - ref) / ref);
        worstProd = Math.max(worstProd, Math.abs((curves.prodNorm[t - 1] as number) - ref) / ref);
        expect(Math.abs((curves.sigmaRef[t - 1] as number) - ref) / ref).toBeLessThan(1e-12);
      }
      expect(worstGrad).toBeLessThan(1e-9);
      expect(worstProd).toBeLessThan(1e-9);
    },
  );
});

describe('LSTM belt', () => {
  it('forget gate held at φ, W_hh = 0, forget rows of W_ih = 0: belt = full = φ^(T−t), ‖dL/dc_t‖/‖dL/dc_T‖ = φ^(T−t)', () => {
    const H = 6;
    const T = 30;
    for (const phi of [0.9, 0.5, 1]) {
      const setup = run('lstm', H, T, { holdForget: phi }, 7, (m) => {
        m.param('weight_hh_l0').w.fill(0);
        m.param('weight_ih_l0').w.fill(0, H * 3, 2 * H * 3);
      });
      const { model, trace } = setup;
      const belt = beltCurves(model, trace, 1, { holdForget: phi });
      let worstBelt = 0;
      let worstFull = 0;
      let worstDc = 0;
      for (let t = 1; t <= T; t++) {
        const ref = phi ** (T - t);
        for (let u = 0; u < H; u++) {
          worstBelt = Math.max(
            worstBelt,
            Math.abs((belt.beltProduct[(t - 1) * H + u] as number) - ref) / ref,
          );
          worstFull = Math.max(
            worstFull,
            Math.abs((belt.fullDiag[(t - 1) * H + u] as number) - ref) / ref,
          );
        }
        expect(belt.offDiagMax[t - 1]).toBe(0);
        worstFull = Math.max(worstFull, Math.abs((belt.fullNorm[t - 1] as number) - ref) / ref);
        const dcNorm = trace.dcNorm;
        if (dcNorm === null) throw new Error('LSTM trace without dcNorm');
        worstDc = Math.max(
          worstDc,
          Math.abs((dcNorm[t - 1] as number) / (dcNorm[T - 1] as number) - ref) / ref,
        );
      }
      expect(worstBelt).toBeLessThan(1e-13);
      expect(worstFull).toBeLessThan(1e-13);
      expect(worstDc).toBeLessThan(1e-12);
    }
  });

  it('ordinary random W_hh: the full diagonal departs from Π f; W_hh × 0.05: they agree within 10 %', () => {
    const H = 32;
    const T = 30;
    const measure = (scale: number) => {
      const setup = run('lstm', H, T, {}, 11, (m) => {
        const w = m.param('weight_hh_l0').w;
        for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) * scale;
      });
      const belt = beltCurves(setup.model, setup.trace, 0);
      let maxRatio = 0;
      let maxDev = 0;
      let maxOff = 0;
      let maxOffRel = 0;
      const ratios: number[] = [];
      for (let t = 1; t < T; t++) {
        let beltMax = 0;
        for (let u = 0; u < H; u++) {
          const b = belt.beltProduct[(t - 1) * H + u] as number;
          const r = (belt.fullDiag[(t - 1) * H + u] as number) / b;
          maxRatio = Math.max(maxRatio, Math.abs(r));
          ratios.push(Math.abs(r));
          maxDev = Math.max(maxDev, Math.abs(r - 1));
          beltMax = Math.max(beltMax, b);
        }
        maxOff = Math.max(maxOff, belt.offDiagMax[t - 1] as number);
        maxOffRel = Math.max(maxOffRel, (belt.offDiagMax[t - 1] as number) / beltMax);
      }
      ratios.sort((a, b) => a - b);
      const medianRatio = ratios[ratios.length >> 1] as number;
      return { maxRatio, medianRatio, maxDev, maxOff, maxOffRel };
    };
    const ordinary = measure(1);
    const small = measure(0.05);
    expect(ordinary.maxDev).toBeGreaterThan(0.5);
    expect(small.maxDev).toBeLessThan(0.1);
    expect(small.maxOffRel).toBeLessThan(ordinary.maxOffRel);
  });
});
