/**
 * One forward + backward pass of a newer-family model on a parsed spec, as the JSON object
 * `npm run -s grad` prints: lossValue, grads (PyTorch layout; a matrix stays [rows][cols] even
 * with one column, a vector is flat), hidden [T][B][F′] (the traced state), dL_dh [T][B][F′],
 * dL_dh_norm [T], gates {name: [T][B][H]}, attention [B][T][T] (attention), dL_dh0 (rglru).
 */
import { FAMILY_CELLS } from '../engine/family/cells';
import { createFamilyModel } from '../engine/family/model';
import { createFamilyWorkspace, familyForwardBackward } from '../engine/family/run';
import type { GateView } from '../engine/family/types';
import type { FamilySpec } from './familySpec';
import { nest, type Nested } from './nested';

function gate(g: GateView, T: number, B: number, H: number): Nested[] {
  const out: Nested[] = [];
  for (let t = 0; t < T; t++) {
    const row: Nested[] = [];
    for (let b = 0; b < B; b++) {
      const at = g.off + (t * B + b) * g.stride;
      row.push(Array.from(g.data.subarray(at, at + H)));
    }
    out.push(row);
  }
  return out;
}

export function runFamilyGrad(spec: FamilySpec): Record<string, unknown> {
  const { seqLen: T, batch: B } = spec;
  const model = createFamilyModel(FAMILY_CELLS[spec.cell], spec.dims);
  for (const p of model.params) p.w.set(spec.weights[p.name]!);
  const ws = createFamilyWorkspace(model, T, B);
  const batch = { T, B, loss: spec.loss, inputs: spec.inputs, targets: spec.targets };
  const tr = familyForwardBackward(model, batch, ws, { h0: spec.h0, truncate: spec.truncate });
  const grads: Record<string, Nested[]> = {};
  for (const p of model.params)
    grads[p.name] = nest(p.dw, 0, p.vector ? [p.rows] : [p.rows, p.cols]);
  const out: Record<string, unknown> = {
    lossValue: tr.loss,
    grads,
    hidden: nest(tr.state, tr.stateOff, [T, B, tr.S]),
    dL_dh: nest(tr.dState, 0, [T, B, tr.S]),
    dL_dh_norm: Array.from(tr.dStateNorm),
  };
  if (tr.dState0 !== null) out.dL_dh0 = nest(tr.dState0, 0, [B, tr.H]);
  const names = Object.keys(tr.gates);
  if (names.length > 0)
    out.gates = Object.fromEntries(names.map((n) => [n, gate(tr.gates[n]!, T, B, tr.H)]));
  if (tr.attention !== null) out.attention = nest(tr.attention, 0, [B, T, T]);
  out.nonFinite = tr.nonFinite;
  return out;
}
