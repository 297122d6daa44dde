/**
 * The first load's JavaScript, measured on the build `npm test` makes before the browser tests: the
 * scripts index.html loads and everything they import statically, gzipped. KaTeX and the in-page
 * trainer are loaded on demand (dynamic import), so they are not part of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
/**
 * Initial JavaScript budget, gzip bytes (issue 18: 205 KB with KaTeX in the first chunk; 150 KB
 * until issue 23). Raised to 155 KB for the classroom, which is first-screen UI: a lesson opened from
 * a link shows its focus layout, course buttons and prediction card before anything else loads
 * (153.7 KB measured at the merge, after the questions' texts, the belt, loss and hidden-state
 * panels, the export code and the diverged notice were moved out of the first load).
 */
const BUDGET = 155_000;

/** Relative `./x.js` specifiers of static imports (not `import(...)`) in a built chunk. */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/\bimport\s*(?:[^'"`()]*?\bfrom\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g))
    out.push(m[1]!);
  return out;
}

function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*\bsrc="\.\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const spec of staticImports(code)) visit(dir + spec.slice(2));
  };
  roots.forEach(visit);
  return [...seen];
}

describe('first load', () => {
  it('reads static imports, never dynamic ones', () => {
    expect(
      staticImports('import{a as b}from"./x.js";import"./y.js";import(`./z.js`);import("./w.js")'),
    ).toEqual(['./x.js', './y.js']);
  });

  it(`loads at most ${BUDGET / 1000} KB of JavaScript (gzip), without KaTeX`, () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    let gz = 0;
    const withKatex: string[] = [];
    for (const f of files) {
      const code = readFileSync(join(DIST, f));
      gz += gzipSync(code).length;
      if (code.includes('KaTeX parse error')) withKatex.push(f);
    }
    console.log(`initial JS: ${files.join(', ')}: ${(gz / 1000).toFixed(1)} KB gzip`);
    expect(gz).toBeLessThanOrEqual(BUDGET);
    expect(withKatex, 'KaTeX loads with the explain panel only').toEqual([]);
  });
});
