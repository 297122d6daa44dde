import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { QUIET_ZONE, qrPath } from '../../src/app/qr';

/** The dark modules a path paints, read back from its `M x y h w v1 h-w z` runs. */
function painted(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = m.slice(1).map(Number) as [number, number, number, number];
    expect(back).toBe(w);
    for (let k = 0; k < w; k++) {
      expect(grid[y]![x + k]).toBe(false); // runs never overlap
      grid[y]![x + k] = true;
    }
  }
  return grid;
}

const LINK =
  'http://127.0.0.1:4173/course/rnn/?v=1&cell=lstm&T=50&H=16&rho=0.9&lesson=lstm-belt&theme=dark';

describe('qrPath', () => {
  it('paints exactly the dark modules of the code, inside a 4-module quiet zone', () => {
    const p = qrPath(LINK)!;
    const qr = qrcode(0, 'M');
    qr.addData(LINK, 'Byte');
    qr.make();
    const n = qr.getModuleCount();
    expect(p.modules).toBe(n);
    expect(p.size).toBe(n + 2 * QUIET_ZONE);
    // Versions grow by 4 modules from 21; ~95 bytes at level M needs version 5 or more.
    expect((n - 17) % 4).toBe(0);
    expect(n).toBeGreaterThanOrEqual(37);
    const g = painted(p.d, p.size);
    for (let r = 0; r < p.size; r++)
      for (let c = 0; c < p.size; c++) {
        const inside =
          r >= QUIET_ZONE && c >= QUIET_ZONE && r < n + QUIET_ZONE && c < n + QUIET_ZONE;
        expect(g[r]![c]).toBe(inside && qr.isDark(r - QUIET_ZONE, c - QUIET_ZONE));
      }
  });

  it('has the three finder patterns a scanner looks for', () => {
    const p = qrPath(LINK)!;
    const g = painted(p.d, p.size);
    const n = p.modules;
    const finderAt = (r0: number, c0: number) => {
      for (let r = 0; r < 7; r++)
        for (let c = 0; c < 7; c++) {
          const ring = r === 0 || r === 6 || c === 0 || c === 6;
          const core = r >= 2 && r <= 4 && c >= 2 && c <= 4;
          expect(g[r0 + r]![c0 + c], `finder at ${r0},${c0}: ${r},${c}`).toBe(ring || core);
        }
    };
    const q = QUIET_ZONE;
    finderAt(q, q);
    finderAt(q, q + n - 7);
    finderAt(q + n - 7, q);
  });

  it('a text too long for any QR version gives null, not an exception', () => {
    expect(qrPath('x'.repeat(5000))).toBeNull();
    expect(qrPath('x'.repeat(2000))).not.toBeNull();
  });
});
