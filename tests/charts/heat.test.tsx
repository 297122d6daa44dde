import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DIVERGING_LUT, SEQUENTIAL_LUT } from '../../src/charts/colors';
import { drawHeat, heatCellAt, type HeatContext } from '../../src/charts/drawHeat';
import { HeatCanvas, heatDomain } from '../../src/charts/HeatCanvas';
import { texts } from './markup';

interface FakeCtx extends HeatContext {
  puts: { data: ImageData; x: number; y: number }[];
  draws: unknown[][];
  clears: number;
}

function fakeCtx(width: number, height: number): FakeCtx {
  const ctx: FakeCtx = {
    canvas: { width, height },
    imageSmoothingEnabled: true,
    puts: [],
    draws: [],
    clears: 0,
    createImageData(w: number, h: number) {
      return {
        width: w,
        height: h,
        data: new Uint8ClampedArray(w * h * 4),
        colorSpace: 'srgb',
      } as ImageData;
    },
    putImageData(data: ImageData, x: number, y: number) {
      this.puts.push({ data, x, y });
    },
    drawImage(...args: unknown[]) {
      this.draws.push(args);
    },
    clearRect() {
      this.clears++;
    },
  };
  return ctx;
}

const px = (img: ImageData, cols: number, r: number, c: number) =>
  Array.from(img.data.subarray((r * cols + c) * 4, (r * cols + c) * 4 + 4));
const lutAt = (lut: Uint8ClampedArray, k: number) => Array.from(lut.subarray(4 * k, 4 * k + 4));
const GREY = [0x8c, 0x8c, 0x8c, 255];

