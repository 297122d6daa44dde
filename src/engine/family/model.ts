/**
 * A model of one of the newer families: the cell's parameters (PyTorch names and layouts, as the
 * contract lists them) and a linear readout on the layer output. Parameters start at zero; the
 * cells' initializers (cells/<id>/init.ts) fill them.
 */
import type { CellInfo } from '../cells/types';
import type {
  FamilyCell,
  FamilyDims,
  FamilyId,
  FamilyModel,
  FamilyParam,
  FamilyWorkspace,
  ParamShape,
} from './types';

/** A cell's parameter shapes as its descriptor declares them (cells/<id>/info.ts), in this driver's form. */
export function shapesFromInfo(info: CellInfo): (d: FamilyDims) => readonly ParamShape[] {
  return (d) =>
    info.params(d).map((p) => ({
      name: p.name,
      rows: p.shape[0],
      cols: p.shape[1] ?? 1,
      vector: p.shape.length === 1,
    }));
}

/**
 * A family cell from its descriptor (id, parameter shapes, readout width), whether it is a
 * recurrence TBPTT truncates and whether it takes h0, and its folder's workspace, passes and walk.
 */
export function familyCell<W extends FamilyWorkspace>(
  info: CellInfo & { id: FamilyId },
  flags: Pick<FamilyCell<W>, 'truncates' | 'takesH0'>,
  parts: Pick<FamilyCell<W>, 'createWorkspace' | 'forward' | 'backward' | 'walk' | 'scan'>,
): FamilyCell<W> {
  return {
    id: info.id,
    paramShapes: shapesFromInfo(info),
    readoutWidth: info.readoutWidth,
    ...flags,
    ...parts,
  };
}

/** Every parameter's shape: the cell's, then readout.weight [O][F] and readout.bias [O]. */
export function familyShapes(cell: FamilyCell, d: FamilyDims): ParamShape[] {
  const F = cell.readoutWidth(d);
  const O = d.outputSize;
  return [
    ...cell.paramShapes(d),
    { name: 'readout.weight', rows: O, cols: F, vector: false },
    { name: 'readout.bias', rows: O, cols: 1, vector: true },
  ];
}

export function createFamilyModel(cell: FamilyCell, dims: FamilyDims): FamilyModel {
  for (const key of ['inputSize', 'hiddenSize', 'outputSize', 'stateSize'] as const) {
    const v = dims[key];
    if (!Number.isInteger(v) || v < 1)
      throw new RangeError(`FamilyDims.${key} must be a positive integer, got ${v}`);
  }
  const d: FamilyDims = { ...dims };
  const params: FamilyParam[] = familyShapes(cell, d).map((s) => ({
    ...s,
    w: new Float64Array(s.rows * s.cols),
    dw: new Float64Array(s.rows * s.cols),
  }));
  const byName = new Map(params.map((p) => [p.name, p]));
  return {
    id: cell.id,
    dims: d,
    params,
    param(name) {
      const p = byName.get(name);
      if (p === undefined) throw new RangeError(`${cell.id} has no parameter ${name}`);
      return p;
    },
  };
}

/** Copies every weight (not gradients) between models of the same family and sizes. */
export function copyFamilyWeights(from: FamilyModel, to: FamilyModel): void {
  if (from.id !== to.id || JSON.stringify(from.dims) !== JSON.stringify(to.dims))
    throw new RangeError('copyFamilyWeights: models differ');
  from.params.forEach((p, k) => to.params[k]!.w.set(p.w));
}
