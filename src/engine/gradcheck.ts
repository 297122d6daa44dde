/**
 * Finite-difference checks of the analytic gradients. Each derivative is a Richardson-extrapolated
 * central difference, (4·D(ε/2) − D(ε))/3 with D(ε) = (L(x+ε) − L(x−ε))/2ε, whose error is O(ε⁴),
 * so float64 checks reach ~1e−10 instead of the ~1e−7 of a plain central difference.
 *
 * Relative error = |a − n| / max(|a|, |n|, floor): entries smaller than `floor` are compared
 * absolutely at floor × tolerance, because there the finite difference itself is mostly round-off
 * (≈ 1e−16·|L|/ε, so it grows with the loss). Default floor: 1e−6 · max(1, |L|).
 *
 * With truncation (RunOptions.truncate = K) the reference is the detached graph: states at the cut
 * boundaries T − mK feed the next step as constants (their unperturbed values) while the readout at
 * the boundary still sees the live value — exactly PyTorch's h.detach() (and c.detach()).
 */
import { createWorkspace, forwardBackward, isCut, runForward } from './bptt';
import type { RunOptions } from './bptt';
import { internals } from './bptt/workspace';
import type { WorkspaceInternal } from './bptt/workspace';
import type { Model } from './model';
import { createRng } from './rng';
import type { Rng } from './rng';
import type { Batch, ParamName } from './types';

export interface FdOptions {
  /** Finite-difference step ε (default 1e−3; Richardson makes the error O(ε⁴)). */
  eps?: number;
  /**
   * Several steps, largest first: per entry, the estimate used is the smaller step of the adjacent
   * pair that agree best with each other. The choice never looks at the analytic gradient, so a
   * wrong gradient still fails; it only avoids truncation error (large ε on chaotic, exploding
   * dynamics) and round-off (small ε on tiny gradients). Overrides `eps`.
   */
  steps?: readonly number[];
  /** Magnitude below which errors are measured absolutely (default 1e−6 · max(1, |L|)). */
  floor?: number;
  /** Rows per weight-gradient chunk in the analytic pass (see createWorkspace). */
  chunkRows?: number;
}

export const DEFAULT_FLOOR = 1e-6;

/** The floor used when none is given: FD round-off grows with |L|. */
export function defaultFloor(loss: number): number {
  return DEFAULT_FLOOR * Math.max(1, Math.abs(loss));
}

/** |a − n| / max(|a|, |n|, floor); ∞ when either is not finite, so a NaN can never pass. */
export function relError(a: number, n: number, floor = DEFAULT_FLOOR): number {
  const d = Math.abs(a - n);
  if (!Number.isFinite(d)) return Infinity;
  if (d === 0) return 0;
  return d / Math.max(Math.abs(a), Math.abs(n), floor);
}

/** Richardson-extrapolated central difference of f at 0: (4·D(ε/2) − D(ε))/3, error O(ε⁴). */
export function fdDerivative(f: (delta: number) => number, eps: number): number {
  const d1 = (f(eps) - f(-eps)) / (2 * eps);
  const h = eps / 2;
  const d2 = (f(h) - f(-h)) / (2 * h);
  return (4 * d2 - d1) / 3;
}

/**
 * fdDerivative at several steps, keeping the one with the smallest estimated error: truncation from
 * how much it moves against the neighbouring step, plus round-off ≈ 1e−15·|f(0)|/ε. The choice
 * never looks at an analytic gradient.
 */
export function fdDerivativeStable(f: (delta: number) => number, steps: readonly number[]): number {
  const d = steps.map((e) => fdDerivative(f, e));
  if (d.length < 2) return d[0] ?? NaN;
  const f0 = Math.abs(f(0));
  let best = 0;
  let bestErr = Infinity;
  for (let k = 0; k < d.length; k++) {
    const other = k + 1 < d.length ? d[k + 1]! : d[k - 1]!;
    const err = Math.abs(d[k]! - other) + (1e-15 * f0) / steps[k]!;
    if (err < bestErr) {
      bestErr = err;
      best = k;
    }
  }
  return d[best]!;
}

