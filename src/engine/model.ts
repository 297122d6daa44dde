/**
 * A recurrent model: one cell layer with PyTorch's state_dict names and layouts, plus a linear
 * readout. Parameters start at zero; initializers (init.ts) fill them.
 */
import { gateCount } from './types';
import type { ModelSpec, Param, ParamName } from './types';

export interface Model {
  readonly spec: ModelSpec;
  /** In PARAM_NAMES order: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, readout.weight, readout.bias. */
  readonly params: readonly Param[];
  param(name: ParamName): Param;
}

/** Rows × cols of each parameter for a spec (a bias has cols = 1). */
export function paramShape(spec: ModelSpec, name: ParamName): { rows: number; cols: number } {
  const gh = gateCount(spec.cell) * spec.hiddenSize;
  switch (name) {
    case 'weight_ih_l0':
      return { rows: gh, cols: spec.inputSize };
    case 'weight_hh_l0':
      return { rows: gh, cols: spec.hiddenSize };
    case 'bias_ih_l0':
    case 'bias_hh_l0':
      return { rows: gh, cols: 1 };
    case 'readout.weight':
      return { rows: spec.outputSize, cols: spec.hiddenSize };
    case 'readout.bias':
      return { rows: spec.outputSize, cols: 1 };
  }
}

const ORDER: readonly ParamName[] = [
  'weight_ih_l0',
  'weight_hh_l0',
  'bias_ih_l0',
  'bias_hh_l0',
  'readout.weight',
  'readout.bias',
];

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
  const params: Param[] = ORDER.map((name) => {
    const { rows, cols } = paramShape(frozen, name);
    return {
      name,
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
    a.outputSize !== b.outputSize
  ) {
    throw new RangeError('copyWeights: model specs differ');
  }
  for (let k = 0; k < from.params.length; k++) {
    const src = from.params[k];
    const dst = to.params[k];
    if (src !== undefined && dst !== undefined) dst.w.set(src.w);
  }
}
