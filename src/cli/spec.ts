/**
 * The `grad` CLI's input spec: parsed and checked field by field, so a bad file gets one line that
 * names the field (`spec.weights.weight_hh_l0: expected 3 rows of 3, got 2 rows`). The header is a
 * valibot schema; nested arrays are checked by hand because their shapes depend on the header.
 * Unknown top-level keys (name, meta, expected outputs) are ignored.
 *
 * Weights come either from `weights` or, when `init` is given, from the seeded initializer
 * (engine/init.ts, rng seeded by `seed`, default 0); `rho` (every W_hh gate block rescaled to that
 * spectral radius) and `forgetBias` (LSTM: total forget-gate bias) apply on top of either.
 * `holdForget` (LSTM teaching override, φ ∈ [0, 1]) goes to the run options.
 */
import * as v from 'valibot';
import {
  CELL_IDS,
  CELLS,
  cellHas,
  cellInfo,
  INIT_KINDS,
  modelParamShapes,
} from '../engine/cells/catalog';
import { initModel, setForgetBias } from '../engine/init';
import { createModel } from '../engine/model';
import { createRng } from '../engine/rng';
import { setModelSpectralRadius } from '../engine/spectrum';
import { LOSS_KINDS } from '../engine/types';
import type { AnyLossKind, CellKind, InitKind, ModelSpec, ParamName } from '../engine/types';

export class SpecError extends Error {
  override readonly name = 'SpecError';
}

export interface GradSpec {
  readonly cell: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly outputSize: number;
  readonly seqLen: number;
  readonly batch: number;
  readonly loss: AnyLossKind;
  /** Row-major values of every parameter of the model (PyTorch layout). */
  readonly weights: Readonly<Record<ParamName, Float64Array>>;
  readonly h0: Float64Array | undefined;
  readonly c0: Float64Array | undefined;
  /** [T][B][I] flattened. */
  readonly inputs: Float64Array;
  /** Flattened targets in the layout the loss expects. */
  readonly targets: Float64Array;
  /** TBPTT window K (0 = full BPTT). */
  readonly truncate: number;
  /** Initializer the weights were drawn with, or undefined when the spec gave them. */
  readonly init: InitKind | undefined;
  /** Seed of the initializer's rng. */
  readonly seed: number;
  /** Spectral radius every W_hh gate block was rescaled to, if asked. */
  readonly rho: number | undefined;
  /** LSTM total forget-gate bias that was set, if asked. */
  readonly forgetBias: number | undefined;
  /** LSTM teaching override: f_t ≡ φ (RunOptions.holdForget), if asked. */
  readonly holdForget: number | undefined;
}

const dim = v.pipe(
  v.number('expected a number'),
  v.integer('expected an integer'),
  v.minValue(1, 'expected ≥ 1'),
  v.maxValue(100_000, 'expected ≤ 100000'),
);
/** Largest trace (numbers held per pass) a spec may ask for, so a typo cannot exhaust memory. */
const MAX_TRACE_NUMBERS = 5e7;
const LOSSES: readonly AnyLossKind[] = [...LOSS_KINDS, 'xent_last'];

// The newer families are parsed by familySpec.ts; the message names every cell.
const CLASSIC_IDS = CELLS.filter((c) => c.family === 'classic').map((c) => c.id);

const Header = v.looseObject({
  cell: v.picklist(CLASSIC_IDS, `expected one of ${CELL_IDS.join(', ')}`),
  inputSize: dim,
  hiddenSize: dim,
  outputSize: dim,
  seqLen: dim,
  batch: dim,
  loss: v.picklist(LOSSES, `expected one of ${LOSSES.join(', ')}`),
  weights: v.optional(v.record(v.string(), v.unknown(), 'expected an object of named arrays')),
  inputs: v.array(v.unknown(), 'expected an array'),
  targets: v.array(v.unknown(), 'expected an array'),
  h0: v.optional(v.array(v.unknown(), 'expected an array')),
  c0: v.optional(v.array(v.unknown(), 'expected an array')),
  truncate: v.optional(
    v.pipe(
      v.number('expected a number'),
      v.integer('expected an integer'),
      v.minValue(0, 'expected ≥ 0'),
    ),
  ),
  init: v.optional(v.picklist(INIT_KINDS, `expected one of ${INIT_KINDS.join(', ')}`)),
  rho: v.optional(v.pipe(v.number('expected a number'), v.minValue(0, 'expected ≥ 0'))),
  forgetBias: v.optional(v.number('expected a number')),
  holdForget: v.optional(
    v.pipe(
      v.number('expected a number'),
      v.minValue(0, 'expected ≥ 0'),
      v.maxValue(1, 'expected ≤ 1'),
    ),
  ),
  seed: v.optional(
    v.pipe(
      v.number('expected a number'),
      v.integer('expected an integer'),
      v.minValue(0, 'expected ≥ 0'),
      v.maxValue(0xffffffff, 'expected ≤ 4294967295'),
    ),
  ),
});

export function describe(x: unknown): string {
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (x === null) return 'null';
  if (typeof x === 'string') return JSON.stringify(x.length > 20 ? `${x.slice(0, 20)}…` : x);
  return typeof x === 'object' ? 'an object' : String(x);
}

