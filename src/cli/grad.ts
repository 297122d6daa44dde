/**
 * `npm run -s grad -- SPEC.json`: one forward+backward pass of the engine on a JSON spec, printed
 * as one JSON object (loss, parameter gradients in PyTorch layout, per-step states, dL/dh_t and its
 * norms; LSTM cell states, dL/dc_t and gates; GRU gates). The newer families (lru, rglru, s6,
 * attention) go through familySpec.ts and familyGrad.ts. A bad spec prints one line naming the
 * field to stderr and exits 2.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createModel } from '../engine/model';
import { createWorkspace, forwardBackward } from '../engine/bptt';
import { cellInfo } from '../engine/cells/catalog';
import type { Trace } from '../engine/types';
import { isFamilySpec, parseFamilySpec } from './familySpec';
import { runFamilyGrad } from './familyGrad';
import { parseSpec, SpecError } from './spec';
import type { GradSpec } from './spec';
import { nest, type Nested } from './nested';

/** [T][B][G·H] gate block g → [T][B][H]. */
function gate(tr: Trace, g: number, G: number): Nested[] {
  const { T, B, H } = tr;
  const src = tr.gates!;
  const out = new Float64Array(T * B * H);
  for (let r = 0; r < T * B; r++)
    for (let k = 0; k < H; k++) out[r * H + k] = src[r * G * H + g * H + k]!;
  return nest(out, 0, [T, B, H]);
}

export function runGrad(spec: GradSpec): Record<string, unknown> {
  const { cell, seqLen: T, batch: B, hiddenSize: H } = spec;
  const info = cellInfo(cell);
  const model = createModel(spec);
  for (const p of model.params) p.w.set(spec.weights[p.name]!);
  const ws = createWorkspace(model.spec, T, B);
  const batch = { T, B, loss: spec.loss, inputs: spec.inputs, targets: spec.targets };
  const tr = forwardBackward(model, batch, ws, {
    h0: spec.h0,
    c0: spec.c0,
    truncate: spec.truncate,
    holdForget: spec.holdForget ?? null,
  });
  const grads: Record<string, Nested[]> = {};
  // PyTorch's shapes: a matrix stays [rows][cols] even with one column (I = 1, H = 1), a vector flat.
  for (const p of model.params) grads[p.name] = nest(p.dw, 0, p.shape);
  const S = tr.S;
  const out: Record<string, unknown> = {
    lossValue: tr.loss,
    grads,
    hidden: nest(tr.h, B * S, [T, B, S]),
    dL_dh: nest(tr.dh, 0, [T, B, S]),
    dL_dh_norm: Array.from(tr.dhNorm),
    dL_dh0: nest(tr.dh0, 0, [B, S]),
  };
  if (info.cellState && tr.c !== null && tr.dc !== null && tr.dcNorm !== null && tr.dc0 !== null) {
    out.cellState = nest(tr.c, B * H, [T, B, H]);
    out.dL_dc = nest(tr.dc, 0, [T, B, H]);
    out.dL_dc_norm = Array.from(tr.dcNorm);
    out.dL_dc0 = nest(tr.dc0, 0, [B, H]);
  }
  const names = info.gates;
  if (names.length > 0)
    out.gates = Object.fromEntries(names.map((n, g) => [n, gate(tr, g, names.length)]));
  out.nonFinite = tr.nonFinite;
  // f held at φ is a teaching override, not a trained LSTM: say so next to the numbers.
  if (spec.holdForget !== undefined) out.teachingOverride = { holdForget: spec.holdForget };
  return out;
}

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (file === undefined || argv.length !== 1) {
    process.stderr.write('usage: npm run -s grad -- SPEC.json\n');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`spec: cannot read ${file}: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  try {
    const out = isFamilySpec(raw) ? runFamilyGrad(parseFamilySpec(raw)) : runGrad(parseSpec(raw));
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof SpecError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

// Run only as a script, so tests can import runGrad without side effects.
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main(process.argv.slice(2));
}
