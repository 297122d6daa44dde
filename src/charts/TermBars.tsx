import { memo, useMemo } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { ChartSvg } from './PlotFrame';
import { Axis } from './Axis';
import { formatSci } from './format';
import { clampPx, indices, plotMargin } from './plotUtil';
import { stickyLogDomain } from './scales';
import { useChartWidth } from './useChartWidth';

/** Props of {@link TermBars}. */
export interface TermBarsProps {
  /** One positive value per step t = 1…T (index t−1), e.g. ‖C_t‖_F. */
  values: Float64Array;
  /** Steps t ≥ `shownFrom` are drawn; earlier ones (not reached yet) are not. */
  shownFrom: number;
  /** A highlighted step (the current one). */
  current: number;
  /** x axis: the step t (1…T), or the lag T − t (0…T−1, lag 0 on the left). */
  axis: 'step' | 'lag';
  /** A line over the same steps, e.g. ‖Σ_{s≥t} C_s‖_F, drawn where shown. */
  line?: Float64Array | null;
  lineLabel?: string;
  /** Legend name of the bars. */
  barLabel: string;
  /** y axis title. */
  yLabel: string;
  ariaLabel: string;
  height?: number;
  fontScale?: number;
}

/**
 * Bars on a log axis, one per step, revealed as a walk goes back; zeros (nothing reached that step)
 * get no bar. The y domain is fixed from all values, so it does not move while revealing.
 */
export const TermBars = memo(function TermBars(props: TermBarsProps) {
  const { values, shownFrom, current, axis, height = 220, fontScale = 1 } = props;
  const [ref, width] = useChartWidth<HTMLDivElement>();
  const T = values.length;
  const m = plotMargin(fontScale, true, true);
  const iw = Math.max(10, width - m.left - m.right);
  const ih = Math.max(10, height - m.top - m.bottom);
  const yDomain = useMemo(
    () => stickyLogDomain(null, props.line ? [values, props.line] : values),
    [values, props.line],
  );
  const y = scaleLog().domain(yDomain).range([ih, 0]).clamp(true);
  const lagOf = (t: number) => T - t;
  const xOf = axis === 'step' ? (t: number) => t : lagOf;
  const xd: [number, number] = axis === 'step' ? [0.5, T + 0.5] : [-0.5, T - 0.5];
  const x = scaleLinear().domain(xd).range([0, iw]);
  const bw = iw / Math.max(1, T);
  const gap = bw > 4 ? 1 : 0;
  const path = useMemo(() => {
    const l = props.line;
    if (!l) return '';
    return (
      line<number>()
        .defined((k) => k + 1 >= shownFrom && l[k]! > 0 && Number.isFinite(l[k]!))
        .x((k) => clampPx(x(xOf(k + 1))))
        .y((k) => clampPx(y(l[k]!)))(Array.from(indices(T))) ?? ''
    );
    // x and y are rebuilt from these inputs every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.line, shownFrom, T, axis, iw, ih, yDomain]);
  const bars = [];
  for (let t = 1; t <= T; t++) {
    const v = values[t - 1]!;
    // Steps the walk has not reached get no bar yet: they appear as it goes back.
    if (!(v > 0) || !Number.isFinite(v) || t < shownFrom) continue;
    const cx = x(xOf(t));
    const top = y(v);
    bars.push(
      <rect
        key={t}
        className={t === current ? 'term-bar term-here' : 'term-bar'}
        x={cx - bw / 2 + gap / 2}
        y={top}
        width={Math.max(0.5, bw - gap)}
        height={Math.max(0, ih - top)}
      >
        <title>{`t = ${t} (lag ${T - t}): ${formatSci(v, 3)}`}</title>
      </rect>,
    );
  }
  return (
    <div className="chart" ref={ref}>
      <div className="chart-legend" aria-hidden="true">
        <span className="term-swatch" /> {props.barLabel}
        {props.line && (
          <>
            {' '}
            <span className="term-line-swatch" /> {props.lineLabel}
          </>
        )}
      </div>
      <ChartSvg width={width} height={height} ariaLabel={props.ariaLabel} margin={m}>
        <Axis scale={y} orient="left" log title={props.yLabel} gridLength={iw} />
        {bars}
        {path && <path className="term-line" d={path} />}
        <Axis
          scale={x}
          orient="bottom"
          offset={ih}
          integer
          title={axis === 'step' ? 'time step t' : 'lag T − t (steps back from the end)'}
        />
      </ChartSvg>
    </div>
  );
});