describe('drawHeat', () => {
  it('maps log magnitudes through the LUT, one pixel per cell, and scales up crisply', () => {
    const ctx = fakeCtx(300, 200);
    // 2 rows × 3 cols over the domain [1e-4, 1]
    const values = Float64Array.from([1e-4, 1e-2, 1, 1e-13, NaN, Infinity]);
    const img = drawHeat(ctx, values, 2, 3, SEQUENTIAL_LUT, [1e-4, 1], {
      vanishedBelow: 1e-8,
    }) as ImageData;
    expect(img.width).toBe(3);
    expect(img.height).toBe(2);
    expect(px(img, 3, 0, 0)).toEqual(lutAt(SEQUENTIAL_LUT, 0));
    expect(px(img, 3, 0, 1)).toEqual(lutAt(SEQUENTIAL_LUT, 128)); // 1e-2 is halfway in log
    expect(px(img, 3, 0, 2)).toEqual(lutAt(SEQUENTIAL_LUT, 255));
    expect(px(img, 3, 1, 0)).toEqual(GREY); // below the threshold: vanished
    expect(px(img, 3, 1, 1)).toEqual([0, 0, 0, 0]); // NaN: transparent
    expect(px(img, 3, 1, 2)).toEqual(lutAt(SEQUENTIAL_LUT, 255));
    expect(ctx.imageSmoothingEnabled).toBe(false);
    expect(ctx.puts.length).toBe(1);
    expect(ctx.draws[0]?.slice(1)).toEqual([0, 0, 3, 2, 0, 0, 300, 200]);
  });

  it('vanishedRelLast: a cell is grey below that fraction of its own row’s last value', () => {
    const ctx = fakeCtx(10, 10);
    // Row 0 ends at 1, row 1 at 1e-6: 1e-4 is vanished in row 0 (< 1e-3 × 1) but not in row 1.
    const values = Float64Array.from([1e-4, 1, 1e-4, 1e-6]);
    const img = drawHeat(ctx, values, 2, 2, SEQUENTIAL_LUT, [1e-8, 1], {
      vanishedRelLast: 1e-3,
    }) as ImageData;
    expect(px(img, 2, 0, 0)).toEqual(GREY);
    expect(px(img, 2, 1, 0)).not.toEqual(GREY);
    expect(px(img, 2, 1, 1)).not.toEqual(GREY);
  });

  it('draws newest rows on top and reads a ring buffer from rowStart', () => {
    const ctx = fakeCtx(10, 10);
    // Physical rows: 0 → 1e-1 (logical 2, newest), 1 → 1e-3 (logical 0, oldest), 2 → 1e-2 (logical 1)
    const values = Float64Array.from([1e-1, 1e-3, 1e-2]);
    const img = drawHeat(ctx, values, 3, 1, SEQUENTIAL_LUT, [1e-3, 1e-1], {
      newestOnTop: true,
      rowStart: 1,
    }) as ImageData;
    expect(px(img, 1, 0, 0)).toEqual(lutAt(SEQUENTIAL_LUT, 255));
    expect(px(img, 1, 1, 0)).toEqual(lutAt(SEQUENTIAL_LUT, 128));
    expect(px(img, 1, 2, 0)).toEqual(lutAt(SEQUENTIAL_LUT, 0));
  });

  it('stretches the filled rows of a ring over the full height', () => {
    const ctx = fakeCtx(10, 10);
    const values = Float64Array.from([1, 1, 1, 1]);
    const img = drawHeat(ctx, values, 4, 1, SEQUENTIAL_LUT, [0.1, 1], {
      newestOnTop: true,
      rowCount: 2,
    }) as ImageData;
    expect(px(img, 1, 0, 0)[3]).toBe(255);
    expect(px(img, 1, 1, 0)[3]).toBe(255);
    expect(px(img, 1, 2, 0)).toEqual([0, 0, 0, 0]);
    // Only the two filled rows are scaled onto the 10 × 10 canvas.
    expect(ctx.draws[0]?.slice(1)).toEqual([0, 0, 1, 2, 0, 0, 10, 10]);
    const empty = fakeCtx(10, 10);
    drawHeat(empty, values, 4, 1, SEQUENTIAL_LUT, [0.1, 1], { rowCount: 0 });
    expect(empty.draws).toEqual([]);
  });

  it('centres the diverging mode on 0 and clamps beyond the domain', () => {
    const ctx = fakeCtx(10, 10);
    const img = drawHeat(ctx, Float64Array.from([-2, 0, 2, 5]), 1, 4, DIVERGING_LUT, [-2, 2], {
      mode: 'diverging',
    }) as ImageData;
    expect(px(img, 4, 0, 0)).toEqual(lutAt(DIVERGING_LUT, 0));
    expect(px(img, 4, 0, 1)).toEqual(lutAt(DIVERGING_LUT, 128));
    expect(px(img, 4, 0, 2)).toEqual(lutAt(DIVERGING_LUT, 255));
    expect(px(img, 4, 0, 3)).toEqual(lutAt(DIVERGING_LUT, 255));
  });

  it('stages into a scratch context when given, clearing the target first', () => {
    const ctx = fakeCtx(40, 20);
    const scratch = fakeCtx(2, 1);
    drawHeat(ctx, Float64Array.from([0.5, 1]), 1, 2, SEQUENTIAL_LUT, [0.1, 1], {
      scratch: scratch as unknown as NonNullable<Parameters<typeof drawHeat>[6]>['scratch'],
    });
    expect(scratch.puts.length).toBe(1);
    expect(ctx.puts.length).toBe(0);
    expect(ctx.clears).toBe(1);
    expect(ctx.draws[0]?.[0]).toBe(scratch.canvas);
    expect(ctx.draws[0]?.slice(1)).toEqual([0, 0, 2, 1, 0, 0, 40, 20]);
  });

  it('draws nothing for an empty grid', () => {
    const ctx = fakeCtx(10, 10);
    expect(drawHeat(ctx, new Float64Array(0), 0, 5, SEQUENTIAL_LUT, [0.1, 1])).toBeNull();
    expect(ctx.draws.length).toBe(0);
  });
});

