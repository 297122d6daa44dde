/**
 * A model: one cell layer with the parameters its descriptor lists (PyTorch's state_dict names and
 * layouts) plus a linear readout. Parameters start at zero; initializers (init.ts) fill them.
 */
import { modelParamShapes } from './cells/catalog';
import type { ModelSpec, Param, ParamName } from './types';

export interface Model {
  readonly spec: ModelSpec;
  /** In state_dict order: the cell's parameters (its CellInfo.params), then readout.weight, readout.bias. */
  readonly params: readonly Param[];
  /** The parameter with this name; throws RangeError when the model has none. */
  param(name: ParamName): Param;
}

/** Rows × cols of each parameter for a spec (a vector has cols = 1). */
export function paramShape(spec: ModelSpec, name: ParamName): { rows: number; cols: number } {
  const p = modelParamShapes(spec.cell, spec).find((q) => q.name === name);
  if (p === undefined) throw new RangeError(`a ${spec.cell} has no parameter ${name}`);
  return { rows: p.shape[0], cols: p.shape[1] ?? 1 };
}

function checkSpec(spec: ModelSpec): void {
  for (const key of ['inputSize', 'hiddenSize', 'outputSize'] as const) {
    const v = spec[key];
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`ModelSpec.${key} must be a positive integer, got ${v}`);
  }
}

export function createModel(spec: ModelSpec): Model {
  checkSpec(spec);
  const frozen: ModelSpec = { ...spec };
  const params: Param[] = modelParamShapes(frozen.cell, frozen).map(({ name, shape }) => {
    const rows = shape[0];
    const cols = shape[1] ?? 1;
    return {
      name,
      shape,
      rows,
      cols,
      w: new Float64Array(rows * cols),
      dw: new Float64Array(rows * cols),
    };
  });
  const byName = new Map<ParamName, Param>(params.map((p) => [p.name, p]));
  return {
    spec: frozen,
    params,
    param(name) {
      const p = byName.get(name);
      if (p === undefined) throw new RangeError(`unknown parameter ${name}`);
      return p;
    },
  };
}

/** Copies every weight (not gradients) between models of the same spec. */
export function copyWeights(from: Model, to: Model): void {
  const a = from.spec;
  const b = to.spec;
  if (
    a.cell !== b.cell ||
    a.inputSize !== b.inputSize ||
    a.hiddenSize !== b.hiddenSize ||
    a.outputSize !== b.outputSize ||
    a.stateSize !== b.stateSize
  ) {
    throw new RangeError('copyWeights: model specs differ');
  }
  for (let k = 0; k < from.params.length; k++) {
    const src = from.params[k];
    const dst = to.params[k];
    if (src !== undefined && dst !== undefined) dst.w.set(src.w);
  }
}
