import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { Axis, type AxisScale } from './Axis';
import { ColorLegend } from './ColorLegend';
import { DIVERGING_LUT, SEQUENTIAL_LUT, type Lut } from './colors';
import { drawHeat, heatCellAt, type HeatCell, type HeatContext, type HeatMode } from './drawHeat';
import { formatSci } from './format';
import { plotMargin } from './plotUtil';
import { finiteExtent, stickyLogDomain, type Domain } from './scales';
import { useChartWidth } from './useChartWidth';

/** Props of {@link HeatCanvas}. */
export interface HeatCanvasProps {
  /** rows × cols values, row-major (row = iteration or unit, column = time step). */
  values: Float64Array;
  /** Number of rows (physical rows when used as a ring buffer). */
  rows: number;
  /** Number of columns. */
  cols: number;
  /** 'log' for magnitudes (viridis, grey below the vanished threshold), 'diverging' for signed, 'linear'. */
  mode?: HeatMode;
  /** Colour domain: log [lo, hi] > 0, diverging [−m, m]; default from the data. Pass a sticky one. */
  domain?: Domain;
  /** Colour table; default viridis (log, linear) or PuOr (diverging). */
  lut?: Lut;
  /** Newest (last logical) row at the top, for the iteration × time heatmap. */
  newestOnTop?: boolean;
  /** Ring buffer head: logical row k is physical row (rowStart + k) mod rows (default 0). */
  rowStart?: number;
  /** Logical rows filled so far (default rows); they fill the plot's height. */
  rowCount?: number;
  /** Data x of column 0 (default 0; 1 for time steps t = 1…T). */
  xStart?: number;
  /** Data y of logical row 0, e.g. its iteration number (default 0). */
  yStart?: number;
  /** Data y step between logical rows (default 1). */
  yStep?: number;
  /** Log mode: absolute value at or below which cells are grey "vanished". */
  vanishedBelow?: number;
  /** Log mode: cells at or below this fraction of their row's last value are grey instead. */
  vanishedRelLast?: number;
  /** With vanishedRelLast: measure against the row's largest value before its last (attention). */
  relToEarlier?: boolean;
  /** Bump to force a redraw when `values` was written in place. */
  version?: number;
  /** x axis title, e.g. "time step t". */
  xLabel?: string;
  /** y axis title, e.g. "iteration" or "hidden unit". */
  yLabel?: string;
  /** Colour legend title, e.g. "‖∂L/∂hₜ‖"; no legend when omitted. */
  legendLabel?: string;
  /** Rows to flag at the right edge, in data y units (e.g. iterations where clipping fired). */
  yMarks?: readonly number[];
  /** Tooltip text of a y mark (default "clipped"). */
  yMarkLabel?: string;
  /** Name of x in the hover readout (default "t"). */
  xName?: string;
  /** Name of y in the hover readout (default "row"). */
  yName?: string;
  /** Name of the value in the hover readout (default "value"). */
  valueName?: string;
  /** Plot height in px including axes (default 220). */
  height?: number;
  /** Fixed width in px; default: the container width. */
  width?: number;
  /** Large-type factor (default 1). */
  fontScale?: number;
  /** Accessible name (the chart title). */
  ariaLabel: string;
}

/** Default colour domain of a grid for a mode. */
export function heatDomain(values: ArrayLike<number>, mode: HeatMode): Domain {
  if (mode === 'log') return stickyLogDomain(null, values);
  const ext = finiteExtent(values) ?? [0, 1];
  if (mode === 'diverging') {
    const m = Math.max(Math.abs(ext[0]), Math.abs(ext[1])) || 1;
    return [-m, m];
  }
  return ext[0] < ext[1] ? ext : [ext[0] - 1, ext[0] + 1];
}

/**
 * A dense grid drawn on a canvas (one pixel per cell, scaled crisp, device-pixel-ratio aware) under
 * an SVG overlay with axes, plus a colour legend. React owns the elements; the pure drawHeat paints.
 */
