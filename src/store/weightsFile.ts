/**
 * Weights files in PyTorch's state_dict layout: `{name: nested arrays}` as
 * `{k: v.tolist() for k, v in model.state_dict().items()}` writes them, matrices as [rows][cols]
 * (even with one column) and vectors flat. `readStateDict` reads any such file with the shape its
 * nesting gives each tensor (what the weights-file matcher needs to tell the cell and sizes);
 * `parseStateDict` checks one against the current model's shapes, name by name, before anything is
 * sent to the trainer, so a wrong file changes nothing.
 */
import * as v from 'valibot';

/** PyTorch shapes by name: [rows, cols] for a matrix, [n] for a vector. */
export type Shapes = Readonly<Record<string, readonly number[]>>;

/** Largest file read (a 128-unit LSTM is under 3 MB of JSON). */
export const MAX_WEIGHTS_BYTES = 20 * 1024 * 1024;

/** JSON text of the weights, nested like `{k: v.tolist() for k, v in model.state_dict().items()}`. */
export function formatStateDict(
  weights: Record<string, ArrayLike<number>>,
  shapes: Shapes,
): string {
  const out: Record<string, number[] | number[][]> = {};
  for (const [name, shape] of Object.entries(shapes)) {
    const w = weights[name];
    if (!w) continue;
    const [rows = 0, cols] = shape;
    if (cols === undefined) out[name] = Array.from(w);
    else
      out[name] = Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => w[r * cols + c] as number),
      );
  }
  return JSON.stringify(out, null, 1);
}

const Num = v.pipe(
  v.number('every value must be a number'),
  v.finite('every value must be finite'),
);
const Entry = v.union([v.array(Num), v.array(v.array(Num))], 'a list of numbers or a list of rows');
const File = v.record(v.string(), Entry);

export interface Tensor {
  /** [rows, cols] for a list of rows, [n] for a flat list. */
  readonly shape: readonly number[];
  /** Row-major values. */
  readonly values: number[];
}

export type ReadResult =
  { ok: true; tensors: Readonly<Record<string, Tensor>> } | { ok: false; message: string };

/** Reads a weights file: JSON, every entry a list of numbers or a rectangular list of rows. */
export function readStateDict(text: string): ReadResult {
  if (text.length > MAX_WEIGHTS_BYTES)
    return { ok: false, message: `The file is larger than ${MAX_WEIGHTS_BYTES / 1048576} MB.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `Not JSON: ${(e as Error).message}` };
  }
  const r = v.safeParse(File, json);
  if (!r.success) {
    const issue = r.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return {
      ok: false,
      message: `Not a state_dict of numbers${path ? ` at ${path}` : ''}: ${issue?.message ?? 'unexpected shape'}.`,
    };
  }
  const tensors: Record<string, Tensor> = {};
  for (const [name, entry] of Object.entries(r.output)) {
    if (entry.length === 0 || !Array.isArray(entry[0])) {
      tensors[name] = { shape: [entry.length], values: entry as number[] };
      continue;
    }
    const m = entry as number[][];
    const cols = m[0]!.length;
    const bad = m.findIndex((row) => row.length !== cols);
    if (bad >= 0)
      return {
        ok: false,
        message: `${name}: its rows differ in length (row 0 has ${cols}, row ${bad} has ${m[bad]!.length}).`,
      };
    tensors[name] = { shape: [m.length, cols], values: m.flat() };
  }
  return { ok: true, tensors };
}

export type ParsedWeights =
  { ok: true; weights: Record<string, number[]> } | { ok: false; message: string };

/** The tensors against the current model's shapes; says exactly what does not fit. */
export function fitStateDict(
  tensors: Readonly<Record<string, Tensor>>,
  shapes: Shapes,
): ParsedWeights {
  const names = Object.keys(shapes);
  const unknown = Object.keys(tensors).filter((n) => !(n in shapes));
  if (unknown.length)
    return {
      ok: false,
      message: `Unknown parameter name(s): ${unknown.slice(0, 4).join(', ')}. Expected ${names.join(', ')}.`,
    };
  const missing = names.filter((n) => !(n in tensors));
  if (missing.length) return { ok: false, message: `Missing parameter(s): ${missing.join(', ')}.` };
  const weights: Record<string, number[]> = {};
  for (const name of names) {
    const [rows = 0, cols] = shapes[name]!;
    const t = tensors[name]!;
    const nested = t.shape.length === 2;
    if (cols === undefined || cols === 1) {
      // A vector, or a one-column matrix, whose values a flat list or one-entry rows hold alike.
      const n = rows * (cols ?? 1);
      if (t.values.length !== n)
        return { ok: false, message: `${name}: expected ${n} values, got ${t.values.length}.` };
      weights[name] = t.values;
      continue;
    }
    if (!nested)
      return {
        ok: false,
        message: `${name}: expected ${rows} rows of ${cols}, got a flat list of ${t.values.length}.`,
      };
    if (t.shape[0] !== rows || t.shape[1] !== cols)
      return {
        ok: false,
        message: `${name}: expected ${rows} rows of ${cols} (PyTorch layout [out][in]), got ${t.shape[0]} rows of ${t.shape[1]}.`,
      };
    weights[name] = t.values;
  }
  return { ok: true, weights };
}

/** Reads a weights file against the current model's shapes; says exactly what does not fit. */
export function parseStateDict(text: string, shapes: Shapes): ParsedWeights {
  const r = readStateDict(text);
  return r.ok ? fitStateDict(r.tensors, shapes) : r;
}
