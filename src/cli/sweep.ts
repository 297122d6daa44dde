/**
 * `npm run -s sweep -- SPEC.json`: the sequence-length sweep of the page's Sweep panel in Node. For
 * each run's settings and each T of the grid, ‖∂L/∂h_1‖ and ‖∂L/∂h_T‖ of one forward/backward pass
 * from the seed's initialization (and, with `budget`, the mean loss over the last tenth of that many
 * training iterations at that T), by the same code the worker runs (worker/sweep.ts). Prints one
 * JSON object; a line of progress per point goes to stderr. A bad spec prints one line naming the
 * field to stderr and exits 2.
 *
 * SPEC: {"runs": [{"cell": "rnn"}, {"cell": "lstm", "forgetBias": 2}], "task"?: "adding",
 * "batch"?: 8, "seed"?: 1, "grid"?: [10, 20, …], "budget"?: 0} — each run is DEFAULT_CONFIG with
 * the shared keys and then its own keys over it (any TrainConfig key but task, T, batch, seed).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { DEFAULT_CONFIG, LIMITS, TASK_IDS, TrainConfigSchema } from '../worker/config';
import type { TrainConfig } from '../worker/config';
import { MAX_RUNS, MAX_SWEEP_BUDGET, MAX_SWEEP_POINTS, SWEEP_GRID } from '../worker/runsProtocol';
import { sweepPoints } from '../worker/sweep';
import type { SweepResult } from '../worker/sweep';

const int = (lo: number, hi: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(lo), v.maxValue(hi));

const { task: _t, T: _T, batch: _b, seed: _s, ...perRun } = TrainConfigSchema.entries;
const RunSchema = v.partial(v.strictObject(perRun));

const SpecSchema = v.strictObject({
  runs: v.pipe(v.array(RunSchema), v.minLength(1), v.maxLength(MAX_RUNS)),
  task: v.optional(v.picklist(TASK_IDS)),
  batch: v.optional(int(LIMITS.batch.min, LIMITS.batch.max)),
  seed: v.optional(int(LIMITS.seed.min, LIMITS.seed.max)),
  grid: v.optional(
    v.pipe(v.array(int(LIMITS.T.min, LIMITS.T.max)), v.minLength(1), v.maxLength(MAX_SWEEP_POINTS)),
  ),
  budget: v.optional(int(0, MAX_SWEEP_BUDGET)),
});

export class SweepSpecError extends Error {
  override readonly name = 'SweepSpecError';
}

export interface SweepSpec {
  configs: TrainConfig[];
  grid: readonly number[];
  budget: number;
}

/** The spec's runs as full configs, or a SweepSpecError naming the first bad field. */
export function parseSweepSpec(raw: unknown): SweepSpec {
  const r = v.safeParse(SpecSchema, raw);
  if (!r.success) {
    const issue = r.issues[0]!;
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new SweepSpecError(`spec${path ? `.${path}` : ''}: ${issue.message}`);
  }
  const s = r.output;
  const shared = {
    ...(s.task !== undefined ? { task: s.task } : {}),
    ...(s.batch !== undefined ? { batch: s.batch } : {}),
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
  };
  return {
    configs: s.runs.map((run) => ({ ...DEFAULT_CONFIG, ...shared, ...run }) as TrainConfig),
    grid: s.grid ?? SWEEP_GRID,
    budget: s.budget ?? 0,
  };
}

const log10Ratio = (p: SweepResult) =>
  p.dh1 > 0 && p.dhT > 0 ? Math.log10(p.dh1) - Math.log10(p.dhT) : null;

/** Every run's points, in run order; `progress` hears each point as it finishes. */
export function runSweep(
  spec: SweepSpec,
  progress: (run: number, p: SweepResult) => void = () => {},
): Record<string, unknown> {
  const runs = spec.configs.map((config, k) => {
    const points = [];
    for (const p of sweepPoints(config, spec.grid, { weights: null, budget: spec.budget })) {
      if (p === null) continue;
      progress(k, p);
      points.push({ ...p, log10Ratio: log10Ratio(p) });
    }
    // T is the grid's, point by point: the config's own T would only mislead.
    const { T: _T, ...settings } = config;
    return { config: settings, points };
  });
  return { grid: spec.grid, budget: spec.budget, runs };
}

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (file === undefined || argv.length !== 1) {
    process.stderr.write('usage: npm run -s sweep -- SPEC.json\n');
    return 2;
  }
  let spec: SweepSpec;
  try {
    spec = parseSweepSpec(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    const msg =
      e instanceof SweepSpecError
        ? e.message
        : `spec: cannot read ${file}: ${(e as Error).message.split('\n')[0]}`;
    process.stderr.write(`${msg}\n`);
    return 2;
  }
  const out = runSweep(spec, (k, p) => {
    const r = log10Ratio(p);
    process.stderr.write(
      `run ${k + 1}/${spec.configs.length} T=${p.T}: log10 ratio ${r === null ? 'undefined' : r.toFixed(2)}\n`,
    );
  });
  process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}

// Run only as a script, so tests can import runSweep without side effects.
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main(process.argv.slice(2));
}
