import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { area, curveMonotoneX } from 'd3-shape';
import {
  bandThickness,
  clampWindow,
  glyphNumber,
  gradSymbol,
  inletOf,
  readoutOf,
  stateSymbol,
  stepLabel,
  stepValues,
  valveOf,
  type BeltData,
  type BeltVariant,
} from './beltModel';
import {
  DIVERGING_LUT,
  GATE_COLORS,
  VANISHED_RATIO,
  divergingPosition,
  lutCss,
  lutIndex,
  magnitudeColor,
} from './colors';
import { formatSci } from './format';
import { indices, safeId } from './plotUtil';
import { positiveExtent, stickyLogDomain, type Domain } from './scales';
import { useChartWidth } from './useChartWidth';

/** Props of {@link Belt}: the per-step columns of {@link BeltData} plus view state. */
export interface BeltProps extends BeltData {
  /** 'lstm' (× f, + i⊙g, o), 'gru' (× z, + (1−z)⊙n) or 'rnn' (× ‖J_t‖ only). */
  variant: BeltVariant;
  /** First shown step index (inclusive, 0-based: index k is t = k + 1). */
  windowStart: number;
  /** One past the last shown step index. */
  windowEnd: number;
  /** Called with a new [start, end) when the user moves the window slider (same size). */
  onWindowChange?: (start: number, end: number) => void;
  /** Focused step index (controlled); leave undefined to let the chart track hover itself. */
  focusedStep?: number | null;
  /** Called with the step index on hover or keyboard focus, and null on leave. */
  onFocusStep?: (step: number | null) => void;
  /** Log domain for the gradient band thickness; default from gradNorm over all steps. */
  gradDomain?: Domain;
  /** Half-width of the diverging belt colour scale; default max |state| over all steps. */
  stateMaxAbs?: number;
  /** Name of the selected unit, e.g. "unit 3". */
  unitLabel?: string;
  /** Slow flow animation (CSS; off under prefers-reduced-motion). */
  animate?: boolean;
  /** Fixed width in px; default: the container width. */
  width?: number;
  /** Large-type factor (default 1). */
  fontScale?: number;
  /** Accessible name (the chart title). */
  ariaLabel: string;
}

/** Colour of text drawn on a LUT colour: black on light entries, white on dark ones. */
function inkOn(idx: number): string {
  const q = idx * 4;
  const L =
    0.2126 * (DIVERGING_LUT[q] as number) +
    0.7152 * (DIVERGING_LUT[q + 1] as number) +
    0.0722 * (DIVERGING_LUT[q + 2] as number);
  return L > 140 ? '#111' : '#fff';
}

/**
 * The LSTM conveyor belt (and its GRU and tanh-RNN variants) in SVG: the belt coloured by its value,
 * a valve × f per step, an inlet + i⊙g above, a read-off o below, and under it the gradient flowing
 * back, thick where ‖∂L/∂c_t‖ is large. Each step is focusable and reads out its numbers.
 */
