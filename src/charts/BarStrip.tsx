import { memo } from 'react';
import { scaleLinear } from 'd3-scale';
import { ChartSvg } from './PlotFrame';
import { Axis } from './Axis';
import { signedColor } from './colors';
import { formatSci, superscript } from './format';
import { plotMargin } from './plotUtil';
import { useChartWidth } from './useChartWidth';

/** Props of {@link BarStrip}. */
export interface BarStripProps {
  /** One value per unit (a copy or subarray of a vector). */
  values: Float64Array;
  /**
   * 'signed': bars up and down from 0 on a symmetric axis scaled to this vector's largest |value|,
   * coloured by sign (diverging scale); 'unit': values in [0, 1] (a gate), one colour.
   */
  kind: 'signed' | 'unit';
  /** Bar colour for 'unit' (CSS). */
  color?: string;
  /** y axis title, e.g. "∂L/∂hₜ". */
  yLabel: string;
  /** x axis title (default "unit"). */
  xLabel?: string;
  /** Name of one value in tooltips, e.g. "∂L/∂h₁₂". */
  valueName: string;
  /** Accessible name of the SVG. */
  ariaLabel: string;
  /** Plot height in px including the axis (default 150). */
  height?: number;
  /** Large-type factor (default 1). */
  fontScale?: number;
}

/**
 * One vector as a strip of bars over its units, for reading its shape at a glance: which units
 * carry the gradient and with what sign. The axis is the vector's own (its size is the norm beside
 * it), so a vanished gradient still shows its direction.
 */
export const BarStrip = memo(function BarStrip(props: BarStripProps) {
  const { values, kind, height = 150, fontScale = 1 } = props;
  const [ref, width] = useChartWidth<HTMLDivElement>();
  const m = plotMargin(fontScale, true, true);
  const bottom = Math.round(34 * fontScale);
  const iw = Math.max(10, width - m.left - m.right);
  const ih = Math.max(10, height - m.top - bottom);
  const n = values.length;
  let maxAbs = 0;
  for (let k = 0; k < n; k++) maxAbs = Math.max(maxAbs, Math.abs(values[k]!));
  const finite = Number.isFinite(maxAbs);
  const half = kind === 'unit' ? 1 : finite && maxAbs > 0 ? maxAbs : 1;
  const y = scaleLinear()
    .domain(kind === 'unit' ? [0, 1] : [-half, half])
    .range([ih, 0]);
  const x = scaleLinear()
    .domain([0, Math.max(1, n)])
    .range([0, iw]);
  const bw = iw / Math.max(1, n);
  const gap = bw > 4 ? 1 : 0;
  const y0 = y(0);
  // Tiny or huge vectors: ticks in units of 10ᵉ, named in the title, so labels stay short.
  const e = kind === 'signed' && half > 0 ? Math.floor(Math.log10(half)) : 0;
  const scaled = Math.abs(e) >= 3;
  const tickFormat = scaled ? (v: number) => formatSci(v / 10 ** e, 2) : undefined;
  const yTitle = scaled ? `${props.yLabel} (× 10${superscript(String(e))})` : props.yLabel;
  return (
    // data-values: the vector in full precision, so a test can read what is drawn.
    <div className="chart" ref={ref} data-values={Array.from(values).join(' ')}>
      <ChartSvg width={width} height={height} ariaLabel={props.ariaLabel} margin={m}>
        <Axis
          scale={y}
          orient="left"
          title={yTitle}
          tickCount={4}
          gridLength={iw}
          tickFormat={tickFormat}
        />
        {Array.from({ length: n }, (_, k) => {
          const v = values[k]!;
          const c = Number.isFinite(v) ? (kind === 'unit' ? Math.min(1, Math.max(0, v)) : v) : 0;
          const lo = Math.min(0, c);
          const hi = Math.max(0, c);
          return (
            <rect
              key={k}
              x={x(k) + gap / 2}
              y={y(hi)}
              width={Math.max(0.5, bw - gap)}
              height={Math.max(0, y(lo) - y(hi))}
              fill={kind === 'unit' ? (props.color ?? 'var(--accent)') : signedColor(v, half)}
            >
              <title>{`${props.xLabel ?? 'unit'} ${k + 1}: ${props.valueName} = ${formatSci(v, 3)}`}</title>
            </rect>
          );
        })}
        <line className="chart-domain" x1={0} x2={iw} y1={y0} y2={y0} />
        <Axis
          scale={x.copy().domain([0.5, n + 0.5])}
          orient="bottom"
          offset={ih}
          integer
          tickCount={Math.min(8, n)}
          title={props.xLabel ?? 'unit'}
          titleOffsetEm={2.2}
        />
        {kind === 'signed' && finite && maxAbs === 0 && (
          <text className="chart-note" x={iw / 2} y={ih / 2 - 6} textAnchor="middle">
            all zero
          </text>
        )}
      </ChartSvg>
    </div>
  );
});