/** A state perturbation: add delta to h_t or c_t (t ≥ 1) at flat index b·H + k. */
export interface StatePerturbation {
  readonly what: 'h' | 'c';
  readonly t: number;
  readonly index: number;
  readonly delta: number;
}

function perturbState(ws: WorkspaceInternal, p: StatePerturbation): void {
  const { B, H, GH } = ws;
  const tr = ws.trace;
  const s = p.t * B * H + p.index;
  if (p.what === 'h') {
    tr.h[s] = tr.h[s]! + p.delta;
    return;
  }
  // h_t = o_t ⊙ tanh(c_t) follows the perturbed cell state, as in PyTorch's c.grad.
  const c = tr.c!;
  c[s] = c[s]! + p.delta;
  const b = Math.floor(p.index / H);
  const k = p.index % H;
  const o = tr.gates![(p.t - 1) * B * GH + b * GH + 3 * H + k]!;
  tr.h[s] = o * Math.tanh(c[s]!);
}

/**
 * The loss as a function of the model's current weights and an optional state perturbation, with
 * truncation emulated as a detached graph around the reference states taken at construction.
 */
export function makeLossFunction(
  model: Model,
  batch: Batch,
  opts: RunOptions = {},
): (p?: StatePerturbation, initial?: { h0?: Float64Array; c0?: Float64Array }) => number {
  const ws = internals(createWorkspace(model.spec, batch.T, batch.B));
  const { T, B, H } = ws;
  const bh = B * H;
  const K = opts.truncate ?? 0;
  const bounds: number[] = [];
  for (let t = 1; t < T; t++) if (isCut(T, K, t + 1)) bounds.push(t);
  const ref = new Float64Array(bounds.length * 2 * bh);
  const live = new Float64Array(bounds.length * bh);
  runForward(model, batch, ws, opts);
  bounds.forEach((t, j) => {
    ref.set(ws.trace.h.subarray(t * bh, (t + 1) * bh), 2 * j * bh);
    if (ws.trace.c !== null) ref.set(ws.trace.c.subarray(t * bh, (t + 1) * bh), (2 * j + 1) * bh);
  });
  return (p, initial) =>
    runForward(model, batch, ws, initial === undefined ? opts : { ...opts, ...initial }, {
      afterStep(w, t) {
        if (p !== undefined && p.t === t) perturbState(w, p);
        const j = bounds.indexOf(t);
        if (j < 0) return;
        live.set(w.trace.h.subarray(t * bh, (t + 1) * bh), j * bh);
        w.trace.h.set(ref.subarray(2 * j * bh, (2 * j + 1) * bh), t * bh);
        if (w.trace.c !== null)
          w.trace.c.set(ref.subarray((2 * j + 1) * bh, (2 * j + 2) * bh), t * bh);
      },
      beforeReadout(w) {
        bounds.forEach((t, j) => w.trace.h.set(live.subarray(j * bh, (j + 1) * bh), t * bh));
      },
    });
}

export interface GradCheckResult {
  maxRelError: number;
  /** The floor used (see file comment). */
  floor: number;
  worst: { param: ParamName; index: number } | null;
  checked: number;
}

/**
 * Compares every parameter gradient entry (or `samplesPerParam` random entries per parameter)
 * with finite differences of the loss. Leaves param.dw holding the analytic gradients.
 */
