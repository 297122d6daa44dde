import { memo, useMemo } from 'react';
import { scaleLinear } from 'd3-scale';
import { ChartSvg } from './PlotFrame';
import { Axis, type AxisScale } from './Axis';
import { formatNum } from './format';
import { plotMargin } from './plotUtil';
import { useChartWidth } from './useChartWidth';

/**
 * Where a per-step decay a sits on the axis: v = −log₁₀(−ln a). Decays close to 1 spread out to the
 * right (0.99 at 2, 0.999 at 3, …), the way the distance to the unit circle matters for memory.
 */
export const decayPosition = (a: number): number => -Math.log10(-Math.log(a));

/** Labelled decays on the axis. */
export const DECAY_TICKS = [0.01, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999, 0.999999] as const;

/** The labelled decays that fit: every decade from 0.9 on when there is room, else every other. */
function shownTicks(pxPerDecade: number, fontScale: number): readonly number[] {
  // "0.99999" needs about 52 px at normal type.
  if (pxPerDecade >= 56 * Math.max(1, fontScale)) return DECAY_TICKS;
  return [0.5, 0.9, 0.999, 0.99999];
}

/** Props of {@link DecayHistogram}. */
export interface DecayHistogramProps {
  /** Counts per bin of log₁₀ u (u = −ln a), bins of `step` from `lo`; the end bins hold everything beyond. */
  counts: Float64Array;
  lo: number;
  step: number;
  /** Sequence length: decays with a^T ≥ 10⁻³ (a value held over all T steps) are shaded. */
  T: number;
  /** The decays an initialization drew from, [a_min, a_max], drawn as a bracket; null for none. */
  initRange?: readonly [number, number] | null;
  /** Label of that bracket, e.g. "init ring r_min–r_max". */
  initLabel?: string;
  /** Symbol of the decay, e.g. "aₜ", "|λ|", "exp(Δₜ·A)". */
  symbol: string;
  height?: number;
  width?: number;
  fontScale?: number;
  ariaLabel: string;
}

/**
 * The distribution of per-step decays against radius 1: bars over a = e^(−u) on an axis that
 * stretches the neighbourhood of 1, the radius-1 edge on the right, and the region where a decay
 * keeps a value over the whole sequence shaded.
 */
export const DecayHistogram = memo(function DecayHistogram(props: DecayHistogramProps) {
  const { counts, lo, step, T, fontScale = 1 } = props;
  const [ref, measured] = useChartWidth<HTMLDivElement>(480);
  const width = props.width ?? measured;
  const height = props.height ?? 220;
  const m = plotMargin(fontScale);
  const iw = Math.max(20, width - m.left - m.right);
  const ih = Math.max(20, height - m.top - m.bottom);
  const bins = counts.length;
  // Bin k covers log₁₀ u ∈ [lo + k·step, lo + (k+1)·step): v from −(lo + (k+1)·step) to −(lo + k·step).
  const vMin = -(lo + bins * step);
  const vMax = -lo;
  const total = counts.reduce((a, b) => a + b, 0);
  const share = useMemo(() => counts.map((c) => (total > 0 ? c / total : 0)), [counts, total]);
  const top = Math.max(0.05, ...share);
  const xs = scaleLinear().domain([vMin, vMax]).range([0, iw]);
  const s = Math.max(1, fontScale);
  const init = props.initRange;
  // A band above the bars holds the initialization's bracket, so no bar hides it.
  const band = init ? 16 * s : 0;
  const ys = scaleLinear()
    .domain([0, top])
    .range([ih, Math.min(band, ih / 2)])
    .nice();
  // Ticks at the labelled decays, formatted as a: a custom scale whose ticks are those positions.
  const xAxis = Object.assign((v: number) => xs(v), {
    domain: () => xs.domain(),
    range: () => xs.range(),
    ticks: () => shownTicks(iw / (vMax - vMin), fontScale).map(decayPosition),
  }) as AxisScale;
  const tickLabel = (v: number) => {
    const a = DECAY_TICKS.find((d) => Math.abs(decayPosition(d) - v) < 1e-9);
    return a === undefined ? '' : String(a);
  };
  const holdFrom = T > 0 ? decayPosition(Math.exp(-Math.log(1000) / T)) : vMax;
  const xHold = xs(Math.min(vMax, Math.max(vMin, holdFrom)));
  const bw = iw / bins;
  const xi0 = init ? xs(Math.max(vMin, decayPosition(init[0]))) : 0;
  const xi1 = init ? xs(Math.min(vMax, decayPosition(init[1]))) : 0;
  return (
    <div ref={ref} className="chart decay-hist">
      <ChartSvg width={width} height={height} ariaLabel={props.ariaLabel} margin={m}>
        <rect className="decay-hold" x={xHold} y={0} width={Math.max(0, iw - xHold)} height={ih}>
          <title>{`a^T ≥ 10⁻³: held at this decay, a value outlasts all ${T} steps`}</title>
        </rect>
        <Axis
          scale={xAxis}
          orient="bottom"
          offset={ih}
          title={`per-step decay ${props.symbol}`}
          tickFormat={tickLabel}
          gridLength={ih}
          log={false}
        />
        <Axis
          scale={ys as AxisScale}
          orient="left"
          title="share"
          tickCount={4}
          gridLength={iw}
          log={false}
        />
        {Array.from(share, (sh, k) =>
          sh > 0 ? (
            <rect
              key={k}
              className="decay-bar"
              // Bin k's v runs from −(lo + (k+1)·step) to −(lo + k·step).
              x={xs(-(lo + (k + 1) * step)) + 0.5}
              width={Math.max(1, bw - 1)}
              y={ys(sh)}
              height={Math.max(0, ih - ys(sh))}
            />
          ) : null,
        )}
        {init && (
          <g className="decay-init">
            <line x1={xi0} x2={xi1} y1={8 * s} y2={8 * s} />
            <line x1={xi0} x2={xi0} y1={3 * s} y2={13 * s} />
            <line x1={xi1} x2={xi1} y1={3 * s} y2={13 * s} />
          </g>
        )}
        <line className="decay-one" x1={iw} x2={iw} y1={0} y2={ih}>
          <title>radius 1: no decay</title>
        </line>
      </ChartSvg>
      <p className="decay-legend">
        <span>
          <span className="decay-key decay-key-hold" aria-hidden="true" /> shaded: a value held at
          this decay outlasts all T = {T} steps
        </span>
        {init && (
          <span>
            <span className="decay-key decay-key-init" aria-hidden="true" />{' '}
            {props.initLabel ?? `init ${formatNum(init[0])}–${formatNum(init[1])}`}
          </span>
        )}
        <span>right edge: 1, no decay</span>
      </p>
    </div>
  );
});
