/**
 * The `grad` CLI's spec for the newer families (cell ∈ lru, rglru, s6, attention): checked field by
 * field like spec.ts, so a bad file gets one line naming the field. Parameter names and shapes are
 * the cell's (engine/cells/<id>/index.ts); `stateSize` (N) applies to s6 only (default 16); `h0` to
 * rglru only; `truncate` to the three recurrences. Weights come from `weights` or, with `init`, from
 * the cell's seeded initializer (family/init.ts).
 */
import * as v from 'valibot';
import { CELLS, cellHas, cellInfo } from '../engine/cells/catalog';
import { FAMILY_CELLS } from '../engine/family/cells';
import { FAMILY_INITS, initFamily } from '../engine/family/init';
import { createFamilyModel, familyShapes } from '../engine/family/model';
import { FAMILY_IDS } from '../engine/family/types';
import type { FamilyDims, FamilyId } from '../engine/family/types';
import { createRng } from '../engine/rng';
import { LOSS_KINDS } from '../engine/types';
import type { AnyLossKind } from '../engine/types';
import { describe, SpecError, tensor } from './spec';

export interface FamilySpec {
  readonly cell: FamilyId;
  readonly dims: FamilyDims;
  readonly seqLen: number;
  readonly batch: number;
  readonly loss: AnyLossKind;
  /** Row-major values per parameter name (the cell's, then readout.*). */
  readonly weights: Record<string, Float64Array>;
  readonly h0: Float64Array | undefined;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly truncate: number;
  readonly init: string | undefined;
  readonly seed: number;
}

export function isFamilySpec(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (FAMILY_IDS as readonly unknown[]).includes((raw as { cell?: unknown }).cell)
  );
}

const dim = v.pipe(
  v.number('expected a number'),
  v.integer('expected an integer'),
  v.minValue(1, 'expected ≥ 1'),
  v.maxValue(100_000, 'expected ≤ 100000'),
);
const LOSSES: readonly AnyLossKind[] = [...LOSS_KINDS, 'xent_last'];
const MAX_TRACE_NUMBERS = 5e7;

const Header = v.looseObject({
  cell: v.picklist(FAMILY_IDS, `expected one of ${FAMILY_IDS.join(', ')}`),
  inputSize: dim,
  hiddenSize: dim,
  outputSize: dim,
  stateSize: v.optional(v.pipe(dim, v.maxValue(256, 'expected ≤ 256'))),
  seqLen: dim,
  batch: dim,
  loss: v.picklist(LOSSES, `expected one of ${LOSSES.join(', ')}`),
  weights: v.optional(v.record(v.string(), v.unknown(), 'expected an object of named arrays')),
  inputs: v.array(v.unknown(), 'expected an array'),
  targets: v.array(v.unknown(), 'expected an array'),
  h0: v.optional(v.array(v.unknown(), 'expected an array')),
  truncate: v.optional(
    v.pipe(
      v.number('expected a number'),
      v.integer('expected an integer'),
      v.minValue(0, 'expected ≥ 0'),
    ),
  ),
  init: v.optional(v.string('expected a string')),
  seed: v.optional(
    v.pipe(
      v.number('expected a number'),
      v.integer('expected an integer'),
      v.minValue(0, 'expected ≥ 0'),
      v.maxValue(0xffffffff, 'expected ≤ 4294967295'),
    ),
  ),
});

/** Numbers one pass holds, roughly, so a typo cannot exhaust memory. */
function traceNumbers(cell: FamilyId, d: FamilyDims, T: number, B: number): number {
  const { inputSize: I, hiddenSize: H, outputSize: O, stateSize: N } = d;
  const info = cellInfo(cell);
  const S = info.state.width(d);
  // A cell whose reference is the attention weights α traces them, [B][T][T], and their gradient.
  const attn = info.references.includes('alpha') ? B * T * T * 2 : 0;
  return T * B * (I + 2 * O + 2 * S + 8 * H + 4 * N) + attn;
}

