import type { CSSProperties } from 'react';
import { formatSci } from './format';

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
