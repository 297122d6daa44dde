import { useId, type ReactNode, type RefObject } from 'react';
import { Axis, type AxisScale } from './Axis';
import { LineLegend, type LegendEntry } from './LineParts';
import type { HLine } from './LinePlotProps';
import { plotMargin, safeId, type Margin } from './plotUtil';
import { useChartWidth } from './useChartWidth';

/**
 * The plot frame every SVG chart draws in: the <svg> with its accessible name (what the panels'
 * exports serialize, by its class), an optional group moved inside the margins, and for the x–y
 * line charts (LinePlot, OverlayPlot) the clip path, both axes, the hover target and the tooltip.
 */

/** Props of {@link ChartSvg}. */
export interface ChartSvgProps {
  width: number;
  height: number;
  /** Accessible name of the chart (role img). */
  ariaLabel: string;
  /** Content moved inside these margins (in a <g>); without it, drawn at the svg's origin. */
  margin?: Pick<Margin, 'left' | 'top'>;
  /** Definitions (clip paths, markers), outside the moved group. */
  defs?: ReactNode;
  children: ReactNode;
}

/** A chart's <svg>: its size, its accessible name and, with `margin`, its plot-area group. */
export function ChartSvg(props: ChartSvgProps) {
  const { margin } = props;
  return (
    <svg
      className="chart-svg"
      width={props.width}
      height={props.height}
      role="img"
      aria-label={props.ariaLabel}
    >
      {props.defs}
      {margin ? (
        <g transform={`translate(${margin.left},${margin.top})`}>{props.children}</g>
      ) : (
        props.children
      )}
    </svg>
  );
}

/** Size of an x–y plot: measured width, margins, inner width and height, a clip-path id. */
export interface PlotBox {
  width: number;
  height: number;
  m: Margin;
  /** Inner (plot-area) width and height in px. */
  iw: number;
  ih: number;
  clip: string;
}

/**
 * The box of an x–y plot whose width follows its container (the returned ref's element) unless
 * `width` is given.
 */
export function usePlotBox(o: {
  width?: number;
  height: number;
  fontScale: number;
  xLabel?: string;
  yLabel?: string;
}): [RefObject<HTMLDivElement | null>, PlotBox] {
  const [ref, measured] = useChartWidth<HTMLDivElement>();
  const clip = safeId(useId());
  const width = o.width ?? measured;
  const m = plotMargin(o.fontScale, !!o.yLabel, !!o.xLabel);
  const box = {
    width,
    height: o.height,
    m,
    iw: Math.max(10, width - m.left - m.right),
    ih: Math.max(10, o.height - m.top - m.bottom),
    clip,
  };
  return [ref, box];
}

/** Props of {@link XYFrame}. */
export interface XYFrameProps {
  /** The ref {@link usePlotBox} measures the width on. */
  plotRef: RefObject<HTMLDivElement | null>;
  box: PlotBox;
  /** Class of the outer div (after "chart"). */
  className: string;
  ariaLabel: string;
  legend: readonly LegendEntry[];
  xs: AxisScale;
  ys: AxisScale;
  logX?: boolean;
  logY: boolean;
  xLabel?: string;
  yLabel?: string;
  /** Only integer x ticks (default true). */
  integerX?: boolean;
  /** The clip rectangle in plot-area px (lines may overhang the area by their width). */
  clipRect: { x: number; y: number; width: number; height: number };
  /** The data, drawn inside the clip. */
  children: ReactNode;
  /** Drawn unclipped over the data, under the hover target (edge marks, markers). */
  marks?: ReactNode;
  /** Drawn over the hover target (hover dots, a highlight). */
  hoverMarks?: ReactNode;
  /** The x under the pointer in data units, null when it leaves. */
  onHover: (x: number | null) => void;
  /** The hover readout (an HTML tooltip over the plot). */
  tooltip?: ReactNode;
}

/** An x–y plot: legend, svg, clip path, left and bottom axes, hover target, tooltip. */
export function XYFrame({ plotRef, ...p }: XYFrameProps) {
  const { box } = p;
  return (
    <div ref={plotRef} className={`chart ${p.className}`}>
      <LineLegend entries={p.legend} />
      <div className="chart-plot">
        <ChartSvg
          width={box.width}
          height={box.height}
          ariaLabel={p.ariaLabel}
          margin={box.m}
          defs={
            <defs>
              <clipPath id={box.clip}>
                <rect {...p.clipRect} />
              </clipPath>
            </defs>
          }
        >
          <Axis
            scale={p.ys}
            orient="left"
            log={p.logY}
            title={p.yLabel}
            gridLength={box.iw}
            tickCount={p.logY ? 6 : 5}
          />
          <Axis
            scale={p.xs}
            orient="bottom"
            offset={box.ih}
            log={p.logX}
            title={p.xLabel}
            integer={p.integerX ?? true}
          />
          <g clipPath={`url(#${box.clip})`}>{p.children}</g>
          {p.marks}
          <rect
            className="chart-hit"
            width={box.iw}
            height={box.ih}
            onMouseMove={(e) => {
              const r = e.currentTarget.getBoundingClientRect();
              p.onHover(invert(p.xs, e.clientX - r.left));
            }}
            onMouseLeave={() => p.onHover(null)}
          />
          {p.hoverMarks}
        </ChartSvg>
        {p.tooltip}
      </div>
    </div>
  );
}

/** The data x at pixel `px` (d3's continuous scales all invert). */
function invert(scale: AxisScale, px: number): number {
  return (scale as AxisScale & { invert(v: number): number }).invert(px);
}

/** Props of {@link HLineRules} and {@link HLineLabels}. */
export interface HLinesProps {
  hlines: readonly HLine[] | undefined;
  ys: (v: number) => number;
  /** Plot-area width. */
  iw: number;
  /** Whether a value lies on the y axis as drawn. */
  inY: (v: number) => boolean;
}

/** Dashed horizontal reference lines (a chance level) across the plot area. */
export function HLineRules({ hlines, ys, iw, inY }: HLinesProps) {
  return (hlines ?? [])
    .filter((h) => inY(h.y))
    .map((h, k) => (
      <g key={`h${k}`} className="chart-hline">
        <line x1={0} x2={iw} y1={ys(h.y)} y2={ys(h.y)} strokeDasharray="4 4" />
      </g>
    ));
}

/** The reference lines' labels, drawn above the data (a loss at chance would hide them). */
export function HLineLabels({ hlines, ys, iw, inY }: HLinesProps) {
  return (hlines ?? [])
    .filter((h) => inY(h.y) && h.label)
    .map((h, k) => (
      <text
        key={`hl${k}`}
        className="chart-hline-label"
        x={iw - 4}
        y={ys(h.y)}
        dy="-0.4em"
        textAnchor="end"
      >
        {h.label}
      </text>
    ));
}
