/**
 * `npm run reproduce`'s family table: each newer family (LRU, RG-LRU, S6, attention) trained with
 * fixed seeds and budgets on three tasks where they differ: the adding problem at T = 100, selective
 * copy and associative recall; the final metric on a held-out batch against the task's chance
 * level. FAMILY_CLAIMS are the sentences the lessons may say; `failedClaims` checks them against a
 * table (tests/cli/familyTable.test.ts runs the same table).
 */
import { createWorkspace, forwardBackward, runForward } from '../../engine/bptt';
import { CELLS, initFor } from '../../engine/cells/catalog';
import { initModel } from '../../engine/init';
import { createModel } from '../../engine/model';
import { createOptimizer } from '../../engine/optim';
import { createRng } from '../../engine/rng';
import { makeTask } from '../../engine/tasks';
import type { Batch, CellKind } from '../../engine/types';

export type TableTask = 'adding' | 'selcopy' | 'mqar';

/** The newer families: every registered cell that is not a classic one. */
export const TABLE_FAMILIES: readonly CellKind[] = CELLS.filter((c) => c.family !== 'classic').map(
  (c) => c.id,
);

/** Where `npm run reproduce -- --record` writes the table (relative to the repository root). */
export const FAMILY_TABLE_FILE = 'docs/reproduce-families.json';

/** Sizes, budgets and seeds of the table (the same for every family). */
export const FAMILY_TABLE = {
  H: 32,
  B: 32,
  /** S6's state size N. */
  N: 8,
  lr: 3e-3,
  seed: 1,
  /** Held-out batch for the final metric. */
  evalB: 512,
  tasks: [
    { id: 'adding', T: 100, steps: 1000 },
    { id: 'selcopy', T: 32, steps: 1500 },
    { id: 'mqar', T: 16, steps: 1000 },
  ] as const satisfies readonly { id: TableTask; T: number; steps: number }[],
};

export interface FamilyRow {
  family: CellKind;
  task: TableTask;
  T: number;
  steps: number;
  seconds: number;
  /** 'mse' for adding (lower is better), 'accuracy' on the scored steps for the others. */
  metric: 'mse' | 'accuracy';
  final: number;
  chance: number;
}

/** Trains one family on one task of the table and measures it on a held-out batch. */
export function trainFamily(
  family: CellKind,
  task: TableTask,
  T: number,
  steps: number,
): FamilyRow {
  const { H, B, N, lr, seed, evalB } = FAMILY_TABLE;
  const t = makeTask(task, T);
  const spec = {
    cell: family,
    inputSize: t.inputSize,
    hiddenSize: H,
    outputSize: t.outputSize,
    stateSize: N,
  };
  const model = createModel(spec);
  initModel(model, createRng(seed), { init: initFor(family, ''), rho: null, forgetBias: 0 });
  const ws = createWorkspace(spec, T, B);
  const opt = createOptimizer('adam', model.params, { lr });
  const data = createRng(seed + 1000);
  const t0 = performance.now();
  for (let k = 0; k < steps; k++) {
    const tr = forwardBackward(model, t.sample(data, B), ws);
    if (tr.nonFinite !== null) throw new Error(`${family} on ${task} diverged at step ${k + 1}`);
    opt.step();
  }
  const seconds = (performance.now() - t0) / 1000;
  const held: Batch = t.sample(createRng(seed + 2000), evalB);
  const ews = createWorkspace(spec, T, evalB);
  const loss = runForward(model, held, ews);
  const accuracy = t.accuracy;
  return {
    family,
    task,
    T,
    steps,
    seconds,
    metric: accuracy === undefined ? 'mse' : 'accuracy',
    final: accuracy === undefined ? loss : accuracy(ews.trace.outputs, held),
    chance: accuracy === undefined ? t.chanceLoss : t.chanceAccuracy!,
  };
}

