import { memo, useMemo, useState } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { AxisScale } from './Axis';
import { LineTooltip, type LegendEntry } from './LineParts';
import type { HLine } from './LinePlotProps';
import { HLineLabels, HLineRules, usePlotBox, XYFrame } from './PlotFrame';
import { clampPx, indices, nearestIndex } from './plotUtil';
import { stickyLinearDomain, stickyLogDomain, type Domain } from './scales';

/** One series of an overlay: its own x (or index + xStart), its colour and its dash pattern. */
export interface OverlaySeries {
  /** Legend and tooltip name, e.g. "A · tanh RNN". */
  label: string;
  y: Float64Array;
  /** x per point, ascending; null or omitted: x = xStart + index. */
  x?: Float64Array | null;
  /** Stroke colour (CSS). */
  color: string;
  /** SVG stroke-dasharray ('' = solid): series differ by dash as well as colour. */
  dash: string;
  /** Draw a dot at every point (few points: a sweep). */
  dots?: boolean;
}

/** Props of {@link OverlayPlot}. */
export interface OverlayPlotProps {
  series: readonly OverlaySeries[];
  /** x of index 0 for series without x (default 0). */
  xStart?: number;
  logX?: boolean;
  logY?: boolean;
  /** Domains (pass sticky ones); default: this frame's data. */
  xDomain?: Domain;
  yDomain?: Domain;
  /** Dashed horizontal reference lines (the chance level). */
  hlines?: readonly HLine[];
  /** Plot height in px including axes (default 260). */
  height?: number;
  width?: number;
  fontScale?: number;
  xLabel?: string;
  yLabel?: string;
  /** Name of x in the hover readout (default "t"). */
  xName?: string;
  /** Only integer x ticks (default true). */
  integerX?: boolean;
  /** Accessible name of the SVG. */
  ariaLabel: string;
}

const ok = (v: number | undefined, log: boolean): v is number =>
  v !== undefined && Number.isFinite(v) && (!log || v > 0);

/**
 * Several series on shared axes, each with its own x column, colour and dash pattern (runs of a
 * comparison). React renders the SVG; d3 builds the paths from index columns.
 */
export const OverlayPlot = memo(function OverlayPlot(props: OverlayPlotProps) {
  const { series, xStart = 0, logX = false, logY = false, height = 260, fontScale = 1 } = props;
  const { xLabel, yLabel } = props;
  const [plotRef, box] = usePlotBox({ width: props.width, height, fontScale, xLabel, yLabel });
  const { m, iw, ih } = box;
  const [hoverX, setHoverX] = useState<number | null>(null);

  const xCols = useMemo(
    () => series.map((s) => s.x ?? Float64Array.from({ length: s.y.length }, (_, k) => xStart + k)),
    [series, xStart],
  );

  const xDomain = useMemo<Domain>(() => {
    if (props.xDomain) return props.xDomain;
    return logX ? stickyLogDomain(null, xCols) : stickyLinearDomain(null, xCols);
  }, [props.xDomain, xCols, logX]);
  const yDomain = useMemo<Domain>(() => {
    if (props.yDomain) return props.yDomain;
    const cols = series.map((s) => s.y);
    return logY ? stickyLogDomain(null, cols) : stickyLinearDomain(null, cols);
  }, [props.yDomain, series, logY]);

  const sx = useMemo(
    () => (logX ? scaleLog() : scaleLinear()).domain(xDomain).range([0, iw]),
    [logX, xDomain, iw],
  );
  const sy = useMemo(
    () => (logY ? scaleLog() : scaleLinear()).domain(yDomain).range([ih, 0]),
    [logY, yDomain, ih],
  );

  const paths = useMemo(
    () =>
      series.map((s, k) => {
        const X = xCols[k]!;
        const n = Math.min(X.length, s.y.length);
        const gen = line<number>()
          .defined((i) => ok(s.y[i], logY) && ok(X[i], logX))
          .x((i) => clampPx(sx(X[i] as number)))
          .y((i) => clampPx(sy(s.y[i] as number)));
        return gen(indices(n)) ?? '';
      }),
    [series, xCols, sx, sy, logX, logY],
  );

  const inY = (v: number) => ok(v, logY) && v >= yDomain[0] && v <= yDomain[1];
  const legend: LegendEntry[] = series.map((s) => ({
    label: s.label,
    kind: 'line',
    color: s.color,
    dash: s.dash || undefined,
  }));
  const hover =
    hoverX === null
      ? []
      : series.map((s, k) => {
          const X = xCols[k]!;
          const i = nearestIndex(X, 0, Math.min(X.length, s.y.length), hoverX);
          return { s, i, x: i < 0 ? NaN : (X[i] as number), y: i < 0 ? NaN : (s.y[i] as number) };
        });

  return (
    <XYFrame
      plotRef={plotRef}
      box={box}
      className="line-plot overlay-plot"
      ariaLabel={props.ariaLabel}
      legend={legend}
      xs={sx as AxisScale}
      ys={sy as AxisScale}
      logX={logX}
      logY={logY}
      xLabel={props.xLabel}
      yLabel={props.yLabel}
      integerX={props.integerX}
      clipRect={{ x: -6, y: -6, width: iw + 12, height: ih + 12 }}
      onHover={setHoverX}
      hoverMarks={hover.map(({ s, x, y }, k) =>
        inY(y) && ok(x, logX) ? (
          <circle
            key={`hv${k}`}
            className="chart-hover-dot"
            cx={sx(x)}
            cy={sy(y)}
            r={4 * fontScale}
            style={{ fill: s.color }}
          />
        ) : null,
      )}
      tooltip={
        hoverX !== null &&
        hover.some((h) => h.i >= 0) && (
          <LineTooltip
            title={`${props.xName ?? 't'} = ${formatX(hover.find((h) => h.i >= 0)!.x)}`}
            rows={hover.map((h) => ({ label: h.s.label, value: h.y }))}
            style={{
              left: m.left + Math.min(sx(hoverX) + 12, iw - 190 * fontScale),
              top: m.top,
            }}
          />
        )
      }
    >
      <HLineRules hlines={props.hlines} ys={sy} iw={iw} inY={inY} />
      {paths.map((d, k) => (
        <path
          key={k}
          className="chart-line overlay-line"
          d={d}
          style={{ stroke: series[k]!.color }}
          strokeDasharray={series[k]!.dash || undefined}
        />
      ))}
      {series.map((s, k) =>
        s.dots
          ? Array.from(s.y, (v, i) => {
              const x = xCols[k]![i] as number;
              return ok(v, logY) && ok(x, logX) ? (
                <circle
                  key={`${k}-${i}`}
                  className="overlay-dot"
                  cx={sx(x)}
                  cy={clampPx(sy(v))}
                  r={3.5 * fontScale}
                  style={{ fill: s.color }}
                />
              ) : null;
            })
          : null,
      )}
      <HLineLabels hlines={props.hlines} ys={sy} iw={iw} inY={inY} />
    </XYFrame>
  );
});

function formatX(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