export function parseFamilySpec(raw: unknown): FamilySpec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new SpecError(`spec: expected a JSON object, got ${describe(raw)}`);
  const res = v.safeParse(Header, raw);
  if (!res.success) {
    const issue = res.issues[0];
    const path = v.getDotPath(issue);
    const missing =
      issue.input === undefined && path !== null && !(path in raw) && !path.includes('.');
    throw new SpecError(
      `spec.${path ?? ''}: ${missing ? 'missing' : `${issue.message}, got ${describe(issue.input)}`}`,
    );
  }
  const h = res.output;
  const { cell, seqLen: T, batch: B, loss } = h;
  const sized = cellHas(cell, 'stateSize');
  if (h.stateSize !== undefined && !sized)
    throw new SpecError(
      `spec.stateSize: only ${CELLS.filter((c) => cellHas(c.id, 'stateSize'))
        .map((c) => c.id)
        .join(', ')} has a state size N (cell is ${cell})`,
    );
  const dims: FamilyDims = {
    inputSize: h.inputSize,
    hiddenSize: h.hiddenSize,
    outputSize: h.outputSize,
    stateSize: sized ? (h.stateSize ?? cellInfo(cell).stateSizeDefault ?? 16) : 1,
  };
  const numbers = traceNumbers(cell, dims, T, B);
  if (numbers > MAX_TRACE_NUMBERS)
    throw new SpecError(
      `spec: seqLen × batch × sizes asks for ${numbers.toExponential(1)} numbers per pass, more than ${MAX_TRACE_NUMBERS.toExponential(0)}`,
    );
  const fc = FAMILY_CELLS[cell];
  if (h.h0 !== undefined && !fc.takesH0)
    throw new SpecError(`spec.h0: only rglru takes an initial state (${cell} starts from zero)`);
  if ((h.truncate ?? 0) > 0 && !fc.truncates)
    throw new SpecError('spec.truncate: attention has no recurrence to truncate');
  if (h.init !== undefined && h.weights !== undefined)
    throw new SpecError('spec.weights: give either weights or init, not both');
  if (h.init === undefined && h.weights === undefined)
    throw new SpecError('spec.weights: missing (or give spec.init to draw them)');
  const shapes = familyShapes(fc, dims);
  const weights: Record<string, Float64Array> = {};
  if (h.weights !== undefined) {
    const names = shapes.map((s) => s.name);
    for (const key of Object.keys(h.weights))
      if (!names.includes(key))
        throw new SpecError(
          `spec.weights.${key}: unknown parameter of ${cell} (expected ${names.join(', ')})`,
        );
    for (const s of shapes) {
      const x = h.weights[s.name];
      const path = `spec.weights.${s.name}`;
      if (x === undefined) throw new SpecError(`${path}: missing`);
      weights[s.name] = tensor(path, x, s.vector ? [s.rows] : [s.rows, s.cols]);
    }
  } else {
    const kinds = FAMILY_INITS[cell];
    if (!kinds.includes(h.init!))
      throw new SpecError(
        `spec.init: expected one of ${kinds.join(', ')} for ${cell}, got ${describe(h.init)}`,
      );
    const model = createFamilyModel(fc, dims);
    initFamily(model, createRng(h.seed ?? 0), h.init!);
    for (const p of model.params) weights[p.name] = p.w;
  }
  const { outputSize: O } = dims;
  const targets =
    loss === 'mse_last'
      ? tensor('spec.targets', h.targets, [B, O])
      : loss === 'mse_all'
        ? tensor('spec.targets', h.targets, [T, B, O])
        : loss === 'xent_all'
          ? tensor('spec.targets', h.targets, [T, B], O)
          : tensor('spec.targets', h.targets, [B], O);
  return {
    cell,
    dims,
    seqLen: T,
    batch: B,
    loss,
    weights,
    h0: h.h0 === undefined ? undefined : tensor('spec.h0', h.h0, [B, dims.hiddenSize]),
    inputs: tensor('spec.inputs', h.inputs, [T, B, dims.inputSize]),
    targets,
    truncate: h.truncate ?? 0,
    init: h.init,
    seed: h.seed ?? 0,
  };
}
