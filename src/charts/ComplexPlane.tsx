import { memo, useMemo } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { ChartSvg } from './PlotFrame';
import { Axis, type AxisScale } from './Axis';
import { formatNum } from './format';
import { useChartWidth } from './useChartWidth';

/** Square plot geometry of the complex plane: equal units on both axes. */
export interface PlaneLayout {
  /** Half-width of the shown domain: [−R, R] on both axes. */
  R: number;
  /** Re → px. */
  xs: ScaleLinear<number, number>;
  /** Im → px (up is positive). */
  ys: ScaleLinear<number, number>;
  /** Side of the square plot area in px. */
  side: number;
  /** Offset of the plot area inside the SVG. */
  left: number;
  top: number;
}

/** Spectral radius max |λ| of finite eigenvalues (0 when there are none). */
export function spectralRadius(re: ArrayLike<number>, im: ArrayLike<number>): number {
  let r = 0;
  const n = Math.min(re.length, im.length);
  for (let k = 0; k < n; k++) {
    const a = Math.hypot(re[k] as number, im[k] as number);
    if (Number.isFinite(a) && a > r) r = a;
  }
  return r;
}

/**
 * Geometry for a plane of `size` px square (axes inside): the domain covers max(1.1, 1.1ρ) so the
 * unit circle and every eigenvalue are visible.
 */
export function planeLayout(size: number, rho: number, fontScale = 1): PlaneLayout {
  const s = Math.max(1, fontScale);
  const left = Math.round(52 * s);
  const bottom = Math.round(44 * s);
  const top = Math.round(10 * s);
  const right = Math.round(12 * s);
  const side = Math.max(20, Math.min(size - left - right, size - top - bottom));
  const R = Math.max(1.1, 1.1 * (Number.isFinite(rho) ? rho : 0));
  const xs = scaleLinear().domain([-R, R]).range([0, side]);
  const ys = scaleLinear().domain([-R, R]).range([side, 0]);
  return { R, xs, ys, side, left, top };
}

/** Props of {@link ComplexPlane}. */
export interface ComplexPlaneProps {
  /** Real parts of the eigenvalues. */
  re: Float64Array;
  /** Imaginary parts of the eigenvalues (same length as `re`). */
  im: Float64Array;
  /** Spectral radius ρ for the dashed circle; default max |λ| of the data. */
  rho?: number;
  /** Side of the square SVG in px; default: the container width, capped by `maxSize`. */
  size?: number;
  /** Largest side when responsive (default 420). */
  maxSize?: number;
  /** Dot colour (default var(--accent)). */
  color?: string;
  /** Large-type factor for margins and dot size (default 1). */
  fontScale?: number;
  /** Accessible name of the SVG (the chart title). */
  ariaLabel: string;
  /** Where the eigenvalues were set (drawn hollow, under the current ones); omit for none. */
  ghost?: { re: Float64Array; im: Float64Array } | null;
  /** The region an initialization drew them from: r_min ≤ |λ| ≤ r_max, 0 ≤ arg λ ≤ max phase. */
  ring?: { rMin: number; rMax: number; maxPhase: number } | null;
  /** Name of a dot in its tooltip (default λ). */
  symbol?: string;
}

/**
 * SVG path of the annular sector r0 ≤ |z| ≤ r1, 0 ≤ arg z ≤ phi, around (cx, cy) with `unit` px per
 * unit of length (y up). A full turn is two circles filled even-odd.
 */
export function sectorPath(
  cx: number,
  cy: number,
  unit: number,
  r0: number,
  r1: number,
  phi: number,
) {
  const p = (r: number, a: number) =>
    `${(cx + r * unit * Math.cos(a)).toFixed(2)},${(cy - r * unit * Math.sin(a)).toFixed(2)}`;
  const R1 = (r1 * unit).toFixed(2);
  const R0 = (r0 * unit).toFixed(2);
  if (phi >= 2 * Math.PI - 1e-6) {
    const circle = (r: number, R: string) =>
      `M${p(r, 0)}A${R},${R} 0 1 0 ${p(r, Math.PI)}A${R},${R} 0 1 0 ${p(r, 0)}Z`;
    return circle(r1, R1) + (r0 > 0 ? circle(r0, R0) : '');
  }
  const large = phi > Math.PI ? 1 : 0;
  return (
    `M${p(r1, 0)}A${R1},${R1} 0 ${large} 0 ${p(r1, phi)}` +
    `L${p(r0, phi)}A${R0},${R0} 0 ${large} 1 ${p(r0, 0)}Z`
  );
}

