/**
 * The import graph of src/, read with TypeScript's own pre-processor (every import, export-from,
 * dynamic import() and `import type`), for the cycle test beside it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return EXTENSIONS.some((e) => name.endsWith(e)) ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // packages are leaves
  const base = path.resolve(path.dirname(from), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  for (const e of EXTENSIONS) {
    const index = path.join(base, 'index' + e);
    if (existsSync(index)) return index;
  }
  return null;
}

/** file → files it imports (paths relative to `root`), for every .ts/.tsx file under root/src. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => resolve(file, f.fileName))
      .filter((t): t is string => t !== null && EXTENSIONS.some((e) => t.endsWith(e)))
      .map((t) => path.relative(root, t));
    graph.set(path.relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one member, or a node importing itself. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];

  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The folder directly under src/ ("engine", "worker", …) that holds a file. */
export function folderOf(file: string): string {
  const parts = file.split(path.sep);
  return parts.length > 2 ? parts[1]! : '(src)';
}

/** Folder → folders it imports from, one edge per pair, with one example import each. */
export function folderGraph(graph: ReadonlyMap<string, readonly string[]>) {
  const folders = new Map<string, string[]>();
  const example = new Map<string, string>();
  for (const [from, targets] of graph) {
    const a = folderOf(from);
    for (const to of targets) {
      const b = folderOf(to);
      if (a === b) continue;
      const list = folders.get(a) ?? [];
      if (!list.includes(b)) list.push(b);
      folders.set(a, list);
      if (!example.has(`${a}→${b}`)) example.set(`${a}→${b}`, `${from} imports ${to}`);
    }
  }
  for (const list of folders.values()) list.sort();
  return { folders, example };
}
