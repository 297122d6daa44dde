/**
 * Which registered cell, with which sizes, has exactly these parameters: the inverse of
 * `modelParamShapes`, read off the registry rather than written per cell, so a new cell's
 * state_dicts are recognized with no edit here. Every dimension a descriptor declares is assumed
 * affine in at most one size (G·H, 2H, I, N, a constant): the coefficients are found by probing the
 * descriptor, each size is solved from the file's dimensions, and the answer is accepted only when
 * the descriptor's shapes at the solved sizes equal the file's exactly.
 */
import { CELLS, modelParamShapes } from './catalog';
import type { CellKind } from './catalog';
import type { CellSizes } from './types';

/** A tensor's shape as nested JSON gives it: [rows, cols] for a matrix, [n] for a vector. */
export type FileShapes = Readonly<Record<string, readonly number[]>>;

export interface CellMatch {
  readonly cell: CellKind;
  readonly label: string;
  readonly sizes: CellSizes;
}

export interface MatchResult {
  /** Every cell the file fits (the tanh RNN and the linear cell share names and shapes). */
  readonly matches: readonly CellMatch[];
  /** Why the closest cells did not fit, when nothing did. */
  readonly reasons: readonly string[];
}

const SIZE_KEYS = ['inputSize', 'hiddenSize', 'outputSize', 'stateSize'] as const;
type SizeKey = (typeof SIZE_KEYS)[number];
const SYMBOL: Record<SizeKey, string> = {
  inputSize: 'I',
  hiddenSize: 'H',
  outputSize: 'O',
  stateSize: 'N',
};
const BASE: Required<CellSizes> = { inputSize: 1, hiddenSize: 1, outputSize: 1, stateSize: 1 };

/** dim = constant + Σ coef[k]·size[k] for one dimension of one parameter. */
interface Affine {
  readonly constant: number;
  readonly coef: Readonly<Record<SizeKey, number>>;
}

function dimsAt(cell: string, s: CellSizes): Map<string, readonly number[]> {
  return new Map(modelParamShapes(cell, s).map((p) => [p.name, p.shape]));
}

/** Each parameter's dimensions as affine functions of the sizes, by probing the descriptor. */
function affineShapes(cell: string): Map<string, Affine[]> {
  const base = dimsAt(cell, BASE);
  const bumped = SIZE_KEYS.map((k) => dimsAt(cell, { ...BASE, [k]: 2 }));
  const out = new Map<string, Affine[]>();
  for (const [name, shape] of base) {
    out.set(
      name,
      shape.map((d, i) => {
        const coef = Object.fromEntries(
          SIZE_KEYS.map((k, j) => [k, (bumped[j]!.get(name)?.[i] ?? d) - d]),
        ) as Record<SizeKey, number>;
        return { constant: d - SIZE_KEYS.reduce((a, k) => a + coef[k], 0), coef };
      }),
    );
  }
  return out;
}

/** The file's dimension i of a tensor; a missing trailing dimension reads as 1 (a flat [n] for [n][1]). */
const dimOf = (shape: readonly number[], i: number): number => shape[i] ?? 1;

function matchCell(
  cell: (typeof CELLS)[number],
  file: FileShapes,
): { match: CellMatch } | { why: string; overlap: number } {
  const model = affineShapes(cell.id);
  const names = [...model.keys()];
  const given = Object.keys(file);
  const missing = names.filter((n) => !(n in file));
  const extra = given.filter((n) => !model.has(n));
  const overlap = names.length - missing.length;
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `lacks ${missing.slice(0, 4).join(', ')}` : '',
      extra.length > 0 ? `has ${extra.slice(0, 4).join(', ')} besides` : '',
    ].filter(Boolean);
    return { why: `not a ${cell.label}: it ${parts.join(' and ')}`, overlap };
  }
  const sizes: Partial<Record<SizeKey, number>> = {};
  for (const [name, dims] of model) {
    const shape = file[name]!;
    if (shape.length > dims.length)
      return { why: `not a ${cell.label}: ${name} has ${shape.length} dimensions`, overlap };
    for (let i = 0; i < dims.length; i++) {
      const a = dims[i]!;
      const used = SIZE_KEYS.filter((k) => a.coef[k] !== 0);
      if (used.length !== 1) continue; // a constant or a product: checked below, not solved from
      const k = used[0]!;
      const v = (dimOf(shape, i) - a.constant) / a.coef[k];
      if (!Number.isInteger(v) || v < 1)
        return {
          why: `not a ${cell.label}: ${name} has ${dimOf(shape, i)} where a multiple of ${SYMBOL[k]} belongs`,
          overlap,
        };
      if (sizes[k] !== undefined && sizes[k] !== v)
        return {
          why: `not a ${cell.label}: ${name} says ${SYMBOL[k]} = ${v}, other parameters ${SYMBOL[k]} = ${sizes[k]}`,
          overlap,
        };
      sizes[k] = v;
    }
  }
  const solved: CellSizes = {
    inputSize: sizes.inputSize ?? 1,
    hiddenSize: sizes.hiddenSize ?? 1,
    outputSize: sizes.outputSize ?? 1,
    ...(sizes.stateSize !== undefined ? { stateSize: sizes.stateSize } : {}),
  };
  for (const [name, shape] of dimsAt(cell.id, solved)) {
    const f = file[name]!;
    if (shape.some((d, i) => dimOf(f, i) !== d))
      return {
        why: `not a ${cell.label}: ${name} is [${f.join('][')}], expected [${shape.join('][')}]`,
        overlap,
      };
  }
  return { match: { cell: cell.id, label: cell.label, sizes: solved } };
}

/** The registered cells whose parameters, at some sizes, are exactly the file's. */
export function matchCells(file: FileShapes): MatchResult {
  const matches: CellMatch[] = [];
  const misses: { why: string; overlap: number }[] = [];
  for (const cell of CELLS) {
    const r = matchCell(cell, file);
    if ('match' in r) matches.push(r.match);
    else misses.push(r);
  }
  if (matches.length > 0) return { matches, reasons: [] };
  const best = Math.max(...misses.map((m) => m.overlap));
  if (best === 0) {
    const names = Object.keys(file);
    return {
      matches,
      reasons: [
        `no cell here has parameters named ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}`,
      ],
    };
  }
  // The cells sharing the most names explain the miss; the others would only add noise.
  const reasons = [...new Set(misses.filter((m) => m.overlap === best).map((m) => m.why))];
  return { matches, reasons };
}
