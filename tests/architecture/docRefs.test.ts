/**
 * Comments and docs name only what a reader of this repository can open: no design notes kept
 * outside it (the project's planning documents were never committed).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['src', 'tests', 'scripts', 'bench', 'tools'];
const SKIP = new Set(['node_modules', 'fixtures', '__snapshots__']);
const OUTSIDE = /\.\.\/shared|\b(ARCHITECTURE|DESIGN|REFERENCE|STYLE|FAMILIES-NOTES)\.md\b/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx|mjs|js|py|css|wat|md)$/.test(name) ? [full] : [];
  });
}

describe('references', () => {
  it('no file points at a design document that is not in the repository', () => {
    const self = fileURLToPath(import.meta.url);
    const found: string[] = [];
    const all = [
      ...FOLDERS.flatMap((f) => files(path.join(ROOT, f))),
      path.join(ROOT, 'README.md'),
      path.join(ROOT, 'docs', 'MEASURED.md'),
    ];
    for (const file of all) {
      if (file === self) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, k) => {
          if (OUTSIDE.test(line))
            found.push(`${path.relative(ROOT, file)}:${k + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