export function gradCheck(
  model: Model,
  batch: Batch,
  opts: RunOptions & FdOptions & { samplesPerParam?: number; rng?: Rng } = {},
): GradCheckResult {
  const eps = opts.eps ?? 1e-3;
  const rng = opts.rng ?? createRng(0);
  const wsOpts = { chunkRows: opts.chunkRows };
  const tr = forwardBackward(
    model,
    batch,
    createWorkspace(model.spec, batch.T, batch.B, wsOpts),
    opts,
  );
  const floor = opts.floor ?? defaultFloor(tr.loss);
  const loss = makeLossFunction(model, batch, opts);
  let maxRelError = 0;
  let worst: GradCheckResult['worst'] = null;
  let checked = 0;
  for (const p of model.params) {
    const n = p.w.length;
    const all = opts.samplesPerParam === undefined || opts.samplesPerParam >= n;
    const count = all ? n : (opts.samplesPerParam ?? 0);
    for (let s = 0; s < count; s++) {
      const i = all ? s : rng.int(n);
      const x = p.w[i]!;
      const f = (d: number) => {
        p.w[i] = x + d;
        const v = loss();
        p.w[i] = x;
        return v;
      };
      const num = opts.steps ? fdDerivativeStable(f, opts.steps) : fdDerivative(f, eps);
      const e = relError(p.dw[i]!, num, floor);
      checked++;
      if (worst === null || e > maxRelError) {
        maxRelError = e;
        worst = { param: p.name, index: i };
      }
    }
  }
  return { maxRelError, floor, worst, checked };
}

export interface StateCheckResult {
  maxRelError: number;
  floor: number;
  worst: { what: 'h' | 'c'; t: number; index: number } | null;
  checked: number;
}

/**
 * Compares dL/dh_t (and, for an LSTM, dL/dc_t) for every t = 1..T and every batch row and unit,
 * plus dL/dh_0 (dL/dc_0) when the graph reaches h_0, with finite differences of the loss.
 */
export function stateGradCheck(
  model: Model,
  batch: Batch,
  opts: RunOptions & FdOptions = {},
): StateCheckResult {
  const eps = opts.eps ?? 1e-3;
  const ws = createWorkspace(model.spec, batch.T, batch.B, { chunkRows: opts.chunkRows });
  const tr = forwardBackward(model, batch, ws, opts);
  const floor = opts.floor ?? defaultFloor(tr.loss);
  const { T, B, H } = tr;
  const bh = B * H;
  const dh = Float64Array.from(tr.dh);
  const dc = tr.dc === null ? null : Float64Array.from(tr.dc);
  const dh0 = Float64Array.from(tr.dh0);
  const dc0 = tr.dc0 === null ? null : Float64Array.from(tr.dc0);
  const loss = makeLossFunction(model, batch, opts);
  const result: StateCheckResult = { maxRelError: 0, floor, worst: null, checked: 0 };
  const record = (a: number, num: number, what: 'h' | 'c', t: number, index: number): void => {
    const e = relError(a, num, floor);
    result.checked++;
    if (result.worst === null || e > result.maxRelError) {
      result.maxRelError = e;
      result.worst = { what, t, index };
    }
  };
  const whats: ('h' | 'c')[] = dc === null ? ['h'] : ['h', 'c'];
  for (const what of whats) {
    const analytic = what === 'h' ? dh : dc!;
    for (let t = 1; t <= T; t++) {
      for (let index = 0; index < bh; index++) {
        const num = fdDerivative((delta) => loss({ what, t, index, delta }), eps);
        record(analytic[(t - 1) * bh + index]!, num, what, t, index);
      }
    }
    if (isCut(T, opts.truncate ?? 0, 1)) continue;
    const base = what === 'h' ? opts.h0 : opts.c0;
    const a0 = what === 'h' ? dh0 : dc0!;
    for (let index = 0; index < bh; index++) {
      const s0 = base === undefined ? new Float64Array(bh) : Float64Array.from(base);
      const x = s0[index]!;
      const lossAt0 = (delta: number): number => {
        s0[index] = x + delta;
        return loss(undefined, what === 'h' ? { h0: s0 } : { c0: s0 });
      };
      record(a0[index]!, fdDerivative(lossAt0, eps), what, 0, index);
    }
  }
  return result;
}
