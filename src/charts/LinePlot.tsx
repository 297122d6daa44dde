import { memo, useMemo, useState } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { AxisScale } from './Axis';
import { logEdges } from './edges';
import { formatSci } from './format';
import { OffScaleMarks, ZeroLane } from './LineEdges';
import { LineTooltip, Markers, type LegendEntry } from './LineParts';
import { HLineLabels, HLineRules, usePlotBox, XYFrame } from './PlotFrame';
import { clampPx, indices, nearestIndex } from './plotUtil';
import { stickyLinearDomain, stickyLogDomain, type Domain } from './scales';
import type { LinePlotProps } from './LinePlotProps';

export type { ExtraSeries, HLine, LineMarker, LinePlotProps } from './LinePlotProps';

/** Integers (time steps, iterations) print as they are; other x values as formatSci. */
function xLabelOf(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e9 ? String(v) : formatSci(v, 4);
}

function finite(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v);
}

/**
 * Line chart on columns: a main series, a faint trail of earlier series, a dashed reference, and
 * markers; log or linear y. Paths come from d3-shape over index arrays; React renders the SVG.
 */
export const LinePlot = memo(function LinePlot(props: LinePlotProps) {
  const { y, x, xStart = 0, trail, reference, logY = false, height = 260, fontScale = 1 } = props;
  const { xLabel, yLabel } = props;
  const [plotRef, box] = usePlotBox({ width: props.width, height, fontScale, xLabel, yLabel });
  const { m, iw, ih } = box;
  const n = Math.min(props.count ?? y.length, y.length, x ? x.length : Infinity);
  const [hover, setHover] = useState(-1);

  const xDomain = useMemo<Domain>(() => {
    if (props.xDomain) return props.xDomain;
    if (x) return stickyLinearDomain(null, x.subarray(0, n));
    return [xStart, xStart + Math.max(1, n - 1)];
  }, [props.xDomain, x, n, xStart]);

  const yDomain = useMemo<Domain>(() => {
    if (props.yDomain) return props.yDomain;
    const cols = [
      y.subarray(0, n),
      ...(trail ?? []),
      ...(reference ? [reference] : []),
      ...(props.series ?? []).map((e) => e.y),
    ];
    return logY ? stickyLogDomain(null, cols) : stickyLinearDomain(null, cols);
  }, [props.yDomain, y, n, trail, reference, props.series, logY]);

  // Where the main series leaves a log axis (edges.ts): zeros get a lane under it (the log part
  // ends `lane` px higher), values off the axis a mark at its edge.
  const edges = useMemo(
    () => (logY && props.markEdges ? logEdges(y, n, yDomain) : null),
    [logY, props.markEdges, y, n, yDomain],
  );
  const lane = edges?.zeros ? Math.round(18 * fontScale) : 0;
  const ihLog = ih - lane;
  const xs = useMemo(() => scaleLinear().domain(xDomain).range([0, iw]), [xDomain, iw]);
  const ys = useMemo(
    () =>
      logY
        ? scaleLog().domain(yDomain).range([ihLog, 0])
        : scaleLinear().domain(yDomain).range([ihLog, 0]),
    [logY, yDomain, ihLog],
  );

  const pathOf = useMemo(() => {
    return (col: Float64Array, len: number): string => {
      const X = x && x.length >= len ? x : null;
      const xAt = (i: number) => (X ? (X[i] as number) : xStart + i);
      const gen = line<number>()
        .defined((i) => {
          const v = col[i];
          return finite(v) && finite(xAt(i)) && (!logY || v > 0);
        })
        .x((i) => clampPx(xs(xAt(i))))
        .y((i) => clampPx(ys(col[i] as number)));
      return gen(indices(len)) ?? '';
    };
  }, [x, xStart, logY, xs, ys]);

  const mainPath = useMemo(() => pathOf(y, n), [pathOf, y, n]);
  const refPath = useMemo(
    () => (reference ? pathOf(reference, Math.min(reference.length, n)) : ''),
    [pathOf, reference, n],
  );
  const trailPaths = useMemo(
    () => (trail ?? []).map((col) => pathOf(col, col.length)),
    [pathOf, trail],
  );
  const extraPaths = useMemo(
    () => (props.series ?? []).map((e) => pathOf(e.y, Math.min(e.y.length, n))),
    [pathOf, props.series, n],
  );

  const nTrail = trailPaths.length;
  const color = props.color ?? 'var(--accent)';
  const inX = (v: number) => finite(v) && v >= Math.min(...xDomain) && v <= Math.max(...xDomain);
  const inY = (v: number) => finite(v) && v >= yDomain[0] && v <= yDomain[1] && (!logY || v > 0);
  const xAtIndex = (i: number) => (x ? (x[i] as number) : xStart + i);
  const legend: LegendEntry[] = [];
  if (props.seriesLabel) legend.push({ label: props.seriesLabel, kind: 'line', color });
  if (nTrail > 0)
    legend.push({ label: props.trailLabel ?? 'earlier iterations', kind: 'trail', color });
  for (const e of props.series ?? [])
    legend.push({
      label: e.label,
      kind: 'line',
      color: e.color,
      dash: e.dashed ? '5 3' : undefined,
    });
  if (props.referenceLabel)
    legend.push({ label: props.referenceLabel, kind: 'reference', dash: '6 4' });

  return (
    <XYFrame
      plotRef={plotRef}
      box={box}
      className="line-plot"
      ariaLabel={props.ariaLabel}
      legend={legend}
      xs={xs as AxisScale}
      ys={ys as AxisScale}
      logY={logY}
      xLabel={props.xLabel}
      yLabel={props.yLabel}
      integerX={props.integerX}
      clipRect={{ x: 0, y: -2, width: iw, height: ihLog + 4 }}
      onHover={(xv) => {
        if (xv === null) {
          setHover(-1);
          props.onHoverX?.(null);
          return;
        }
        const k = nearestIndex(x ?? null, xStart, n, xv);
        if (k !== hover) {
          setHover(k);
          props.onHoverX?.(k < 0 ? null : xAtIndex(k));
        }
      }}
      marks={
        <>
          {edges?.zeros && (
            <ZeroLane
              y={y}
              n={n}
              xAt={(i) => xs(xAtIndex(i))}
              top={ihLog + 2}
              mid={ihLog + lane / 2 + 1}
              width={iw}
              color={color}
            />
          )}
          {edges && (
            <OffScaleMarks
              edges={edges}
              xAt={(i) => xs(xAtIndex(i))}
              xLabel={(i) => xLabelOf(xAtIndex(i))}
              bottom={ihLog}
              width={iw}
              name={props.seriesLabel ?? 'value'}
              xName={props.xName ?? 't'}
              color={color}
              fontScale={fontScale}
            />
          )}
          <Markers
            markers={(props.markers ?? []).filter((mk) => inX(mk.x))}
            x={xs}
            height={ih}
            width={iw}
            fontScale={fontScale}
          />
        </>
      }
      hoverMarks={
        <>
          {hover >= 0 && hover < n && (inY(y[hover] as number) || (lane > 0 && y[hover] === 0)) && (
            <circle
              className="chart-hover-dot"
              cx={xs(xAtIndex(hover))}
              cy={y[hover] === 0 && lane > 0 ? ihLog + lane / 2 + 1 : ys(y[hover] as number)}
              r={4 * fontScale}
              style={{ fill: color }}
            />
          )}
          {props.highlightX != null && inX(props.highlightX) && (
            <line
              className="chart-highlight"
              x1={xs(props.highlightX)}
              x2={xs(props.highlightX)}
              y1={0}
              y2={ih}
            />
          )}
        </>
      }
      tooltip={
        hover >= 0 &&
        hover < n && (
          <LineTooltip
            title={`${props.xName ?? 't'} = ${xLabelOf(xAtIndex(hover))}`}
            rows={[
              { label: props.seriesLabel ?? 'value', value: y[hover] as number },
              ...(props.series ?? []).map((e) => ({ label: e.label, value: e.y[hover] as number })),
              ...(reference
                ? [
                    {
                      label: props.referenceLabel ?? 'reference',
                      value: reference[hover] as number,
                    },
                  ]
                : []),
            ]}
            style={{
              left: m.left + Math.min(xs(xAtIndex(hover)) + 12, iw - 170 * fontScale),
              top: m.top,
            }}
          />
        )
      }
    >
      {trailPaths.map((d, k) => (
        <path
          key={k}
          className="chart-trail"
          d={d}
          style={{ stroke: color }}
          // Oldest faintest: opacity ramps linearly up to 0.4 for the newest trail entry.
          strokeOpacity={(0.08 + (0.32 * (k + 1)) / nTrail).toFixed(3)}
        />
      ))}
      {refPath && !props.referenceOnTop && (
        <path className="chart-reference" d={refPath} strokeDasharray="6 4" />
      )}
      <HLineRules hlines={props.hlines} ys={ys} iw={iw} inY={inY} />
      {extraPaths.map((d, k) => (
        <path
          key={`e${k}`}
          className="chart-line chart-line-extra"
          d={d}
          style={{ stroke: props.series?.[k]?.color }}
          strokeDasharray={props.series?.[k]?.dashed ? '5 3' : undefined}
        />
      ))}
      <path className="chart-line" d={mainPath} style={{ stroke: color }} />
      {refPath && props.referenceOnTop && (
        <path className="chart-reference" d={refPath} strokeDasharray="6 4" />
      )}
      <HLineLabels hlines={props.hlines} ys={ys} iw={iw} inY={inY} />
    </XYFrame>
  );
});