export const Belt = memo(function Belt(props: BeltProps) {
  const { variant, state, gradNorm, fontScale = 1 } = props;
  const T = state.length;
  const [ref, measured] = useChartWidth<HTMLDivElement>();
  const width = props.width ?? measured;
  const gid = safeId(useId());
  const [hover, setHover] = useState<number | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const focused = props.focusedStep !== undefined ? props.focusedStep : hover;
  const [start, end] =
    T > 0 ? clampWindow(props.windowStart, props.windowEnd - props.windowStart, T) : [0, 0];
  const size = Math.max(1, end - start);

  const s = Math.max(1, fontScale);
  const left = Math.round(64 * s);
  const right = Math.round(20 * s);
  const iw = Math.max(20, width - left - right);
  const cw = iw / size;
  const showNumbers = cw >= 34 * s;
  const showState = cw >= 64 * s;
  const hasInlet = variant !== 'rnn';
  const hasOut = variant === 'lstm';
  // Row centres, top to bottom; every offset scales with the type size.
  const yInlet = Math.round(30 * s);
  const beltTop = Math.round((hasInlet ? 58 : 26) * s);
  const beltH = Math.round(30 * s);
  const yBelt = beltTop + beltH / 2;
  const yValveText = beltTop + beltH + Math.round(16 * s);
  const yOut = yValveText + Math.round(20 * s);
  const yBand = (hasOut ? yOut + 40 * s : yValveText + 34 * s) + 10 * s;
  const bandMax = Math.round(26 * s);
  const height = Math.round(yBand + bandMax / 2 + 14 * s);

  const maxAbs = useMemo(() => {
    if (props.stateMaxAbs !== undefined) return props.stateMaxAbs;
    let m = 0;
    for (let k = 0; k < state.length; k++) {
      const v = Math.abs(state[k] as number);
      if (Number.isFinite(v) && v > m) m = v;
    }
    return m || 1;
  }, [props.stateMaxAbs, state]);
  const gradDomain = useMemo(
    () => props.gradDomain ?? stickyLogDomain(null, gradNorm ?? []),
    [props.gradDomain, gradNorm],
  );
  // "Vanished" is relative to the largest gradient on the whole sequence, not the rounded domain.
  const gradMax = useMemo(() => positiveExtent(gradNorm ?? [])?.[1] ?? 0, [gradNorm]);
  const vanishedBelow = gradMax * VANISHED_RATIO;

  const xOf = (k: number) => left + (k - start) * cw;
  const band = useMemo(() => {
    if (!gradNorm) return null;
    const th = (k: number) =>
      bandThickness(gradNorm[k] as number, gradDomain, 2 * s, bandMax, vanishedBelow);
    const gen = area<number>()
      .defined((j) => th(start + j) !== null)
      .x((j) => left + (j + 0.5) * cw)
      .y0((j) => yBand - (th(start + j) ?? 0) / 2)
      .y1((j) => yBand + (th(start + j) ?? 0) / 2)
      .curve(curveMonotoneX);
    return gen(indices(size)) ?? '';
  }, [gradNorm, gradDomain, vanishedBelow, start, size, left, cw, yBand, bandMax, s]);

  const css = lutCss(DIVERGING_LUT);
  const steps = [];
  for (let k = start; k < end; k++) {
    const x0 = xOf(k);
    // Inside step t, in the order of the update: c_{t−1} enters, × f_t (valve), + i_t⊙g_t, o_t reads c_t.
    const xv = x0 + 0.3 * cw;
    const cx = x0 + 0.7 * cw;
    const v = state[k] as number;
    const idx = lutIndex(divergingPosition(v, maxAbs));
    const valve = valveOf(variant, props, k);
    const inlet = inletOf(variant, props, k);
    const out = readoutOf(variant, props, k);
    const on = focused === k;
    const r = Math.min(11 * s, cw * 0.3);
    steps.push(
      <g
        key={k}
        data-step={k}
        className={on ? 'belt-step belt-step-focused' : 'belt-step'}
        tabIndex={0}
        role="img"
        aria-label={stepLabel(variant, props, k)}
        onMouseEnter={() => {
          setHover(k);
          props.onFocusStep?.(k);
        }}
        onMouseLeave={() => {
          setHover(null);
          props.onFocusStep?.(null);
        }}
        onFocus={() => {
          setHover(k);
          props.onFocusStep?.(k);
        }}
        onBlur={() => {
          setHover(null);
          props.onFocusStep?.(null);
        }}
      >
        <rect className="belt-hit" x={x0} y={0} width={cw} height={height} />
        <rect
          className="belt-segment"
          x={x0}
          y={beltTop}
          width={cw + 0.5}
          height={beltH}
          style={{ fill: Number.isFinite(v) ? css[idx] : 'var(--grid)' }}
        />
        {showState && (
          <text
            className="belt-value"
            x={x0 + 0.72 * cw}
            y={yBelt}
            dy="0.35em"
            textAnchor="middle"
            fill={inkOn(idx)}
          >
            {glyphNumber(v)}
          </text>
        )}
        {inlet && (
          <g className="belt-inlet">
            <line x1={cx} x2={cx} y1={yInlet + r} y2={beltTop - 4} stroke={inlet.color} />
            <path
              d={`M${cx - 4 * s},${beltTop - 6 * s}h${8 * s}l${-4 * s},${6 * s}z`}
              fill={inlet.color}
            />
            <circle
              cx={cx}
              cy={yInlet}
              r={r}
              fill={variant === 'lstm' ? GATE_COLORS.g : GATE_COLORS.n}
              stroke={inlet.color}
              strokeWidth={2.5 * s}
            />
            <text x={cx} y={yInlet} dy="0.35em" textAnchor="middle" className="belt-glyph">
              +
            </text>
            {showNumbers && (
              <text x={cx} y={yInlet - r - 3} textAnchor="middle" className="belt-num">
                {glyphNumber(inlet.value)}
              </text>
            )}
          </g>
        )}
        <g className="belt-valve">
          <circle
            cx={xv}
            cy={yBelt}
            r={r}
            style={{ fill: valve.color ?? (valve.value > 1 ? 'var(--danger)' : 'var(--fg-muted)') }}
          />
          <text x={xv} y={yBelt} dy="0.35em" textAnchor="middle" className="belt-glyph">
            ×
          </text>
          {showNumbers && (
            <text x={xv} y={yValveText} dy="0.35em" textAnchor="middle" className="belt-num">
              {glyphNumber(valve.value)}
            </text>
          )}
        </g>
        {out && (
          <g className="belt-out">
            <line x1={cx} x2={cx} y1={beltTop + beltH} y2={yOut - r} stroke={out.color} />
            <circle cx={cx} cy={yOut} r={r * 0.8} fill={out.color} />
            <text
              x={cx}
              y={yOut}
              dy="0.35em"
              textAnchor="middle"
              className="belt-glyph belt-glyph-small"
            >
              o
            </text>
            {showNumbers && (
              <text x={cx} y={yOut + r + 4} dy="0.7em" textAnchor="middle" className="belt-num">
                {glyphNumber(out.value)}
              </text>
            )}
          </g>
        )}
        {gradNorm &&
          bandThickness(gradNorm[k] as number, gradDomain, 1, 2, vanishedBelow) === null && (
            <line
              className="belt-band-vanished"
              x1={x0}
              x2={x0 + cw}
              y1={yBand}
              y2={yBand}
              strokeDasharray="2 3"
            />
          )}
      </g>,
    );
  }

  // Arrow keys walk the steps; at the window's edge they slide the window (when it is controlled).
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const from = Number((e.target as Element).getAttribute?.('data-step'));
    const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!dir || !Number.isInteger(from)) return;
    const next = from + dir;
    if (next < 0 || next >= T) return;
    e.preventDefault();
    pendingFocus.current = next;
    if ((next < start || next >= end) && props.onWindowChange) {
      const [a, b] = clampWindow(start + dir, size, T);
      props.onWindowChange(a, b);
    } else {
      focusStep(next);
    }
  };
  const focusStep = (k: number) => {
    const el = svgRef.current?.querySelector(`[data-step="${k}"]`);
    if (el instanceof SVGElement) {
      el.focus();
      pendingFocus.current = null;
    }
  };
  useEffect(() => {
    if (pendingFocus.current !== null) focusStep(pendingFocus.current);
  });

  const tipValues =
    focused != null && focused >= start && focused < end
      ? stepValues(variant, props, focused)
      : null;
  const tipX = focused != null ? xOf(focused) + cw / 2 : 0;

  return (
    <div ref={ref} className={`chart belt belt-${variant}${props.animate ? ' belt-animate' : ''}`}>
      <svg
        ref={svgRef}
        className="chart-svg"
        width={width}
        height={height}
        role="group"
        aria-label={props.ariaLabel}
        onKeyDown={onKeyDown}
      >
        <defs>
          {gradNorm && (
            <linearGradient
              id={`${gid}-band`}
              gradientUnits="userSpaceOnUse"
              x1={left}
              x2={left + iw}
              y1={0}
              y2={0}
            >
              {Array.from({ length: size }, (_, j) => (
                <stop
                  key={j}
                  offset={((j + 0.5) / size).toFixed(4)}
                  stopColor={magnitudeColor(gradNorm[start + j] as number, gradDomain, gradMax)}
                />
              ))}
            </linearGradient>
          )}
        </defs>
        <g className="belt-rows" aria-hidden="true">
          {hasInlet && (
            <text
              x={left - 8}
              y={yInlet}
              dy="0.35em"
              textAnchor="end"
              style={{ fill: variant === 'lstm' ? GATE_COLORS.i : GATE_COLORS.n }}
            >
              {variant === 'lstm' ? '+ i⊙g' : '+ (1−z)n'}
            </text>
          )}
          <text
            x={left - 8}
            y={yBelt}
            dy="0.35em"
            textAnchor="end"
          >{`${stateSymbol(variant)}ₜ`}</text>
          <text
            x={left - 8}
            y={yValveText}
            dy="0.35em"
            textAnchor="end"
            style={{ fill: valveOf(variant, props, 0).color ?? 'var(--fg)' }}
          >{`× ${valveOf(variant, props, 0).name}`}</text>
          {hasOut && (
            <text
              x={left - 8}
              y={yOut}
              dy="0.35em"
              textAnchor="end"
              style={{ fill: GATE_COLORS.o }}
            >
              o
            </text>
          )}
          {gradNorm && (
            <text x={left - 8} y={yBand} dy="0.35em" textAnchor="end">
              {gradSymbol(variant).replace(/‖/g, '')}
            </text>
          )}
        </g>
        {steps}
        {T > 0 && (
          <path
            className="belt-arrow"
            d={`M${left + iw},${beltTop}l${12 * s},${beltH / 2}l${-12 * s},${beltH / 2}z`}
            fill={css[lutIndex(divergingPosition(state[end - 1] as number, maxAbs))]}
          />
        )}
        {band && (
          <g className="belt-band" aria-hidden="true">
            <path d={band} fill={`url(#${gid}-band)`} />
            <path className="belt-flow" d={`M${left + iw},${yBand}H${left}`} />
            <path
              className="belt-band-arrow"
              d={`M${left - 2},${yBand}l${10 * s},${-7 * s}v${14 * s}z`}
            />
          </g>
        )}
        {focused != null && focused >= start && focused < end && (
          <rect
            className="belt-focus-ring"
            x={xOf(focused) + 1}
            y={1}
            width={cw - 2}
            height={height - 2}
            rx={4}
          />
        )}
      </svg>
      {tipValues && (
        <div
          className="chart-tooltip"
          role="tooltip"
          // Beside the focused step (right of it, or left near the right edge), so the step stays visible.
          style={
            tipX + cw / 2 + 190 * s < width
              ? { left: tipX + cw / 2 + 6, top: 0 }
              : { left: tipX - cw / 2 - 6, top: 0, transform: 'translateX(-100%)' }
          }
        >
          <div className="chart-tooltip-title">{`t = ${(focused as number) + 1}${props.unitLabel ? ` · ${props.unitLabel}` : ''}`}</div>
          {tipValues.map((sv) => (
            <div key={sv.name} className="chart-tooltip-row">
              <span>
                <i className="chart-swatch" style={{ background: sv.color ?? 'transparent' }} />
                {sv.name}
              </span>
              <span className="num">{formatSci(sv.value, 3)}</span>
            </div>
          ))}
        </div>
      )}
      {props.onWindowChange && T > size && (
        <label className="belt-brush">
          <span>{`Steps ${start + 1}–${end} of ${T}`}</span>
          <input
            type="range"
            min={0}
            max={T - size}
            step={1}
            value={start}
            aria-label="Belt window: first time step shown"
            onChange={(e) => {
              const [a, b] = clampWindow(Number(e.currentTarget.value), size, T);
              props.onWindowChange?.(a, b);
            }}
          />
        </label>
      )}
    </div>
  );
});
