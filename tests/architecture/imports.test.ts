/**
 * No import cycles in src/, type-only imports included: not between files, and not between the
 * folders directly under src/ (app → embed → shell → panels → charts; store → worker → engine).
 * The folder rules themselves (which may import which) are lint rules in eslint.config.js.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph } from './importGraph';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const graph = importGraph(ROOT);

describe('the import graph of src/', () => {
  it('reads every source file and its relative imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    // Static, type-only and re-exported imports all count.
    expect(graph.get(path.join('src', 'app', 'main.tsx'))).toContain(
      path.join('src', 'embed', 'EmbedApp.tsx'),
    );
    expect(graph.get(path.join('src', 'cli', 'bench', 'report.ts'))).toContain(
      path.join('src', 'cli', 'bench', 'types.ts'),
    );
  });

  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const { folders, example } = folderGraph(graph);
    const found = cycles(folders).map((c) =>
      c.flatMap((a) => c.map((b) => example.get(`${a}→${b}`)).filter(Boolean)),
    );
    expect(found).toEqual([]);
    expect(folders.get('engine') ?? []).toEqual([]);
  });
});

describe('cycles()', () => {
  it('finds a two-file circle, a longer one and a self-import, and nothing in a tree', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c']],
      ['f', ['f']],
      ['g', ['a']],
    ]);
    expect(cycles(g)).toEqual([['c', 'd', 'e'], ['a', 'b'], ['f']]);
    expect(
      cycles(
        new Map([
          ['x', ['y', 'z']],
          ['y', ['z']],
        ]),
      ),
    ).toEqual([]);
  });
});
