import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { area, curveMonotoneX } from 'd3-shape';
import {
  bandThickness,
  beltGeometry,
  clampWindow,
  stepValues,
  type BeltData,
  type BeltVariant,
} from './beltModel';
import { BeltRowLabels, BeltStep, BeltTooltip } from './BeltStep';
import {
  DIVERGING_LUT,
  VANISHED_RATIO,
  divergingPosition,
  lutCss,
  lutIndex,
  magnitudeColor,
} from './colors';
import { indices, safeId } from './plotUtil';
import { stickyLogDomain, type Domain } from './scales';
import { useChartWidth } from './useChartWidth';

/** Props of {@link Belt}: the per-step columns of {@link BeltData} plus view state. */
export interface BeltProps extends BeltData {
  /** 'cellState' (the LSTM: × f, + i⊙g, o), 'update' (the GRU: × z, + (1−z)⊙n), 'chain' (× ‖J_t‖ only), 'decay' (× its decay, + what it writes). */
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

  const hasInlet = variant === 'decay' ? Boolean(props.write) : variant !== 'chain';
  const geo = beltGeometry(width, size, variant, fontScale, hasInlet);
  const { s, left, iw, cw, beltTop, beltH, yBand, bandMax, height } = geo;

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
  // "Vanished" is relative to the gradient where backpropagation starts (t = T), as everywhere.
  const gradLast = gradNorm && gradNorm.length > 0 ? (gradNorm[gradNorm.length - 1] as number) : 0;
  const vanishedBelow = gradLast * VANISHED_RATIO;

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
  const onEnter = (k: number) => {
    setHover(k);
    props.onFocusStep?.(k);
  };
  const onLeave = () => {
    setHover(null);
    props.onFocusStep?.(null);
  };
  const steps = [];
  for (let k = start; k < end; k++) {
    const lutIdx = lutIndex(divergingPosition(state[k] as number, maxAbs));
    steps.push(
      <BeltStep
        key={k}
        k={k}
        variant={variant}
        data={props}
        geo={geo}
        x0={xOf(k)}
        lutIdx={lutIdx}
        fill={css[lutIdx] as string}
        focused={focused === k}
        gradDomain={gradDomain}
        vanishedBelow={vanishedBelow}
        onEnter={onEnter}
        onLeave={onLeave}
      />,
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
                  stopColor={magnitudeColor(gradNorm[start + j] as number, gradDomain, gradLast)}
                />
              ))}
            </linearGradient>
          )}
        </defs>
        <BeltRowLabels variant={variant} data={props} geo={geo} />
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
        <BeltTooltip
          title={`t = ${(focused as number) + 1}${props.unitLabel ? ` · ${props.unitLabel}` : ''}`}
          values={tipValues}
          // Beside the focused step (right of it, or left near the right edge), so the step stays visible.
          style={
            tipX + cw / 2 + 190 * s < width
              ? { left: tipX + cw / 2 + 6, top: 0 }
              : { left: tipX - cw / 2 - 6, top: 0, transform: 'translateX(-100%)' }
          }
        />
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
