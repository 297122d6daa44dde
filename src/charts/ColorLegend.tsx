import { memo, useId } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { Axis, type AxisScale } from './Axis';
import { LUT_SIZE, VANISHED_GREY, lutCss, type Lut } from './colors';
import type { HeatMode } from './drawHeat';
import { safeId } from './plotUtil';
import type { Domain } from './scales';

/** Props of {@link ColorLegend}. */
export interface ColorLegendProps {
  /** The colour table the chart uses. */
  lut: Lut;
  /** Value domain: [lo, hi] (log: positive), or [−m, m] for diverging. */
  domain: Domain;
  /** Colour mapping, as in drawHeat (default 'log'). */
  mode?: HeatMode;
  /** Width of the colour bar in px (default 220). */
  width?: number;
  /** Title over the bar, e.g. "log₁₀ ‖∂L/∂hₜ‖" or "hₜ". */
  label?: string;
  /** Show the grey "vanished" swatch (log mode; default true there). */
  showVanished?: boolean;
  /** Large-type factor (default 1). */
  fontScale?: number;
}

const STOPS = 16;

/** A horizontal colour bar with ticks for a heatmap, plus the grey "vanished" swatch in log mode. */
export const ColorLegend = memo(function ColorLegend(props: ColorLegendProps) {
  const { lut, domain, mode = 'log', width = 220, label, fontScale = 1 } = props;
  const id = safeId(useId());
  const css = lutCss(lut);
  const showVanished = props.showVanished ?? mode === 'log';
  const s = Math.max(1, fontScale);
  const barH = Math.round(10 * s);
  const swatchW = showVanished ? Math.round(86 * s) : 0;
  const pad = Math.round(14 * s);
  const barW = Math.max(40, width - swatchW - 2 * pad);
  const scale =
    mode === 'log'
      ? scaleLog().domain(domain).range([0, barW])
      : scaleLinear().domain(domain).range([0, barW]);
  const top = label ? Math.round(18 * s) : 2;
  const height = top + barH + Math.round(30 * s);
  const stops = [];
  for (let k = 0; k <= STOPS; k++) {
    const t = k / STOPS;
    stops.push(
      <stop key={k} offset={t.toFixed(4)} stopColor={css[Math.round(t * (LUT_SIZE - 1))]} />,
    );
  }
  return (
    <svg
      className="chart-legend-bar"
      width={width}
      height={height}
      role="img"
      aria-label={`Colour scale${label ? `: ${label}` : ''}`}
    >
      <defs>
        <linearGradient id={id} x1="0" x2="1" y1="0" y2="0">
          {stops}
        </linearGradient>
      </defs>
      {label && (
        <text className="chart-legend-title" x={pad} y={top - 6}>
          {label}
        </text>
      )}
      <g transform={`translate(${pad},${top})`}>
        <rect width={barW} height={barH} fill={`url(#${id})`} />
        <Axis
          scale={scale as AxisScale}
          orient="bottom"
          offset={barH}
          log={mode === 'log'}
          tickCount={mode === 'log' ? 4 : 3}
        />
      </g>
      {showVanished && (
        <g
          className="chart-legend-vanished"
          transform={`translate(${pad + barW + Math.round(10 * s)},${top})`}
        >
          <rect width={barH} height={barH} fill={VANISHED_GREY} />
          <text x={barH + 4} y={barH} dy="-0.1em">
            vanished
          </text>
        </g>
      )}
    </svg>
  );
});