export const HeatCanvas = memo(function HeatCanvas(props: HeatCanvasProps) {
  const {
    values,
    rows,
    cols,
    mode = 'log',
    newestOnTop = false,
    height = 220,
    fontScale = 1,
  } = props;
  const [ref, measured] = useChartWidth<HTMLDivElement>();
  const width = props.width ?? measured;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const scratchRef = useRef<HTMLCanvasElement | null>(null);
  const m = plotMargin(fontScale, !!props.yLabel, !!props.xLabel);
  const iw = Math.max(10, width - m.left - m.right);
  const ih = Math.max(10, height - m.top - m.bottom);
  const domain = useMemo(
    () => props.domain ?? heatDomain(values, mode),
    [props.domain, values, mode],
  );
  const lut = props.lut ?? (mode === 'diverging' ? DIVERGING_LUT : SEQUENTIAL_LUT);
  const rowStart = props.rowStart ?? 0;
  const filled = Math.min(rows, props.rowCount ?? rows);
  const [hover, setHover] = useState<HeatCell | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    const W = Math.round(iw * dpr);
    const H = Math.round(ih * dpr);
    if (canvas.width !== W) canvas.width = W;
    if (canvas.height !== H) canvas.height = H;
    const ctx = canvas.getContext('2d');
    if (!ctx || rows <= 0 || cols <= 0) return;
    const scratch = (scratchRef.current ??= document.createElement('canvas'));
    if (scratch.width !== cols) scratch.width = cols;
    if (scratch.height !== rows) scratch.height = rows;
    const sctx = scratch.getContext('2d');
    if (!sctx) return;
    drawHeat(ctx as HeatContext, values, rows, cols, lut, domain, {
      mode,
      newestOnTop,
      rowStart,
      rowCount: filled,
      vanishedBelow: props.vanishedBelow,
      ...(props.vanishedRelLast === undefined ? {} : { vanishedRelLast: props.vanishedRelLast }),
      ...(props.relToEarlier === true ? { relToEarlier: true } : {}),
      scratch: sctx as HeatContext & { canvas: HTMLCanvasElement },
      width: W,
      height: H,
    });
  }, [
    values,
    rows,
    cols,
    lut,
    domain,
    mode,
    newestOnTop,
    rowStart,
    filled,
    props.vanishedBelow,
    props.vanishedRelLast,
    props.relToEarlier,
    props.version,
    iw,
    ih,
  ]);

  const xStart = props.xStart ?? 0;
  const yStart = props.yStart ?? 0;
  const yStep = props.yStep ?? 1;
  const xs = scaleLinear()
    .domain([xStart - 0.5, xStart + cols - 0.5])
    .range([0, iw]);
  // Row centres: logical row k sits at y = yStart + k·yStep; the top edge is the newest row when
  // flipped. The filled rows span the height, so no axis tick names a row that is not there.
  const shown = Math.max(1, filled);
  const ys = newestOnTop
    ? scaleLinear()
        .domain([yStart + (shown - 0.5) * yStep, yStart - 0.5 * yStep])
        .range([0, ih])
    : scaleLinear()
        .domain([yStart - 0.5 * yStep, yStart + (shown - 0.5) * yStep])
        .range([0, ih]);

  return (
    <div ref={ref} className="chart heat-canvas">
      <div className="heat-stack" style={{ width, height }}>
        <canvas
          ref={canvasRef}
          className="heat-pixels"
          style={{ left: m.left, top: m.top, width: iw, height: ih }}
          aria-hidden="true"
        />
        <svg
          className="chart-svg heat-overlay"
          width={width}
          height={height}
          role="img"
          aria-label={props.ariaLabel}
        >
          <g transform={`translate(${m.left},${m.top})`}>
            <rect className="heat-frame" width={iw} height={ih} />
            {(props.yMarks ?? []).map((y, k) => {
              const py = ys(y);
              return py >= 0 && py <= ih ? (
                <path
                  key={k}
                  className="heat-mark"
                  d={`M${iw},${py}l${8 * fontScale},${-5 * fontScale}v${10 * fontScale}z`}
                >
                  <title>{`${props.yMarkLabel ?? 'clipped'}: ${props.yName ?? 'row'} ${y}`}</title>
                </path>
              ) : null;
            })}
            <rect
              className="heat-hit"
              width={iw}
              height={ih}
              onMouseMove={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                const cell = heatCellAt(e.clientX - r.left, e.clientY - r.top, iw, ih, rows, cols, {
                  newestOnTop,
                  rowStart,
                  rowCount: filled,
                });
                setHover((old) => (old && cell && old.index === cell.index ? old : cell));
              }}
              onMouseLeave={() => setHover(null)}
            />
            <Axis
              scale={ys as AxisScale}
              orient="left"
              title={props.yLabel}
              integer
              tickCount={5}
              log={false}
            />
            <Axis
              scale={xs as AxisScale}
              orient="bottom"
              offset={ih}
              title={props.xLabel}
              integer
              log={false}
            />
          </g>
        </svg>
      </div>
      {hover && (
        <div
          className="chart-tooltip"
          role="tooltip"
          style={{
            left: m.left + Math.min(xs(xStart + hover.col) + 12, iw - 150 * fontScale),
            top: Math.max(0, ys(yStart + hover.row * yStep) + m.top + 12),
          }}
        >
          <div className="chart-tooltip-row">
            <span>{`${props.xName ?? 't'} = ${xStart + hover.col}`}</span>
            <span>{`${props.yName ?? 'row'} ${yStart + hover.row * yStep}`}</span>
          </div>
          <div className="chart-tooltip-row">
            <span>{props.valueName ?? 'value'}</span>
            <span className="num">{formatSci(values[hover.index] as number, 3)}</span>
          </div>
        </div>
      )}
      {props.legendLabel && (
        <ColorLegend
          lut={lut}
          domain={domain}
          mode={mode}
          label={props.legendLabel}
          fontScale={fontScale}
          width={Math.min(width, 360 * Math.max(1, fontScale))}
        />
      )}
    </div>
  );
});
