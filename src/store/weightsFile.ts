/**
 * Weights files in PyTorch's state_dict layout: `{name: nested arrays}` with matrices as
 * [rows][cols] and biases as flat lists, names as in nn.RNN/LSTM/GRU plus `readout.weight`,
 * `readout.bias`. A file from PyTorch is checked name by name and shape by shape against the
 * current model before anything is sent to the trainer, so a wrong file changes nothing.
 */
import * as v from 'valibot';

export type Shapes = Record<string, readonly [rows: number, cols: number]>;

/** Largest file read (a 128-unit LSTM is under 3 MB of JSON). */
export const MAX_WEIGHTS_BYTES = 20 * 1024 * 1024;

const isBias = (name: string) => name.startsWith('bias') || name === 'readout.bias';

/** JSON text of the weights, nested like `{k: v.tolist() for k, v in model.state_dict().items()}`. */
export function formatStateDict(
  weights: Record<string, ArrayLike<number>>,
  shapes: Shapes,
): string {
  const out: Record<string, number[] | number[][]> = {};
  for (const [name, [rows, cols]] of Object.entries(shapes)) {
    const w = weights[name];
    if (!w) continue;
    if (isBias(name)) out[name] = Array.from(w);
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

export type ParsedWeights =
  { ok: true; weights: Record<string, number[]> } | { ok: false; message: string };

/** Reads a weights file against the current model's shapes; says exactly what does not fit. */
export function parseStateDict(text: string, shapes: Shapes): ParsedWeights {
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
  const file = r.output;
  const names = Object.keys(shapes);
  const unknown = Object.keys(file).filter((n) => !(n in shapes));
  if (unknown.length)
    return {
      ok: false,
      message: `Unknown parameter name(s): ${unknown.slice(0, 4).join(', ')}. Expected ${names.join(', ')}.`,
    };
  const missing = names.filter((n) => !(n in file));
  if (missing.length) return { ok: false, message: `Missing parameter(s): ${missing.join(', ')}.` };
  const weights: Record<string, number[]> = {};
  for (const name of names) {
    const [rows, cols] = shapes[name] as readonly [number, number];
    const entry = file[name] as number[] | number[][];
    const nested = entry.length > 0 && Array.isArray(entry[0]);
    if (isBias(name) || cols === 1) {
      const flat = nested ? (entry as number[][]).flat() : (entry as number[]);
      if (flat.length !== rows * cols)
        return { ok: false, message: `${name}: expected ${rows} values, got ${flat.length}.` };
      weights[name] = flat;
      continue;
    }
    if (!nested)
      return {
        ok: false,
        message: `${name}: expected ${rows} rows of ${cols}, got a flat list of ${entry.length}.`,
      };
    const m = entry as number[][];
    const bad = m.findIndex((row) => row.length !== cols);
    if (m.length !== rows || bad >= 0) {
      const got = bad >= 0 ? `row ${bad} has ${m[bad]?.length}` : `${m.length} rows`;
      return {
        ok: false,
        message: `${name}: expected ${rows} rows of ${cols} (PyTorch layout [out][in]), got ${got}.`,
      };
    }
    weights[name] = m.flat();
  }
  return { ok: true, weights };
}