/** Reads a nested array of the given dims into out (row-major), checking every level and number. */
function readNested(
  path: string,
  x: unknown,
  dims: readonly number[],
  out: Float64Array,
  at: { k: number },
  ints?: number,
): void {
  const [n, ...rest] = dims;
  if (n === undefined) {
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw new SpecError(`${path}: expected a finite number, got ${describe(x)}`);
    if (ints !== undefined && (!Number.isInteger(x) || x < 0 || x >= ints)) {
      throw new SpecError(`${path}: expected an integer class id in 0..${ints - 1}, got ${x}`);
    }
    out[at.k++] = x;
    return;
  }
  if (!Array.isArray(x))
    throw new SpecError(`${path}: expected an array of ${n}, got ${describe(x)}`);
  if (x.length !== n) {
    const what = rest.length === 1 ? `${n} rows of ${rest[0]}` : `${n} entries`;
    throw new SpecError(
      `${path}: expected ${what}, got ${x.length} ${rest.length === 1 ? 'rows' : 'entries'}`,
    );
  }
  x.forEach((e, i) => readNested(`${path}[${i}]`, e, rest, out, at, ints));
}

export function tensor(
  path: string,
  x: unknown,
  dims: readonly number[],
  ints?: number,
): Float64Array {
  const out = new Float64Array(dims.reduce((a, b) => a * b, 1));
  readNested(path, x, dims, out, { k: 0 }, ints);
  return out;
}

/** Draws (init) or takes (given) the weights, then applies rho and forgetBias on top. */
function resolveWeights(
  ms: ModelSpec,
  given: Readonly<Record<ParamName, Float64Array>> | undefined,
  init: InitKind | undefined,
  seed: number,
  rho: number | undefined,
  forgetBias: number | undefined,
): Readonly<Record<ParamName, Float64Array>> {
  const model = createModel(ms);
  if (init !== undefined) {
    if (!cellInfo(ms.cell).inits.some((i) => i.id === init))
      throw new SpecError(
        `spec.init: ${init} does not apply to a ${ms.cell} (expected one of ${cellInfo(ms.cell)
          .inits.map((i) => i.id)
          .join(', ')})`,
      );
    initModel(model, createRng(seed), { init, rho: null, forgetBias: forgetBias ?? 0 });
  } else if (given !== undefined) {
    for (const p of model.params) p.w.set(given[p.name]!);
    if (forgetBias !== undefined) setForgetBias(model, forgetBias);
  }
  if (rho !== undefined) {
    const zero = setModelSpectralRadius(model, rho).find((r) => r.zero && rho > 0);
    if (zero !== undefined)
      throw new SpecError(
        `spec.rho: W_hh gate block ${zero.gate} has spectral radius 0 and cannot be rescaled`,
      );
  }
  return Object.fromEntries(model.params.map((p) => [p.name, p.w]));
}

/** Parses a decoded JSON value into a checked spec; throws SpecError naming the first bad field. */
export function parseSpec(raw: unknown): GradSpec {
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
  const { cell, inputSize: I, hiddenSize: H, outputSize: O, seqLen: T, batch: B, loss } = h;
  const ms = { cell, inputSize: I, hiddenSize: H, outputSize: O };
  const info = cellInfo(cell);
  const shapes = modelParamShapes(cell, ms);
  // Per step: inputs, outputs and about six numbers per traced state and gate entry.
  const G = Math.max(1, info.gates.length);
  const perStep = I + O + 6 * G * info.state.width(ms);
  const numbers =
    T * B * perStep + shapes.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
  if (numbers > MAX_TRACE_NUMBERS)
    throw new SpecError(
      `spec: seqLen × batch × sizes asks for ${numbers.toExponential(1)} numbers per pass, more than ${MAX_TRACE_NUMBERS.toExponential(0)}`,
    );

  if (h.init !== undefined && h.weights !== undefined)
    throw new SpecError('spec.weights: give either weights or init, not both');
  if (h.init === undefined && h.weights === undefined)
    throw new SpecError('spec.weights: missing (or give spec.init to draw them)');
  for (const key of ['forgetBias', 'holdForget'] as const) {
    if (h[key] !== undefined && !cellHas(cell, key))
      throw new SpecError(`spec.${key}: only an lstm has a forget gate (cell is ${cell})`);
  }
  const names = shapes.map((p) => p.name);
  for (const key of Object.keys(h.weights ?? {})) {
    if (!names.includes(key))
      throw new SpecError(
        `spec.weights.${key}: unknown parameter of a ${cell} (expected ${names.join(', ')})`,
      );
  }
  // Shapes as PyTorch's state_dict holds them: [rows][cols] for a matrix, even with one column.
  const given =
    h.weights === undefined
      ? undefined
      : Object.fromEntries(
          shapes.map(({ name, shape }) => {
            const path = `spec.weights.${name}`;
            const x = h.weights?.[name];
            if (x === undefined) throw new SpecError(`${path}: missing`);
            return [name, tensor(path, x, shape)] as const;
          }),
        );
  const seed = h.seed ?? 0;
  const weights = resolveWeights(ms, given, h.init, seed, h.rho, h.forgetBias);
  const bh = [B, H];
  const targets =
    loss === 'mse_last'
      ? tensor('spec.targets', h.targets, [B, O])
      : loss === 'mse_all'
        ? tensor('spec.targets', h.targets, [T, B, O])
        : loss === 'xent_all'
          ? tensor('spec.targets', h.targets, [T, B], O)
          : tensor('spec.targets', h.targets, [B], O);
  if (h.c0 !== undefined && !info.cellState)
    throw new SpecError(`spec.c0: only an lstm has a cell state (cell is ${cell})`);
  return {
    cell,
    inputSize: I,
    hiddenSize: H,
    outputSize: O,
    seqLen: T,
    batch: B,
    loss,
    weights,
    h0: h.h0 === undefined ? undefined : tensor('spec.h0', h.h0, bh),
    c0: h.c0 === undefined ? undefined : tensor('spec.c0', h.c0, bh),
    inputs: tensor('spec.inputs', h.inputs, [T, B, I]),
    targets,
    truncate: h.truncate ?? 0,
    init: h.init,
    seed,
    rho: h.rho,
    forgetBias: h.forgetBias,
    holdForget: h.holdForget,
  };
}
