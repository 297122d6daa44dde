import type { CSSProperties } from 'react';
import {
  bandThickness,
  decayGlyph,
  glyphNumber,
  smallGlyph,
  gradSymbol,
  inletOf,
  readoutOf,
  stateSymbol,
  stepLabel,
  valveOf,
  type BeltData,
  type BeltGeometry,
  type BeltVariant,
  type StepValue,
} from './beltModel';
import { DIVERGING_LUT, GATE_COLORS } from './colors';
import { formatSci } from './format';
import type { Domain } from './scales';

/** Colour of text drawn on a diverging LUT entry: black on light entries, white on dark ones. */
function inkOn(idx: number): string {
  const q = idx * 4;
  const L =
    0.2126 * (DIVERGING_LUT[q] as number) +
    0.7152 * (DIVERGING_LUT[q + 1] as number) +
    0.0722 * (DIVERGING_LUT[q + 2] as number);
  return L > 140 ? '#111' : '#fff';
}

/** Props of {@link BeltStep}. */
export interface BeltStepProps {
  /** Step index (t = k + 1). */
  k: number;
  variant: BeltVariant;
  data: BeltData;
  geo: BeltGeometry;
  /** x of the step's left edge. */
  x0: number;
  /** Diverging LUT index of the belt value. */
  lutIdx: number;
  /** CSS colour of that LUT entry. */
  fill: string;
  focused: boolean;
  /** Band domain and vanished threshold, to mark a vanished gradient as a dashed line. */
  gradDomain: Domain;
  vanishedBelow: number;
  onEnter: (k: number) => void;
  onLeave: () => void;
}

/**
 * One time step: a focusable group with the belt segment, the valve (× f / × z / × ‖J‖), the inlet
 * (+ i⊙g / + (1−z)⊙n) and the read-off (o), placed in the order of the update.
 */
export function BeltStep({
  k,
  variant,
  data,
  geo,
  x0,
  lutIdx,
  fill,
  focused,
  gradDomain,
  vanishedBelow,
  onEnter,
  onLeave,
}: BeltStepProps) {
  const { s, cw, yInlet, beltTop, beltH, yBelt, yValveText, yOut, yBand } = geo;
  // Inside step t, in the order of the update: c_{t−1} enters, × f_t, + i_t⊙g_t, then o_t reads c_t.
  const xv = x0 + 0.3 * cw;
  const cx = x0 + 0.7 * cw;
  const v = data.state[k] as number;
  const valve = valveOf(variant, data, k);
  const inlet = inletOf(variant, data, k);
  const out = readoutOf(variant, data, k);
  const r = Math.min(11 * s, cw * 0.3);
  const g = data.gradNorm ? (data.gradNorm[k] as number) : NaN;
  return (
    <g
      data-step={k}
      className={focused ? 'belt-step belt-step-focused' : 'belt-step'}
      tabIndex={0}
      role="img"
      aria-label={stepLabel(variant, data, k)}
      onMouseEnter={() => onEnter(k)}
      onMouseLeave={onLeave}
      onFocus={() => onEnter(k)}
      onBlur={onLeave}
    >
      <rect className="belt-hit" x={x0} y={0} width={cw} height={geo.height} />
      <rect
        className="belt-segment"
        x={x0}
        y={beltTop}
        width={cw + 0.5}
        height={beltH}
        style={{ fill: Number.isFinite(v) ? fill : 'var(--grid)' }}
      />
      {geo.showState && (
        <text
          className="belt-value"
          x={x0 + 0.72 * cw}
          y={yBelt}
          dy="0.35em"
          textAnchor="middle"
          fill={inkOn(lutIdx)}
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
            fill={
              variant === 'cellState'
                ? GATE_COLORS.g
                : variant === 'decay'
                  ? 'var(--panel-bg, var(--bg))'
                  : GATE_COLORS.n
            }
            stroke={inlet.color}
            strokeWidth={2.5 * s}
          />
          <text x={cx} y={yInlet} dy="0.35em" textAnchor="middle" className="belt-glyph">
            +
          </text>
          {geo.showNumbers && (
            <text x={cx} y={yInlet - r - 3} textAnchor="middle" className="belt-num">
              {variant === 'decay' ? smallGlyph(inlet.value) : glyphNumber(inlet.value)}
            </text>
          )}
        </g>
      )}
      <g className="belt-valve">
        <circle
          cx={xv}
          cy={yBelt}
          r={r}
          // The RNN's ‖J_t‖ has no gate colour: it is flagged when it amplifies (> 1).
          style={{ fill: valve.color ?? (valve.value > 1 ? 'var(--danger)' : 'var(--fg-muted)') }}
        />
        <text x={xv} y={yBelt} dy="0.35em" textAnchor="middle" className="belt-glyph">
          ×
        </text>
        {geo.showNumbers && (
          <text x={xv} y={yValveText} dy="0.35em" textAnchor="middle" className="belt-num">
            {variant === 'decay' ? decayGlyph(valve.value) : glyphNumber(valve.value)}
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
          {geo.showNumbers && (
            <text x={cx} y={yOut + r + 4} dy="0.7em" textAnchor="middle" className="belt-num">
              {glyphNumber(out.value)}
            </text>
          )}
        </g>
      )}
      {data.gradNorm && bandThickness(g, gradDomain, 1, 2, vanishedBelow) === null && (
        <line
          className="belt-band-vanished"
          x1={x0}
          x2={x0 + cw}
          y1={yBand}
          y2={yBand}
          strokeDasharray="2 3"
        />
      )}
    </g>
  );
}