/**
 * Eigenvalues in the complex plane: dots, the unit circle (solid), the circle of radius ρ (dashed),
 * Re/Im axes with equal aspect. Eigenvalues outside the unit circle are drawn with a ring.
 */
export const ComplexPlane = memo(function ComplexPlane(props: ComplexPlaneProps) {
  const { re, im, fontScale = 1, ghost, ring } = props;
  const sym = props.symbol ?? 'λ';
  const [ref, measured] = useChartWidth<HTMLDivElement>(360);
  const size = props.size ?? Math.min(measured, props.maxSize ?? 420);
  const rho = props.rho ?? spectralRadius(re, im);
  const L = useMemo(() => planeLayout(size, rho, fontScale), [size, rho, fontScale]);
  const { xs, ys, side } = L;
  const unit = xs(1) - xs(0);
  const n = Math.min(re.length, im.length);
  const dots = [];
  const r = 4 * Math.max(1, fontScale);
  for (let k = 0; k < n; k++) {
    const a = re[k] as number;
    const b = im[k] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const outside = Math.hypot(a, b) > 1;
    dots.push(
      <circle
        key={k}
        className={outside ? 'plane-dot plane-dot-outside' : 'plane-dot'}
        cx={xs(a).toFixed(2)}
        cy={ys(b).toFixed(2)}
        r={r}
        style={{ fill: props.color ?? 'var(--accent)' }}
      >
        <title>{`${sym} = ${formatNum(a, 3)} ${b < 0 ? '−' : '+'} ${formatNum(Math.abs(b), 3)}i, |${sym}| = ${formatNum(Math.hypot(a, b), 3)}`}</title>
      </circle>,
    );
  }
  const cx = xs(0);
  const cy = ys(0);
  const ghosts = [];
  if (ghost)
    for (let k = 0; k < Math.min(ghost.re.length, ghost.im.length); k++) {
      const a = ghost.re[k] as number;
      const b = ghost.im[k] as number;
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      ghosts.push(
        <circle
          key={k}
          className="plane-ghost"
          cx={xs(a).toFixed(2)}
          cy={ys(b).toFixed(2)}
          r={r * 0.8}
        />,
      );
    }
  return (
    <div ref={ref} className="chart complex-plane">
      <ChartSvg width={size} height={size} ariaLabel={props.ariaLabel} margin={L}>
        <Axis
          scale={xs as AxisScale}
          orient="bottom"
          offset={side}
          title="Re λ"
          tickCount={5}
          gridLength={side}
          log={false}
        />
        <Axis
          scale={ys as AxisScale}
          orient="left"
          title="Im λ"
          tickCount={5}
          gridLength={side}
          log={false}
          titleOffsetEm={2.8}
        />
        <line className="plane-axis" x1={0} x2={side} y1={cy} y2={cy} />
        <line className="plane-axis" x1={cx} x2={cx} y1={0} y2={side} />
        {ring && (
          <path
            className="plane-ring"
            fillRule="evenodd"
            d={sectorPath(cx, cy, unit, ring.rMin, ring.rMax, ring.maxPhase)}
          >
            <title>{`initialization ring: ${formatNum(ring.rMin, 3)} ≤ |${sym}| ≤ ${formatNum(ring.rMax, 3)}, 0 ≤ arg ${sym} ≤ ${formatNum(ring.maxPhase, 3)}`}</title>
          </path>
        )}
        <circle className="plane-unit" cx={cx} cy={cy} r={unit} />
        <g aria-hidden="true">{ghosts}</g>
        {rho > 0 && Number.isFinite(rho) && (
          <circle className="plane-rho" cx={cx} cy={cy} r={unit * rho} strokeDasharray="6 4">
            <title>{`spectral radius ρ = ${formatNum(rho, 3)}`}</title>
          </circle>
        )}
        {dots}
      </ChartSvg>
    </div>
  );
});
