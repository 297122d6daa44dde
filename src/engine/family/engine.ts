/**
 * The newer families as registry cells (CellEngine with own passes): the engine's common API
 * (createModel, initModel, createWorkspace, runForward, forwardBackward) runs them through the
 * family driver (run.ts) and reads the result as an ordinary Trace. The model is the same object
 * (its parameters' values and gradients are shared with a FamilyModel view, made once per model);
 * the trace keeps the family's dL/dh, norms and outputs in place and copies, once per pass, what
 * the family lays out differently: the traced state with its step-0 row ([(T+1)][B][S]) and the
 * per-step gates as blocks of H ([T][B][G·H], in CellInfo.gates order).
 */
import type { RunOptions } from '../bptt/options';
import type { Workspace } from '../bptt/workspace';
import { cellInfo, cellSizes } from '../cells/catalog';
import type { FamilyCellKind } from '../cells/catalog';
import type { CellEngine, CellWalk } from '../cells/engine';
import type { Model } from '../model';
import type { Batch, ModelSpec, Trace } from '../types';
import { FAMILY_CELLS } from './cells';
import { initFamily } from './init';
import { familyForward, familyForwardBackward } from './run';
import type {
  FamilyDims,
  FamilyModel,
  FamilyRunOptions,
  FamilyWalk,
  FamilyWorkspace,
} from './types';

interface AdaptedWorkspace extends Workspace {
  readonly family: FamilyWorkspace;
}

function dimsOf(spec: ModelSpec): FamilyDims {
  const s = cellSizes(spec.cell, spec);
  return {
    inputSize: s.inputSize,
    hiddenSize: s.hiddenSize,
    outputSize: s.outputSize,
    stateSize: s.stateSize ?? 1,
  };
}

const views = new WeakMap<Model, FamilyModel>();

/** A FamilyModel over the model's own parameter arrays. */
export function familyView(model: Model): FamilyModel {
  let v = views.get(model);
  if (v !== undefined) return v;
  const params = model.params.map((p) => ({
    name: p.name,
    rows: p.rows,
    cols: p.cols,
    vector: p.shape.length === 1,
    w: p.w,
    dw: p.dw,
  }));
  const byName = new Map(params.map((p) => [p.name, p]));
  v = {
    id: model.spec.cell as FamilyCellKind,
    dims: dimsOf(model.spec),
    params,
    param(name) {
      const p = byName.get(name);
      if (p === undefined) throw new RangeError(`${model.spec.cell} has no parameter ${name}`);
      return p;
    },
  };
  views.set(model, v);
  return v;
}

/** The family workspace inside a registry workspace made for a family cell. */
export function family(ws: Workspace): FamilyWorkspace {
  if (!('family' in ws)) throw new TypeError('workspace was not made for a family cell');
  return (ws as AdaptedWorkspace).family;
}

function createWorkspace(spec: ModelSpec, T: number, B: number): Workspace {
  const info = cellInfo(spec.cell);
  const fws = FAMILY_CELLS[spec.cell as FamilyCellKind].createWorkspace(dimsOf(spec), T, B);
  const ft = fws.trace;
  const { H, S, O } = ft;
  const G = info.gates.length;
  // The family keeps h_0 before step 1 when it has one (stateOff = B·S): then h is its buffer.
  const h = ft.stateOff === B * S ? ft.state : new Float64Array((T + 1) * B * S);
  const trace: Trace = {
    cell: spec.cell,
    T,
    B,
    H,
    S,
    O,
    loss: 0,
    h,
    c: null,
    gates: G > 0 ? new Float64Array(T * B * G * H) : null,
    outputs: ft.outputs,
    dh: ft.dState,
    dc: null,
    dhNorm: ft.dStateNorm,
    dcNorm: null,
    dh0: ft.dState0 ?? new Float64Array(B * S),
    dc0: null,
    nonFinite: null,
    attention: ft.attention,
    // S6's workspace keeps the A its forward pass used; the other cells have none.
    A: 'A' in fws && fws.A instanceof Float64Array ? fws.A : null,
  };
  const ws: AdaptedWorkspace = { spec: { ...spec }, T, B, trace, family: fws };
  return ws;
}

/** Copies what the family lays out differently into the Trace (see the file comment). */
function sync(ws: Workspace, h0: Float64Array | undefined): void {
  const ft = family(ws).trace;
  const tr = ws.trace;
  const { T, B, H, S } = tr;
  if (tr.h !== ft.state) {
    if (h0 !== undefined) tr.h.set(h0, 0);
    else tr.h.fill(0, 0, B * S);
    tr.h.set(ft.state.subarray(ft.stateOff, ft.stateOff + T * B * S), B * S);
  }
  const names = cellInfo(tr.cell).gates;
  const gates = tr.gates;
  if (gates !== null) {
    const G = names.length;
    names.forEach((name, g) => {
      const v = ft.gates[name];
      if (v === undefined) throw new RangeError(`${tr.cell} traces no gate ${name}`);
      for (let r = 0; r < T * B; r++) {
        const from = v.off + r * v.stride;
        gates.set(v.data.subarray(from, from + H), (r * G + g) * H);
      }
    });
  }
  tr.loss = ft.loss;
  tr.nonFinite = ft.nonFinite;
}

function familyOptions(cell: string, opts: RunOptions): FamilyRunOptions {
  const cellOpts = FAMILY_CELLS[cell as FamilyCellKind];
  return {
    ...(opts.h0 !== undefined && cellOpts.takesH0 ? { h0: opts.h0 } : {}),
    ...(opts.truncate !== undefined && cellOpts.truncates ? { truncate: opts.truncate } : {}),
  };
}

function runForward(model: Model, batch: Batch, ws: Workspace, opts: RunOptions): number {
  const fo = familyOptions(model.spec.cell, opts);
  familyForward(familyView(model), batch, family(ws), fo);
  sync(ws, fo.h0);
  return ws.trace.loss;
}

function forwardBackward(model: Model, batch: Batch, ws: Workspace, opts: RunOptions): Trace {
  const fo = familyOptions(model.spec.cell, opts);
  familyForwardBackward(familyView(model), batch, family(ws), fo);
  sync(ws, fo.h0);
  return ws.trace;
}

/** A family cell's walk over the registry's Model and Workspace. */
function adaptWalk(w: FamilyWalk): CellWalk {
  const local = (m: Model, ws: Workspace, seq: number, t: number, out: Float64Array) =>
    w.local(familyView(m), family(ws), seq, t, out);
  const terms = (m: Model, ws: Workspace) => w.terms(familyView(m), family(ws));
  if (w.kind === 'direct')
    return { kind: 'direct', local, terms, arcs: (ws, seq) => w.arcs(family(ws), seq) };
  return {
    kind: 'chain',
    stepBack: (m, ws, seq, t, u, out) => w.stepBack(familyView(m), family(ws), seq, t, u, out),
    local,
    terms,
  };
}

/** The registry entry of a family cell (cells/registry.ts lists one per FAMILY_CELLS entry). */
export function familyEngine(id: FamilyCellKind): CellEngine {
  const w = FAMILY_CELLS[id].walk;
  return {
    info: cellInfo(id),
    passes: { kind: 'own', createWorkspace, runForward, forwardBackward },
    init: (model, rng, opts) => initFamily(familyView(model), rng, opts.init, opts.ring),
    ...(w === undefined ? {} : { walk: adaptWalk(w) }),
  };
}
