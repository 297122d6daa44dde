import { memo } from 'react';
import { decadeExponents, pow10 } from './scales';
import { formatDecade, formatSci, MINUS, PLAIN_MAX, PLAIN_MIN } from './format';

/** The part of a d3 continuous scale (linear or log) an axis needs. */
export interface AxisScale {
  (value: number): number;
  domain(): number[];
  range(): number[];
  ticks(count?: number): number[];
}

/** One tick: value, pixel position along the axis, label ('' for a minor tick). */
export interface Tick {
  value: number;
  pos: number;
  label: string;
}

/** True when `scale` is a d3 log scale (it has a `base` method). */
export function isLogScale(scale: AxisScale): boolean {
  return typeof (scale as unknown as { base?: unknown }).base === 'function';
}

/** Labels for linear ticks: fixed decimals from the step, powers of ten for tiny or huge values. */
export function linearTickFormat(ticks: readonly number[]): (v: number) => string {
  const a = ticks[0];
  const b = ticks[1];
  const step = a !== undefined && b !== undefined ? Math.abs(b - a) : 1;
  let maxAbs = 0;
  for (const t of ticks) maxAbs = Math.max(maxAbs, Math.abs(t));
  if (maxAbs >= PLAIN_MAX || (step > 0 && step < PLAIN_MIN)) return (v) => formatSci(v, 3);
  const decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 0;
  return (v) => {
    const s = v.toFixed(decimals);
    return Number(s) === 0 ? (0).toFixed(decimals) : s.replace('-', MINUS);
  };
}

/**
 * Ticks for a scale. Log scales get decade ticks labelled "10⁻⁶" (thinned to about `count` labels)
 * and unlabelled minor ticks 2…9 × 10ᵏ when the domain spans at most four decades.
 */
export function computeTicks(
  scale: AxisScale,
  opts: { log?: boolean; count?: number; integer?: boolean; format?: (v: number) => string } = {},
): Tick[] {
  const count = opts.count ?? 6;
  const log = opts.log ?? isLogScale(scale);
  const d = scale.domain();
  const lo = Math.min(d[0] ?? 0, d[d.length - 1] ?? 1);
  const hi = Math.max(d[0] ?? 0, d[d.length - 1] ?? 1);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (log) {
    if (!(lo > 0)) return [];
    const exps = decadeExponents([lo, hi], Math.max(2, count + 2));
    const fmt = opts.format ?? formatDecade;
    const out: Tick[] = exps.map((e) => ({
      value: pow10(e),
      pos: scale(pow10(e)),
      label: fmt(pow10(e)),
    }));
    const spanDecades = Math.log10(hi / lo);
    if (spanDecades <= 4) {
      for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
        for (let m = 2; m <= 9; m++) {
          const v = m * pow10(e);
          if (v >= lo && v <= hi) out.push({ value: v, pos: scale(v), label: '' });
        }
      }
    }
    return out.filter((t) => Number.isFinite(t.pos));
  }
  let values = scale.ticks(count);
  if (opts.integer) values = values.filter((v) => Number.isInteger(v));
  const fmt = opts.format ?? linearTickFormat(values);
  return values
    .map((v) => ({ value: v, pos: scale(v), label: fmt(v) }))
    .filter((t) => Number.isFinite(t.pos));
}

/** Props of {@link Axis}. */
export interface AxisProps {
  /** d3 linear or log scale, its range in pixels along the axis. */
  scale: AxisScale;
  /** Side of the plot: 'bottom' draws ticks downwards, 'left' draws them leftwards. */
  orient: 'bottom' | 'left';
  /** Log axis with decade labels (10⁻⁶); default: detected from the scale. */
  log?: boolean;
  /** Axis title with symbol and unit, e.g. "time step t" or "‖∂L/∂hₜ‖ (log scale)". */
  title?: string;
  /** About how many ticks to draw (default 6). */
  tickCount?: number;
  /** Only integer ticks (time steps, iterations). */
  integer?: boolean;
  /** Custom tick label. */
  tickFormat?: (value: number) => string;
  /** Grid lines across the plot of this length in px (0 = none). */
  gridLength?: number;
  /** Position of the axis line: y for 'bottom', x for 'left' (px). */
  offset?: number;
  /** Distance of the title from the axis line in em (default 2.6 bottom, 3.6 left). */
  titleOffsetEm?: number;
}

const TICK = 6;

/** Grid lines across the plot from each tick, `length` px up (bottom axis) or right (left axis). */
function gridLines(ticks: readonly Tick[], length: number, dir: 'up' | 'right') {
  if (length <= 0) return null;
  return ticks.map((t) => (
    <line
      key={`g${t.value}`}
      className={t.label ? 'chart-grid' : 'chart-grid chart-grid-minor'}
      {...(dir === 'up'
        ? { x1: t.pos, x2: t.pos, y1: 0, y2: -length }
        : { x1: 0, x2: length, y1: t.pos, y2: t.pos })}
    />
  ));
}

/** An axis drawn as React SVG elements: line, ticks, labels, optional grid and title. */
export const Axis = memo(function Axis(props: AxisProps) {
  const { scale, orient, title, gridLength = 0, offset = 0 } = props;
  const ticks = computeTicks(scale, {
    log: props.log,
    count: props.tickCount,
    integer: props.integer,
    format: props.tickFormat,
  });
  const r = scale.range();
  const r0 = Math.min(r[0] ?? 0, r[r.length - 1] ?? 0);
  const r1 = Math.max(r[0] ?? 0, r[r.length - 1] ?? 0);
  const mid = (r0 + r1) / 2;
  if (orient === 'bottom') {
    return (
      <g className="chart-axis chart-axis-bottom" transform={`translate(0,${offset})`}>
        {gridLines(ticks, gridLength, 'up')}
        <line className="chart-domain" x1={r0} x2={r1} y1={0} y2={0} />
        {ticks.map((t) => (
          <g key={t.value} className="chart-tick" transform={`translate(${t.pos},0)`}>
            <line y2={t.label ? TICK : TICK / 2} />
            {t.label && (
              <text y={TICK + 2} dy="0.9em" textAnchor="middle">
                {t.label}
              </text>
            )}
          </g>
        ))}
        {title && (
          <text
            className="chart-axis-title"
            x={mid}
            y={TICK}
            dy={`${props.titleOffsetEm ?? 2.6}em`}
            textAnchor="middle"
          >
            {title}
          </text>
        )}
      </g>
    );
  }
  return (
    <g className="chart-axis chart-axis-left" transform={`translate(${offset},0)`}>
      {gridLines(ticks, gridLength, 'right')}
      <line className="chart-domain" x1={0} x2={0} y1={r0} y2={r1} />
      {ticks.map((t) => (
        <g key={t.value} className="chart-tick" transform={`translate(0,${t.pos})`}>
          <line x2={t.label ? -TICK : -TICK / 2} />
          {t.label && (
            <text x={-TICK - 3} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          )}
        </g>
      ))}
      {title && (
        <text
          className="chart-axis-title"
          transform="rotate(-90)"
          x={-mid}
          y={-TICK}
          dy={`-${props.titleOffsetEm ?? 3.6}em`}
          textAnchor="middle"
        >
          {title}
        </text>
      )}
    </g>
  );
});
