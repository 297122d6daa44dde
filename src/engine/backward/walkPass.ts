/**
 * One pass of the engine for the backward walk, seen through what walk.ts needs at each step: the
 * state's gradient u_t, the loss's own term, J_tᵀu, and ‖J_t‖₂ a few steps at a time. The classic
 * cells run the shared driver with its backward hook (terms.ts) and their dense CellJacobian; a
 * family cell runs its own passes and answers from its workspace (CellEngine.walk).
 */
import { createWorkspace, forwardBackward } from '../bptt';
import type { RunOptions } from '../bptt';
import { cellEngine } from '../cells/registry';
import type { JacobianOptions } from '../cells/engine';
import type { Model } from '../model';
import type { Batch, Trace } from '../types';
import { normCursor, stepNormCursor } from './stepNorms';
import type { StepNormCursor } from './stepNorms';
import { classicStepTerms } from './terms';
import type { ParamTerms } from './types';

export interface WalkPass {
  readonly trace: Trace;
  readonly terms: readonly ParamTerms[];
  /** Size n of the state the step Jacobian acts on (H; 2H for the LSTM's (h; c); else S). */
  readonly n: number;
  /** u ← ∂L/∂s_t of the sequence in the Jacobian's layout (n wide). */
  fillU(t: number, u: Float64Array): void;
  /** out ← the loss's own term at step t (on h, or on the traced state); returns its width. */
  local(t: number, out: Float64Array): number;
  /** out ← J_tᵀ u (n wide); null where there is no chain of steps (attention). */
  readonly stepBack: ((t: number, u: Float64Array, out: Float64Array) => void) | null;
  /** ‖J_t‖₂ from T down, a few at a time; null without a chain. */
  norms(): StepNormCursor | null;
  /** Attention: α of the sequence, [T][T] (the arcs); null for a chain. */
  readonly arcs: Float64Array | null;
}

/** The pass for sequence `seq`; throws for a cell without a chain to walk. Overwrites param.dw. */
export function walkPass(model: Model, batch: Batch, seq: number, opts: RunOptions): WalkPass {
  const engine = cellEngine(model.spec.cell);
  if (engine.passes.kind === 'classic' && engine.jacobian !== undefined)
    return classicPass(model, batch, seq, opts);
  const w = engine.walk;
  if (w === undefined) throw new RangeError(`the backward walk does not cover ${engine.info.id}`);
  const ws = createWorkspace(model.spec, batch.T, batch.B);
  const trace = forwardBackward(model, batch, ws, opts);
  const S = trace.S;
  const { B, T } = batch;
  const row = (t: number) => ((t - 1) * B + seq) * S;
  const common = {
    trace,
    terms: w.terms(model, ws),
    n: S,
    fillU: (t: number, u: Float64Array) => u.set(trace.dh.subarray(row(t), row(t) + S)),
    local(t: number, out: Float64Array) {
      w.local(model, ws, seq, t, out);
      return S;
    },
  };
  if (w.kind === 'direct')
    return { ...common, stepBack: null, norms: () => null, arcs: w.arcs(ws, seq) };
  const scratch = new Float64Array(S);
  return {
    ...common,
    arcs: null,
    stepBack: (t, u, out) => void w.stepBack(model, ws, seq, t, u, out),
    // Diagonal Jacobians: ‖J_t‖₂ is their largest entry, read off in one sweep.
    norms: () => normCursor(T, (t) => w.stepBack(model, ws, seq, t, scratch, scratch)),
  };
}

function classicPass(model: Model, batch: Batch, seq: number, opts: RunOptions): WalkPass {
  const engine = cellEngine(model.spec.cell);
  const info = engine.info;
  const jac = engine.jacobian!;
  const { trace, ws, terms } = classicStepTerms(model, batch, opts, info.gates);
  const { B, H, O } = trace;
  const T = batch.T;
  const n = jac.size(model.spec);
  const G = ws.GH / H;
  const belt = info.cellState && trace.dc !== null && trace.gates !== null;
  const jOpts: JacobianOptions = { holdForget: ws.holds ? (opts.holdForget ?? null) : null };
  const J = new Float64Array(n * n);
  const Wout = model.param('readout.weight').w;
  return {
    trace,
    terms,
    n,
    fillU(t, u) {
      const r = ((t - 1) * B + seq) * H;
      u.fill(0);
      u.set(trace.dh.subarray(r, r + H), 0);
      // The LSTM's (h; c): the adjoint of c with h held is the belt's carry f_{t+1} ⊙ ∂L/∂c_{t+1}.
      if (belt && t < T) {
        const dcRow = (t * B + seq) * H;
        const f = (t * B + seq) * G * H + H;
        for (let k = 0; k < H; k++) u[H + k] = trace.dc![dcRow + k]! * trace.gates![f + k]!;
      }
    },
    local(t, out) {
      const y = ((t - 1) * B + seq) * O;
      for (let k = 0; k < H; k++) {
        let s = 0;
        for (let o = 0; o < O; o++) s += Wout[o * H + k]! * ws.dY[y + o]!;
        out[k] = s;
      }
      return H;
    },
    stepBack(t, u, out) {
      jac.step(model, trace, seq, t, J, jOpts);
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += J[i * n + j]! * u[i]!;
        out[j] = s;
      }
    },
    norms: () => stepNormCursor(model, trace, seq, jOpts),
    arcs: null,
  };
}
