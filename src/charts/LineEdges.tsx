import { line } from 'd3-shape';
import { formatSci } from './format';
import { clampPx, indices } from './plotUtil';
import type { Edges, OffScale } from './edges';

/**
 * A lane under a log axis where the main series' exact zeros are drawn (runs of zeros as a line,
 * a lone zero as a dot), labelled "0" on the y axis: a gradient that is exactly 0 is the message
 * of a saturated net, not a gap in the chart.
 */
export function ZeroLane(props: {
  y: ArrayLike<number>;
  n: number;
  xAt: (i: number) => number;
  /** Top of the lane (the log part's bottom edge) and its centre line, in px. */
  top: number;
  mid: number;
  width: number;
  color: string;
}) {
  const { y, xAt, mid } = props;
  const d =
    line<number>()
      .defined((i) => y[i] === 0)
      .x((i) => clampPx(xAt(i)))
      .y(mid)(indices(props.n)) ?? '';
  return (
    <g className="chart-zero-lane">
      <line className="chart-zero-break" x1={0} x2={props.width} y1={props.top} y2={props.top} />
      <text className="chart-zero-label" x={-9} y={mid} dy="0.32em" textAnchor="end">
        0
      </text>
      <path className="chart-line chart-zero-line" d={d} style={{ stroke: props.color }} />
    </g>
  );
}

/**
 * The extreme point on each side of the axis, marked at the edge: a triangle pointing off the plot
 * and its true value ("6.5 × 10³⁰⁵ ↑"); the <title> names the step and how many points are off.
 */
export function OffScaleMarks(props: {
  edges: Edges;
  xAt: (i: number) => number;
  xLabel: (i: number) => string;
  /** Bottom edge of the log part, and the plot width, in px. */
  bottom: number;
  width: number;
  name: string;
  xName: string;
  color: string;
  fontScale: number;
}) {
  const mark = (o: OffScale | null, up: boolean) => {
    if (o === null) return null;
    const x = clampPx(props.xAt(o.i));
    const y = up ? 0 : props.bottom;
    const s = 5 * props.fontScale;
    const left = x > props.width - 110 * props.fontScale;
    const more = o.count > 1 ? ` (${o.count} points ${up ? 'above' : 'below'} the axis)` : '';
    return (
      <g className="chart-offscale" data-offscale={up ? 'above' : 'below'}>
        <title>{`${props.name} = ${formatSci(o.v, 3)} at ${props.xName} = ${props.xLabel(o.i)}, ${up ? 'above' : 'below'} the axis${more}`}</title>
        <path
          d={up ? `M${x},${y}l${-s},${2 * s}h${2 * s}z` : `M${x},${y}l${-s},${-2 * s}h${2 * s}z`}
          style={{ fill: props.color }}
        />
        <text
          className="chart-offscale-label"
          x={x + (left ? -1.6 * s : 1.6 * s)}
          y={y}
          dy={up ? '1em' : '-0.35em'}
          textAnchor={left ? 'end' : 'start'}
        >
          {`${formatSci(o.v, 2)} ${up ? '↑' : '↓'}`}
        </text>
      </g>
    );
  };
  return (
    <>
      {mark(props.edges.above, true)}
      {mark(props.edges.below, false)}
    </>
  );
}
