/**
 * The family table of `npm run reproduce` and the claims made from it. The full table takes minutes
 * (S6 on the adding problem alone about half of it), so it is recorded by
 * `npm run reproduce -- --only=families --record` (docs/reproduce-families.json); here the claims are
 * checked on that record, the record is shown to be current by re-training three of its rows
 * (the engine is deterministic: the same numbers come back), and docs/MEASURED.md's table is
 * checked against it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FAMILY_CLAIMS,
  FAMILY_TABLE,
  FAMILY_TABLE_FILE,
  failedClaims,
  formatMetric,
  TABLE_FAMILIES,
  trainFamily,
} from '../../src/cli/reproduce/families';
import type { FamilyRow } from '../../src/cli/reproduce/families';

const ROOT = join(__dirname, '..', '..');
const record = JSON.parse(readFileSync(join(ROOT, FAMILY_TABLE_FILE), 'utf8')) as {
  date: string;
  machine: string;
  table: unknown;
  rows: FamilyRow[];
};
const measured = readFileSync(join(ROOT, 'docs', 'MEASURED.md'), 'utf8');

describe('the family table', () => {
  it('was recorded with the sizes, budgets and seeds the code sets, for every family and task', () => {
    expect(record.table).toEqual(JSON.parse(JSON.stringify(FAMILY_TABLE)));
    for (const f of TABLE_FAMILIES)
      for (const t of FAMILY_TABLE.tasks)
        expect(record.rows.filter((r) => r.family === f && r.task === t.id)).toHaveLength(1);
  });

  it('bears every claim the lessons may make', () => {
    expect(FAMILY_CLAIMS.length).toBeGreaterThanOrEqual(3);
    expect(failedClaims(record.rows)).toEqual([]);
  });

  it('a claim fails on a table that does not show it', () => {
    const rows = record.rows.map((r) =>
      r.family === 'lru' && r.task === 'mqar' ? { ...r, final: 0.99 } : r,
    );
    expect(failedClaims(rows)).toHaveLength(1);
  });

  it('is current: three of its rows, trained again, give the recorded numbers', () => {
    for (const family of ['lru', 'rglru', 'attention'] as const) {
      const want = record.rows.find((r) => r.family === family && r.task === 'mqar')!;
      const got = trainFamily(family, 'mqar', want.T, want.steps);
      expect(Math.abs(got.final - want.final), family).toBeLessThanOrEqual(1e-12);
    }
  }, 120_000);

  it('docs/MEASURED.md shows the recorded table, with its date', () => {
    expect(measured).toContain(record.date);
    for (const f of TABLE_FAMILIES) {
      const line = measured.split('\n').find((l) => l.trim().startsWith(`| ${f} `));
      expect(line, f).toBeDefined();
      for (const t of FAMILY_TABLE.tasks) {
        const r = record.rows.find((x) => x.family === f && x.task === t.id)!;
        expect(line).toContain(` ${formatMetric(r)} `);
      }
    }
  });
});
