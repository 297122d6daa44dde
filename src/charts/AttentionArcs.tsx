import { memo } from 'react';
import { scaleLinear } from 'd3-scale';
import { ChartSvg } from './PlotFrame';
import { Axis, type AxisScale } from './Axis';
import { formatNum } from './format';
import { useChartWidth } from './useChartWidth';

/** Props of {@link AttentionArcs}. */
export interface AttentionArcsProps {
  /** α_{T,t} for t = 1..T: how much the last position reads each one (sums to 1). */
  alpha: Float64Array;
  height?: number;
  width?: number;
  fontScale?: number;
  ariaLabel: string;
}

/** Widest arc in px (at the largest α). */
const MAX_STROKE = 10;

/**
 * Attention's counterpart of the belt: from the last position T an arc back to every earlier
 * position t, its thickness and opacity by α_{T,t}. There is no chain of steps between: each arc
 * is one hop.
 */
export const AttentionArcs = memo(function AttentionArcs(props: AttentionArcsProps) {
  const { alpha, fontScale = 1 } = props;
  const T = alpha.length;
  const [ref, measured] = useChartWidth<HTMLDivElement>(480);
  const width = props.width ?? measured;
  const s = Math.max(1, fontScale);
  const height = props.height ?? Math.round(230 * s);
  const left = Math.round(20 * s);
  const right = Math.round(20 * s);
  const base = height - Math.round(48 * s);
  const xs = scaleLinear()
    .domain([1, Math.max(2, T)])
    .range([left, width - right]);
  let amax = 0;
  for (const a of alpha) if (a > amax) amax = a;
  const xT = xs(T);
  const arcs = [];
  for (let t = 1; t < T; t++) {
    const a = alpha[t - 1] as number;
    if (!(a > 0) || !(amax > 0)) continue;
    const x = xs(t);
    // Height grows with distance, so long hops arch over short ones.
    const h = Math.min(base - 8 * s, ((xT - x) / 2) * 0.9 + 6 * s);
    const w = Math.max(0.4, (MAX_STROKE * s * a) / amax);
    arcs.push(
      <path
        key={t}
        className="arc"
        d={`M${xT.toFixed(1)},${base}Q${((x + xT) / 2).toFixed(1)},${(base - 2 * h).toFixed(1)} ${x.toFixed(1)},${base}`}
        strokeWidth={w.toFixed(2)}
        strokeOpacity={(0.25 + (0.75 * a) / amax).toFixed(3)}
      >
        <title>{`α(T = ${T}, t = ${t}) = ${formatNum(a, 3)}`}</title>
      </path>,
    );
  }
  const self = alpha[T - 1] as number;
  return (
    <div ref={ref} className="chart attention-arcs">
      <ChartSvg width={width} height={height} ariaLabel={props.ariaLabel}>
        {arcs}
        <line className="arc-base" x1={left} x2={width - right} y1={base} y2={base} />
        <circle className="arc-query" cx={xT} cy={base} r={5 * s}>
          <title>{`the last position T = ${T} (α onto itself ${formatNum(self, 3)})`}</title>
        </circle>
        <Axis
          scale={xs as AxisScale}
          orient="bottom"
          offset={base}
          title="position t (arc thickness: α_T,t)"
          integer
          tickCount={8}
          log={false}
        />
      </ChartSvg>
    </div>
  );
});
