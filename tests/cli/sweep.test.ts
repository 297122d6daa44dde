/** The sweep CLI: specs read strictly, the same points as the worker's sweep, a spawned run. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSweepSpec, runSweep, SweepSpecError } from '../../src/cli/sweep';
import { sweepPoints } from '../../src/worker/sweep';
import { DEFAULT_CONFIG } from '../../src/worker/config';
import { SWEEP_GRID } from '../../src/worker/runsProtocol';

const dir = mkdtempSync(join(tmpdir(), 'sweep-'));
let n = 0;
function cli(spec: unknown) {
  const file = join(dir, `spec${n++}.json`);
  writeFileSync(file, typeof spec === 'string' ? spec : JSON.stringify(spec));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sweep.ts', file], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sweep CLI', () => {
  it('reads each run over the defaults and the shared keys; the grid defaults to 10 … 1000', () => {
    const s = parseSweepSpec({
      runs: [{ cell: 'lstm', forgetBias: 2 }, {}],
      task: 'copy',
      seed: 5,
    });
    expect(s.configs).toEqual([
      { ...DEFAULT_CONFIG, task: 'copy', seed: 5, cell: 'lstm', forgetBias: 2 },
      { ...DEFAULT_CONFIG, task: 'copy', seed: 5 },
    ]);
    expect(s.grid).toEqual(SWEEP_GRID);
    expect(s.budget).toBe(0);
  });

  it('names the field of a bad spec', () => {
    const bad: [unknown, RegExp][] = [
      [{}, /spec\.runs/],
      [{ runs: [] }, /spec\.runs/],
      [{ runs: [{ T: 100 }] }, /spec\.runs\.0\.T/],
      [{ runs: [{ cel: 'rnn' }] }, /spec\.runs\.0\.cel/],
      [{ runs: [{ cell: 'banana' }] }, /spec\.runs\.0\.cell/],
      [{ runs: [{}], grid: [0] }, /spec\.grid\.0/],
      [{ runs: [{}], budget: -1 }, /spec\.budget/],
      [{ runs: [{}, {}, {}, {}, {}] }, /spec\.runs/],
    ];
    for (const [spec, msg] of bad) expect(() => parseSweepSpec(spec)).toThrow(msg);
    expect(() => parseSweepSpec({ runs: [{ lr: 5 }] })).toThrow(SweepSpecError);
  });

  it('prints the worker’s own points', () => {
    const spec = parseSweepSpec({ runs: [{ cell: 'rnn', H: 4 }], batch: 2, grid: [5, 40] });
    const out = runSweep(spec) as {
      runs: { config: object; points: { T: number; dh1: number }[] }[];
    };
    // Each point has its own T; the run's config carries none.
    expect(out.runs[0]!.config).not.toHaveProperty('T');
    expect(out.runs[0]!.config).toMatchObject({ cell: 'rnn', H: 4, batch: 2 });
    const direct = [...sweepPoints(spec.configs[0]!, [5, 40], { weights: null, budget: 0 })].filter(
      (p) => p !== null,
    );
    expect(out.runs[0]!.points.map((p) => [p.T, p.dh1])).toEqual(direct.map((p) => [p!.T, p!.dh1]));
  });

  it('as a process: JSON on stdout, progress on stderr, exit 2 on a bad spec', () => {
    const ok = cli({
      runs: [
        { cell: 'rnn', H: 4 },
        { cell: 'lstm', H: 4 },
      ],
      batch: 2,
      grid: [5, 20],
    });
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.out) as { grid: number[]; runs: { points: unknown[] }[] };
    expect(json.grid).toEqual([5, 20]);
    expect(json.runs.map((r) => r.points.length)).toEqual([2, 2]);
    expect(ok.err.trim().split('\n')).toHaveLength(4);
    const bad = cli({ runs: [{ T: 5 }] });
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/spec\.runs\.0\.T/);
    expect(cli('{not json').code).toBe(2);
  }, 60_000);
});