/** Row names at the left: inlet, belt, valve, read-off, gradient. */
export function BeltRowLabels({
  variant,
  data,
  geo,
}: {
  variant: BeltVariant;
  data: BeltData;
  geo: BeltGeometry;
}) {
  const x = geo.left - 8;
  const valve = valveOf(variant, data, 0);
  const inlet = inletOf(variant, data, 0);
  return (
    <g className="belt-rows" aria-hidden="true">
      {variant !== 'chain' && inlet && (
        <text x={x} y={geo.yInlet} dy="0.35em" textAnchor="end" style={{ fill: inlet.color }}>
          {variant === 'cellState'
            ? '+ i⊙g'
            : variant === 'update'
              ? '+ (1−z)n'
              : `+ ${inlet.name}`}
        </text>
      )}
      <text x={x} y={geo.yBelt} dy="0.35em" textAnchor="end">
        {variant === 'decay' ? stateSymbol(variant, data) : `${stateSymbol(variant)}ₜ`}
      </text>
      <text
        x={x}
        y={geo.yValveText}
        dy="0.35em"
        textAnchor="end"
        style={{ fill: valve.color ?? 'var(--fg)' }}
      >
        {`× ${valve.name}`}
      </text>
      {variant === 'cellState' && (
        <text x={x} y={geo.yOut} dy="0.35em" textAnchor="end" style={{ fill: GATE_COLORS.o }}>
          o
        </text>
      )}
      {data.gradNorm && (
        <text x={x} y={geo.yBand} dy="0.35em" textAnchor="end">
          {gradSymbol(variant, data).replace(/‖/g, '')}
        </text>
      )}
    </g>
  );
}

/** The numbers of one step, beside it: title "t = …", then one row per value with its gate swatch. */
export function BeltTooltip(props: {
  title: string;
  values: readonly StepValue[];
  style: CSSProperties;
}) {
  return (
    <div className="chart-tooltip" role="tooltip" style={props.style}>
      <div className="chart-tooltip-title">{props.title}</div>
      {props.values.map((sv) => (
        <div key={sv.name} className="chart-tooltip-row">
          <span>
            <i className="chart-swatch" style={{ background: sv.color ?? 'transparent' }} />
            {sv.name}
          </span>
          <span className="num">{formatSci(sv.value, 3)}</span>
        </div>
      ))}
    </div>
  );
}
