import { LUT_SIZE, VANISHED_RATIO, lutIndex, writeVanished, type Lut } from './colors';
import type { Domain } from './scales';

/** The part of a 2D canvas context drawHeat uses (a fake one in tests). */
export interface HeatContext {
  createImageData(sw: number, sh: number): ImageData;
  putImageData(data: ImageData, dx: number, dy: number): void;
  drawImage(
    image: CanvasImageSource,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  imageSmoothingEnabled: boolean;
  readonly canvas: { width: number; height: number };
}

/** How values map to colour. */
export type HeatMode = 'log' | 'diverging' | 'linear';

/** Options of {@link drawHeat}. */
export interface DrawHeatOptions {
  /** 'log' (magnitudes, domain [lo, hi] > 0), 'diverging' (domain [−m, m]), 'linear' (default 'log'). */
  mode?: HeatMode;
  /** Draw the last logical row at the top (iteration × time heatmap). */
  newestOnTop?: boolean;
  /** Ring buffer: logical row k is stored at physical row (rowStart + k) mod rows (default 0). */
  rowStart?: number;
  /** Logical rows filled so far (default rows); they are drawn over the full height. */
  rowCount?: number;
  /** Log mode: values ≤ this are grey "vanished" (default VANISHED_RATIO × domain[1]). */
  vanishedBelow?: number;
  /**
   * Log mode: instead, a value is vanished when ≤ this fraction of the last value of its own row
   * (rows of ‖∂L/∂hₜ‖ over t: the gradient where backpropagation starts, t = T).
   */
  vanishedRelLast?: number;
  /** With vanishedRelLast: measure against the row's largest value before its last (attention). */
  relToEarlier?: boolean;
  /** Context of a cols × rows canvas to stage the image in; default: `ctx` itself. */
  scratch?: HeatContext & {
    readonly canvas: CanvasImageSource & { width: number; height: number };
  };
  /** Target size in device pixels (default ctx.canvas size). */
  width?: number;
  height?: number;
}

/**
 * Paints a rows × cols row-major grid of values, one pixel per cell, into an ImageData through a
 * colour LUT, then scales the filled rows up onto the canvas with smoothing off (crisp cells). Row 0
 * is drawn at the top unless `newestOnTop`. NaN cells are transparent; +Infinity takes the top colour; in log
 * mode values ≤ 0 or under the vanished threshold are grey. Returns the staged ImageData.
 */
export function drawHeat(
  ctx: HeatContext,
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  lut: Lut,
  domain: Domain,
  opts: DrawHeatOptions = {},
): ImageData | null {
  if (rows <= 0 || cols <= 0) return null;
  const mode = opts.mode ?? 'log';
  const stage = opts.scratch ?? ctx;
  const img = stage.createImageData(cols, rows);
  const px = img.data;
  const rowStart = opts.rowStart ?? 0;
  const filled = Math.min(rows, opts.rowCount ?? rows);
  const l0 = Math.log10(domain[0]);
  const lspan = Math.log10(domain[1]) - l0;
  const m = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  const span = domain[1] - domain[0];
  const vanished = opts.vanishedBelow ?? domain[1] * VANISHED_RATIO;
  const top = LUT_SIZE - 1;
  for (let k = 0; k < filled; k++) {
    const src = ((((rowStart + k) % rows) + rows) % rows) * cols;
    // Newest on top: the last filled logical row goes to screen row 0.
    const screenRow = opts.newestOnTop ? filled - 1 - k : k;
    let p = screenRow * cols * 4;
    const rel = opts.vanishedRelLast;
    const rowVanished =
      rel === undefined
        ? vanished
        : rel *
          (opts.relToEarlier === true
            ? rowMax(values, src, cols - 1)
            : (values[src + cols - 1] as number));
    for (let c = 0; c < cols; c++, p += 4) {
      const v = values[src + c] as number;
      if (Number.isNaN(v)) continue; // transparent: the panel background shows through
      let idx: number;
      if (mode === 'log') {
        if (v === Infinity) idx = top;
        else if (!(v > rowVanished)) {
          writeVanished(px, p);
          continue;
        } else idx = lspan > 0 ? lutIndex((Math.log10(v) - l0) / lspan) : top;
      } else if (mode === 'diverging') {
        idx = lutIndex(m > 0 ? 0.5 + v / (2 * m) : 0.5);
      } else {
        idx = lutIndex(span > 0 ? (v - domain[0]) / span : 0.5);
      }
      const q = idx * 4;
      px[p] = lut[q] as number;
      px[p + 1] = lut[q + 1] as number;
      px[p + 2] = lut[q + 2] as number;
      px[p + 3] = 255;
    }
  }
  const W = opts.width ?? ctx.canvas.width;
  const H = opts.height ?? ctx.canvas.height;
  stage.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = false;
  // The filled rows are screen rows 0 … filled−1 (either order): they fill the plot.
  if (opts.scratch) {
    ctx.clearRect(0, 0, W, H);
    if (filled > 0) ctx.drawImage(opts.scratch.canvas, 0, 0, cols, filled, 0, 0, W, H);
  } else if (filled > 0) {
    // Scaling the canvas onto itself: browsers copy the source region before drawing.
    ctx.drawImage(ctx.canvas as unknown as CanvasImageSource, 0, 0, cols, filled, 0, 0, W, H);
  }
  return img;
}

/** A grid cell under the pointer: logical row, column and the flat index into `values`. */
export interface HeatCell {
  /** Logical row (0 = oldest / first). */
  row: number;
  /** Column. */
  col: number;
  /** Index into the row-major values array (ring buffer resolved). */
  index: number;
}

/**
 * The cell at plot-area position (px, py) of a plot iw × ih px, the inverse of drawHeat's layout;
 * null outside the grid or when no row is filled.
 */
export function heatCellAt(
  px: number,
  py: number,
  iw: number,
  ih: number,
  rows: number,
  cols: number,
  opts: Pick<DrawHeatOptions, 'newestOnTop' | 'rowStart' | 'rowCount'> = {},
): HeatCell | null {
  if (!(px >= 0 && px < iw && py >= 0 && py < ih) || rows <= 0 || cols <= 0) return null;
  const col = Math.floor((px / iw) * cols);
  const filled = Math.min(rows, opts.rowCount ?? rows);
  const screenRow = Math.floor((py / ih) * filled);
  const row = opts.newestOnTop ? filled - 1 - screenRow : screenRow;
  if (row < 0 || row >= filled) return null;
  const phys = ((((opts.rowStart ?? 0) + row) % rows) + rows) % rows;
  return { row, col, index: phys * cols + col };
}

/** Largest of values[src … src + n − 1] (−∞ when n = 0). */
function rowMax(values: ArrayLike<number>, src: number, n: number): number {
  let m = -Infinity;
  for (let c = 0; c < n; c++) if ((values[src + c] as number) > m) m = values[src + c] as number;
  return m;
}
