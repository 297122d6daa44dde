/**
 * Finite-difference checks of the newer families' analytic gradients, with gradcheck.ts's
 * Richardson-extrapolated central differences and step ladder. Truncation is emulated as the
 * detached graph (PyTorch's .detach() at the cut boundaries): the state after a boundary step
 * feeds the next step as its unperturbed value while the output still sees the live one.
 */
import { isCut } from '../bptt/options';
import { defaultFloor, fdDerivative, fdDerivativeStable, relError } from '../gradcheck';
import type { FdOptions } from '../gradcheck';
import type { Batch } from '../types';
import { FAMILY_CELLS } from './cells';
import { createFamilyWorkspace, familyForward, familyForwardBackward } from './run';
import type { FamilyModel, FamilyRunOptions, FamilyWorkspace } from './types';

export interface FamilyCheckResult {
  maxRelError: number;
  floor: number;
  worst: string | null;
  checked: number;
}

interface Perturbation {
  t: number;
  index: number;
  delta: number;
}

/** The loss as a function of the current weights, an optional state perturbation and h0. */
export function familyLossFunction(
  model: FamilyModel,
  batch: Batch,
  opts: FamilyRunOptions = {},
): (p?: Perturbation, h0?: Float64Array) => number {
  const ws: FamilyWorkspace = createFamilyWorkspace(model, batch.T, batch.B);
  const { T, B } = ws;
  const tr = ws.trace;
  const bs = B * tr.S;
  const K = FAMILY_CELLS[model.id].truncates ? (opts.truncate ?? 0) : 0;
  const bounds: number[] = [];
  for (let t = 1; t < T; t++) if (isCut(T, K, t + 1)) bounds.push(t);
  const ref = new Float64Array(bounds.length * bs);
  const live = new Float64Array(bounds.length * bs);
  const at = (t: number) => tr.stateOff + (t - 1) * bs;
  familyForward(model, batch, ws, opts);
  bounds.forEach((t, j) => ref.set(tr.state.subarray(at(t), at(t) + bs), j * bs));
  return (p, h0) =>
    familyForward(model, batch, ws, h0 === undefined ? opts : { ...opts, h0 }, {
      afterStep(w, t) {
        const s = w.trace.state;
        if (p !== undefined && p.t === t) s[at(t) + p.index] = s[at(t) + p.index]! + p.delta;
        const j = bounds.indexOf(t);
        if (j < 0) return;
        live.set(s.subarray(at(t), at(t) + bs), j * bs);
        s.set(ref.subarray(j * bs, (j + 1) * bs), at(t));
      },
      beforeOutput(w) {
        bounds.forEach((t, j) => w.trace.state.set(live.subarray(j * bs, (j + 1) * bs), at(t)));
      },
    });
}

/**
 * Every parameter entry, every traced-state entry dL/d(state_t) and (RG-LRU) dL/dh_0 against
 * finite differences of the loss.
 */
export function familyGradCheck(
  model: FamilyModel,
  batch: Batch,
  opts: FamilyRunOptions & FdOptions = {},
): FamilyCheckResult {
  const ws = createFamilyWorkspace(model, batch.T, batch.B);
  const tr = familyForwardBackward(model, batch, ws, opts);
  const floor = opts.floor ?? defaultFloor(tr.loss);
  const dState = Float64Array.from(tr.dState);
  const dState0 = tr.dState0 === null ? null : Float64Array.from(tr.dState0);
  const loss = familyLossFunction(model, batch, opts);
  const res: FamilyCheckResult = { maxRelError: 0, floor, worst: null, checked: 0 };
  const fd = (f: (d: number) => number) =>
    opts.steps ? fdDerivativeStable(f, opts.steps) : fdDerivative(f, opts.eps ?? 1e-3);
  const record = (a: number, n: number, what: string) => {
    const e = relError(a, n, floor);
    res.checked++;
    if (res.worst === null || e > res.maxRelError) {
      res.maxRelError = e;
      res.worst = what;
    }
  };
  for (const p of model.params) {
    for (let i = 0; i < p.w.length; i++) {
      const x = p.w[i]!;
      const n = fd((d) => {
        p.w[i] = x + d;
        const v = loss();
        p.w[i] = x;
        return v;
      });
      record(p.dw[i]!, n, `${p.name}[${i}]`);
    }
  }
  const bs = batch.B * tr.S;
  for (let t = 1; t <= batch.T; t++)
    for (let index = 0; index < bs; index++)
      record(
        dState[(t - 1) * bs + index]!,
        fd((delta) => loss({ t, index, delta })),
        `state ${t}[${index}]`,
      );
  // With a cut before step 1, h_0 is detached: its gradient is 0 by definition, nothing to difference.
  if (dState0 !== null && !isCut(batch.T, opts.truncate ?? 0, 1)) {
    const h0 =
      opts.h0 === undefined ? new Float64Array(dState0.length) : Float64Array.from(opts.h0);
    for (let i = 0; i < h0.length; i++) {
      const x = h0[i]!;
      const n = fd((d) => {
        h0[i] = x + d;
        const v = loss(undefined, h0);
        h0[i] = x;
        return v;
      });
      record(dState0[i]!, n, `h0[${i}]`);
    }
  }
  return res;
}
