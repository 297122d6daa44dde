import type { CSSProperties } from 'react';
import { formatSci } from './format';
import type { LineMarker } from './LinePlotProps';

/** One legend entry: a short line sample and its name. */
export interface LegendEntry {
  /** Series name. */
  label: string;
  /** 'line' (solid), 'trail' (faint), 'reference' (dashed grey). */
  kind: 'line' | 'trail' | 'reference';
  /** Stroke colour (not used for 'reference', which takes the theme's muted colour). */
  color?: string;
  /** Dash pattern of the sample. */
  dash?: string;
}

/** A line chart's legend as an HTML list (it wraps and scales with the type size). */
export function LineLegend({ entries }: { entries: readonly LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <ul className="chart-legend" aria-hidden="true">
      {entries.map((e, k) => (
        <li key={k}>
          <svg width="22" height="10">
            <line
              x1="1"
              x2="21"
              y1="5"
              y2="5"
              className={
                e.kind === 'line'
                  ? 'chart-line'
                  : e.kind === 'trail'
                    ? 'chart-trail'
                    : 'chart-reference'
              }
              style={
                e.kind === 'reference'
                  ? undefined
                  : { stroke: e.color, opacity: e.kind === 'trail' ? 0.35 : 1 }
              }
              strokeDasharray={e.dash}
            />
          </svg>
          {e.label}
        </li>
      ))}
    </ul>
  );
}

/** The values at the hovered x: a title line, then one "name  value" row per series. */
export function LineTooltip(props: {
  title: string;
  rows: readonly { label: string; value: number }[];
  style: CSSProperties;
}) {
  return (
    <div className="chart-tooltip" role="tooltip" style={props.style}>
      <div className="chart-tooltip-title">{props.title}</div>
      {props.rows.map((r, k) => (
        <div key={k} className="chart-tooltip-row">
          <span>{r.label}</span>
          <span className="num">{formatSci(r.value, 3)}</span>
        </div>
      ))}
    </div>
  );
}

/** Vertical markers at data x: a dashed full-height line with its label, or a tick under the axis. */
export function Markers(props: {
  markers: readonly LineMarker[];
  x: (v: number) => number;
  height: number;
  width: number;
  fontScale: number;
}) {
  const { x, height: ih, width: iw, fontScale } = props;
  return props.markers.map((mk, k) =>
    (mk.kind ?? 'line') === 'line' ? (
      <g key={`m${k}`} className="chart-marker" transform={`translate(${x(mk.x)},0)`}>
        <title>{mk.label ?? ''}</title>
        <line y1={0} y2={ih} strokeDasharray="3 3" />
        {mk.label && (
          // Near the right edge the label goes to the left of the line so it is not clipped.
          <text
            y={0}
            dy="0.9em"
            dx={x(mk.x) > iw - 90 * fontScale ? -4 : 4}
            textAnchor={x(mk.x) > iw - 90 * fontScale ? 'end' : 'start'}
          >
            {mk.label}
          </text>
        )}
      </g>
    ) : (
      <path key={`m${k}`} className="chart-marker-tick" d={`M${x(mk.x)},${ih}l-4,7h8z`}>
        <title>{mk.label ?? ''}</title>
      </path>
    ),
  );
}