describe('<HeatCanvas>', () => {
  it('renders a canvas under an SVG overlay with axes and a legend', () => {
    const values = new Float64Array(6 * 10).map((_, k) => 10 ** -(k % 10));
    const html = renderToStaticMarkup(
      <HeatCanvas
        values={values}
        rows={6}
        cols={10}
        xStart={1}
        newestOnTop
        xLabel="time step t"
        yLabel="iteration"
        legendLabel="‖∂L/∂hₜ‖"
        width={600}
        ariaLabel="Gradient heatmap"
      />,
    );
    expect(html).toContain('<canvas');
    expect(html).toContain('aria-label="Gradient heatmap"');
    const t = texts(html);
    expect(t).toEqual(
      expect.arrayContaining(['time step t', 'iteration', '‖∂L/∂hₜ‖', 'vanished', '10⁻⁸', '1']),
    );
    expect(html).not.toMatch(/NaN|Infinity/);
  });
  it('puts the newest iteration at the top of the y axis', () => {
    const html = renderToStaticMarkup(
      <HeatCanvas
        values={new Float64Array(20).fill(1)}
        rows={10}
        cols={2}
        rowCount={10}
        yStart={100}
        yStep={10}
        newestOnTop
        width={400}
        height={300}
        ariaLabel="h"
      />,
    );
    // Rows hold iterations 100…190; with newest on top the first (topmost) labels are the largest.
    const labels = texts(html)
      .map(Number)
      .filter((v) => v >= 100);
    expect(labels.length).toBeGreaterThan(2);
    expect(Math.max(...labels)).toBeLessThanOrEqual(190);
    const positions = [
      ...html.matchAll(/translate\(0,([\d.]+)\)"><line x2="-6"><\/line><text[^>]*>(\d+)</g),
    ].map((m) => [Number(m[1]), Number(m[2])]);
    const top = positions.reduce((a, b) => (a[0]! < b[0]! ? a : b));
    const bottom = positions.reduce((a, b) => (a[0]! > b[0]! ? a : b));
    expect(top[1]).toBeGreaterThan(bottom[1] as number);
  });
  it('default domains: log ignores zeros, diverging is symmetric', () => {
    expect(heatDomain(Float64Array.from([0, 2e-3, 0.5]), 'log')).toEqual([1e-3, 1]);
    expect(heatDomain(Float64Array.from([-0.5, 2, NaN]), 'diverging')).toEqual([-2, 2]);
  });
});

describe('heatCellAt', () => {
  it('inverts the drawHeat layout, including newest-on-top ring buffers', () => {
    // 4 physical rows × 5 cols in a 100 × 40 px plot: cells are 20 × 10 px.
    expect(heatCellAt(0, 0, 100, 40, 4, 5)).toEqual({ row: 0, col: 0, index: 0 });
    expect(heatCellAt(99, 39, 100, 40, 4, 5)).toEqual({ row: 3, col: 4, index: 19 });
    // Newest on top, ring head at physical row 2, 3 rows filled over the 40 px: top screen row
    // (0–13 px) is logical row 2 → physical 0, the bottom one (27–40 px) logical row 0 → physical 2.
    const ring = { newestOnTop: true, rowStart: 2, rowCount: 3 };
    expect(heatCellAt(45, 5, 100, 40, 4, 5, ring)).toEqual({ row: 2, col: 2, index: 2 });
    expect(heatCellAt(45, 20, 100, 40, 4, 5, ring)).toEqual({ row: 1, col: 2, index: 17 });
    expect(heatCellAt(45, 35, 100, 40, 4, 5, ring)).toEqual({ row: 0, col: 2, index: 12 });
    // No filled row, and points outside, give null.
    expect(heatCellAt(45, 35, 100, 40, 4, 5, { rowCount: 0 })).toBeNull();
    expect(heatCellAt(-1, 5, 100, 40, 4, 5)).toBeNull();
    expect(heatCellAt(100, 5, 100, 40, 4, 5)).toBeNull();
  });
  it('agrees with drawHeat on which pixel row holds which value', () => {
    const ctx = fakeCtx(10, 10);
    const values = Float64Array.from([1e-3, 1e-2, 1e-1, 1]);
    const opts = { newestOnTop: true, rowStart: 1, rowCount: 4, vanishedBelow: 0 };
    const img = drawHeat(ctx, values, 4, 1, SEQUENTIAL_LUT, [1e-3, 1], opts) as ImageData;
    for (let screen = 0; screen < 4; screen++) {
      const cell = heatCellAt(0.5, screen * 10 + 5, 1, 40, 4, 1, opts);
      const v = values[cell?.index ?? -1] as number;
      const k = Math.round(((Math.log10(v) + 3) / 3) * 255);
      expect(px(img, 1, screen, 0)).toEqual(lutAt(SEQUENTIAL_LUT, k));
    }
  });
});

describe('<HeatCanvas> marks', () => {
  it('flags marked rows (clipping) at the right edge, only inside the shown range', () => {
    const html = renderToStaticMarkup(
      <HeatCanvas
        values={new Float64Array(20).fill(1)}
        rows={10}
        cols={2}
        yStart={0}
        yStep={10}
        newestOnTop
        yMarks={[30, 70, 5000]}
        yName="iteration"
        width={400}
        height={300}
        ariaLabel="h"
      />,
    );
    const marks = [...html.matchAll(/<path class="heat-mark"[^>]*><title>([^<]*)<\/title>/g)].map(
      (m) => m[1],
    );
    expect(marks).toEqual(['clipped: iteration 30', 'clipped: iteration 70']);
  });
});
