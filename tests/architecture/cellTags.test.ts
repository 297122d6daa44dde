/**
 * The lint rule that keeps a cell one folder (eslint.config.js, eslint.cellTags.js): outside
 * src/engine/cells/ no code compares a cell id or names a cell's parameter. Checked on examples
 * through ESLint itself, and its lists against the registry, so a new cell cannot slip past it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CELL_IDS, CELL_PARAM_NAMES } from '../../eslint.cellTags.js';
import { CELLS, cellSizes } from '../../src/engine/cells/catalog';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-syntax messages ESLint gives `code` as if it were the file `file`. */
async function tags(code: string, file: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return res!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const EXAMPLES = {
  compare: `export const f = (cell: string) => (cell === 'lstm' ? 1 : 0);\n`,
  negated: `export const f = (cell: string) => 's6' !== cell;\n`,
  switch: `export function f(cell: string) {\n  switch (cell) {\n    case 'lru':\n      return 1;\n  }\n  return 0;\n}\n`,
  includes: `export const f = (cells: string[]) => cells.includes('attention');\n`,
  paramName: `export const f = (name: string) => name === 'weight_hh_l0';\n`,
  paramRead: `export const f = (m: { param(n: string): unknown }) => m.param('nu_log');\n`,
};

describe('the cell-tag lint rule', { timeout: 60_000 }, () => {
  for (const [what, code] of Object.entries(EXAMPLES))
    it(`fires on ${what} outside src/engine/cells/, in the engine and in a panel`, async () => {
      expect((await tags(code, 'src/worker/example.ts')).length).toBe(1);
      expect((await tags(code, 'src/panels/example.tsx')).length).toBe(1);
      expect((await tags(code, 'src/engine/backward/example.ts')).length).toBe(1);
    });

  it('is silent inside a cell folder and on what is not a tag', async () => {
    for (const code of Object.values(EXAMPLES))
      expect(await tags(code, 'src/engine/cells/lstm/example.ts')).toEqual([]);
    // Choosing a cell is not comparing one; nor is a scale named 'log' or a run letter 'D'.
    const fine = `export const c = { cell: 'lstm' };\nexport const k = (m: string) => m === 'log';\nexport const L = ['A', 'B', 'C', 'D'];\n`;
    expect(await tags(fine, 'src/panels/example.tsx')).toEqual([]);
  });

  it('knows every registered cell id', () => {
    expect([...CELL_IDS].sort()).toEqual(CELLS.map((c) => c.id).sort());
  });

  it('knows every parameter name a cell declares (but one-letter ones)', () => {
    const sizes = { inputSize: 2, hiddenSize: 3, outputSize: 1 };
    const names = new Set(
      CELLS.flatMap((c) => c.params(cellSizes(c.id, sizes)).map((p) => p.name)).filter(
        (n) => n.length > 1,
      ),
    );
    expect([...CELL_PARAM_NAMES].sort()).toEqual([...names].sort());
  });
});