export function familyTable(
  families: readonly CellKind[] = TABLE_FAMILIES,
  log: (s: string) => void = () => {},
): FamilyRow[] {
  const rows: FamilyRow[] = [];
  for (const { id, T, steps } of FAMILY_TABLE.tasks) {
    for (const f of families) {
      const r = trainFamily(f, id, T, steps);
      log(
        `  ${f} on ${id} (T = ${T}, ${steps} steps): ${r.metric} ${r.final.toFixed(3)} (chance ${r.chance.toFixed(3)}), ${r.seconds.toFixed(1)} s`,
      );
      rows.push(r);
    }
  }
  return rows;
}

/** A row's final metric as the table and docs/MEASURED.md print it: MSE to two digits, accuracy to 0.001. */
export function formatMetric(r: FamilyRow): string {
  return r.metric === 'mse' ? r.final.toPrecision(2) : r.final.toFixed(3);
}

/** The table as text: one row per family, one column per task. */
export function formatFamilyTable(rows: readonly FamilyRow[]): string {
  const head = ['family', ...FAMILY_TABLE.tasks.map((t) => `${t.id} T=${t.T} (${t.steps} steps)`)];
  const chance = ['chance'];
  const lines: string[][] = [];
  for (const t of FAMILY_TABLE.tasks) {
    const r = rows.find((x) => x.task === t.id);
    chance.push(
      r === undefined ? '—' : `${r.metric === 'mse' ? 'MSE' : 'acc'} ${r.chance.toFixed(3)}`,
    );
  }
  for (const f of TABLE_FAMILIES) {
    const cells = FAMILY_TABLE.tasks.map((t) => {
      const r = rows.find((x) => x.family === f && x.task === t.id);
      return r === undefined ? '—' : `${formatMetric(r)} (${r.seconds.toFixed(0)} s)`;
    });
    if (cells.some((c) => c !== '—')) lines.push([f, ...cells]);
  }
  return [head, chance, ...lines].map((l) => l.join('\t')).join('\n');
}

/** A sentence the lessons may say, and the check of it against the table. */
export interface FamilyClaim {
  readonly text: string;
  holds(rows: readonly FamilyRow[]): boolean;
}

function at(rows: readonly FamilyRow[], family: CellKind, task: TableTask): FamilyRow {
  const r = rows.find((x) => x.family === family && x.task === task);
  if (r === undefined) throw new RangeError(`the table has no ${family} on ${task}`);
  return r;
}

export const FAMILY_CLAIMS: readonly FamilyClaim[] = [
  {
    text: 'Adding problem, T = 100: RG-LRU, S6 and attention solve it (held-out MSE < 0.01); the LRU, linear in its inputs, cannot form value × marker and stays above half the chance MSE.',
    holds: (rows) =>
      (['rglru', 's6', 'attention'] as const).every((f) => at(rows, f, 'adding').final < 0.01) &&
      at(rows, 'lru', 'adding').final > at(rows, 'lru', 'adding').chance / 2,
  },
  {
    text: 'Associative recall: S6 and attention answer at least 95 % of the queries; the LRU and RG-LRU stay below 40 %.',
    holds: (rows) =>
      at(rows, 's6', 'mqar').final >= 0.95 &&
      at(rows, 'attention', 'mqar').final >= 0.95 &&
      at(rows, 'lru', 'mqar').final < 0.4 &&
      at(rows, 'rglru', 'mqar').final < 0.4,
  },
  {
    text: 'Selective copy: the selective S6 recalls at least 15 points more symbols than the time-invariant LRU; at this size and budget no family reaches 90 %.',
    holds: (rows) =>
      at(rows, 's6', 'selcopy').final >= at(rows, 'lru', 'selcopy').final + 0.15 &&
      TABLE_FAMILIES.every((f) => at(rows, f, 'selcopy').final < 0.9),
  },
];

/** The claims the table does not bear out (empty when all hold). */
export function failedClaims(rows: readonly FamilyRow[]): string[] {
  return FAMILY_CLAIMS.filter((c) => !c.holds(rows)).map((c) => c.text);
}
