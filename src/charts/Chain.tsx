import { memo, useId } from 'react';
import { ChartSvg } from './PlotFrame';
import { magnitudeColor } from './colors';
import { formatSci } from './format';
import { positiveExtent } from './scales';
import type { Domain } from './scales';
import { safeId } from './plotUtil';
import { useChartWidth } from './useChartWidth';

/** Props of {@link Chain}. */
export interface ChainProps {
  /** Sequence length: cells t = 1…T. */
  T: number;
  /** The step the gradient has reached (cells t ≥ step are visited). */
  step: number;
  /** ‖∂L/∂hₜ‖ per step [T]: the colour of a visited cell (log scale; grey at or below 10⁻³ of the value at T). */
  norms: Float64Array;
  /** Factor of the step t → t−1 per step [T] (index t−1), written on its arrow once taken. */
  factors: Float64Array;
  /** 1 where truncation cuts the step t → t−1, [T]. */
  cut: Uint8Array;
  /** The loss's own term per step [T]: where it is > 0 the loss feeds in (a marker above). */
  local: Float64Array;
  /** LSTM: the belt's factor per step [T]: a second lane for c with its own arrows. */
  belt?: Float64Array | null;
  /**
   * Attention: α [T][T] (row s: the weight position s gives each t ≤ s). No chain is drawn; arcs
   * from every later position to the current one, as thick as the weight it was read with.
   */
  arcs?: Float64Array | null;
  /** State symbol for labels ("h"). */
  symbol?: string;
  /** Large-type factor (default 1). */
  fontScale?: number;
  /** Accessible name. */
  ariaLabel: string;
}

/** Which cells fit: a window of `count` steps that keeps the current one and its neighbours in view. */
export function chainWindow(
  T: number,
  step: number,
  count: number,
): { first: number; last: number } {
  const n = Math.max(1, Math.min(T, count));
  // The gradient arrives from the right: keep about a third of the window for visited steps.
  const first = Math.min(Math.max(1, step - Math.ceil((2 * n) / 3) + 1), T - n + 1);
  return { first, last: first + n - 1 };
}

/**
 * The unrolled net as a chain of T cells, forward arrows above (left to right) and gradient
 * arrows below (right to left). Long chains show a window around the current step, with the steps
 * left out counted at either end.
 */
export const Chain = memo(function Chain(props: ChainProps) {
  const { T, step, norms, factors, cut, local, belt, arcs, fontScale: fs = 1 } = props;
  const sym = props.symbol ?? 'h';
  const [ref, width] = useChartWidth<HTMLDivElement>();
  const ids = safeId(useId());
  // Narrow screens: smaller cells and no lane labels, so at least three steps fit at 360 px.
  const narrow = width < 520 * fs;
  const cw = (narrow ? 34 : 46) * fs;
  const gapW = (narrow ? 42 : 54) * fs;
  const side = (narrow ? 46 : 84) * fs;
  const laneH = 34 * fs;
  const top = (belt || arcs ? 70 : 26) * fs;
  const height = top + laneH + 58 * fs;
  const fit = Math.max(1, Math.floor((width - 2 * side + gapW) / (cw + gapW)));
  const { first, last } = chainWindow(T, step, fit);
  const n = last - first + 1;
  const span = n * cw + (n - 1) * gapW;
  const x0 = Math.max(side, (width - span) / 2);
  const xOf = (t: number) => x0 + (t - first) * (cw + gapW);
  const domain: Domain = positiveExtent(norms) ?? [1e-300, 1];
  const yBox = top;
  const yGrad = yBox + laneH + 14 * fs;
  const beltY = top - 42 * fs;
  const cells = [];
  for (let t = first; t <= last; t++) {
    const x = xOf(t);
    const visited = t >= step;
    const here = t === step;
    const v = norms[t - 1]!;
    cells.push(
      <g key={t}>
        <rect
          className={
            here ? 'chain-cell chain-here' : visited ? 'chain-cell' : 'chain-cell chain-todo'
          }
          x={x}
          y={yBox}
          width={cw}
          height={laneH}
          rx={6 * fs}
          fill={visited ? magnitudeColor(v, domain, norms[T - 1]!) : 'none'}
        >
          <title>{`step ${t}: ‖∂L/∂${sym}‖ = ${visited ? formatSci(v, 3) : 'not reached yet'}`}</title>
        </rect>
        {local[t - 1]! > 0 && (
          <g className={visited ? 'chain-loss chain-on' : 'chain-loss'}>
            <circle cx={x + cw} cy={yBox} r={8 * fs} />
            <text x={x + cw} y={yBox + 4 * fs} textAnchor="middle">
              ℓ
            </text>
            <title>{`the loss scores step ${t}: its own term enters here`}</title>
          </g>
        )}
        <text
          className={here ? 'chain-t chain-t-here' : 'chain-t'}
          x={x + cw / 2}
          y={yGrad + 34 * fs}
          textAnchor="middle"
        >
          {t}
        </text>
        {belt && (
          <rect
            className={visited ? 'chain-belt' : 'chain-belt chain-todo'}
            x={x + cw * 0.2}
            y={beltY}
            width={cw * 0.6}
            height={20 * fs}
            rx={4 * fs}
          />
        )}
        {t > first && !arcs && arrows(t)}
        {arcs && t > step && arcTo(t)}
      </g>,
    );
  }
  /** The arc by which position s (> step) reads the current position: width and opacity ∝ α. */
  function arcTo(s: number) {
    const a = arcs![(s - 1) * T + (step - 1)]!;
    const x1 = xOf(s) + cw / 2;
    const x0 = xOf(step) + cw / 2;
    const depth = Math.min(top - 8 * fs, 14 * fs + (x1 - x0) * 0.25);
    return (
      <path
        className="chain-arc"
        d={`M${x1},${yBox} Q${(x0 + x1) / 2},${yBox - depth} ${x0},${yBox}`}
        strokeWidth={(1 + 7 * a) * fs}
        strokeOpacity={0.25 + 0.75 * a}
      >
        <title>{`position ${s} read position ${step} with α = ${formatSci(a, 3)}`}</title>
      </path>
    );
  }
  function arrows(t: number) {
    const xr = xOf(t);
    const xl = xOf(t - 1) + cw;
    const taken = t > step;
    const isCut = cut[t - 1] === 1;
    const mid = (xl + xr) / 2;
    const label = isCut ? '✂ cut' : `×${formatSci(factors[t - 1]!, 2)}`;
    return (
      <g>
        <line
          className="chain-fwd"
          x1={xl + 3}
          x2={xr - 6}
          y1={yBox + laneH / 2}
          y2={yBox + laneH / 2}
          markerEnd={`url(#${ids}-head)`}
        />
        <line
          className={
            isCut && taken ? 'chain-grad chain-cut' : taken ? 'chain-grad chain-on' : 'chain-grad'
          }
          x1={xr - 3}
          x2={xl + 6}
          y1={yGrad}
          y2={yGrad}
          markerEnd={`url(#${ids}-head${taken ? '-on' : ''})`}
        />
        {taken && (
          <text
            className={isCut ? 'chain-factor chain-cut-text' : 'chain-factor'}
            x={mid}
            y={yGrad + 16 * fs}
            textAnchor="middle"
          >
            {label}
          </text>
        )}
        {belt && (
          <g>
            <line
              className={taken ? 'chain-grad chain-belt-on' : 'chain-grad'}
              x1={xr + cw * 0.2 - 3}
              x2={xl - cw * 0.2 + 6}
              y1={beltY + 10 * fs}
              y2={beltY + 10 * fs}
              markerEnd={`url(#${ids}-head${taken ? '-belt' : ''})`}
            />
            {taken && !isCut && (
              <text className="chain-factor" x={mid} y={beltY - 4 * fs} textAnchor="middle">
                {`×${formatSci(belt[t - 1]!, 2)}`}
              </text>
            )}
          </g>
        )}
      </g>
    );
  }
  return (
    <div className="chart chain" ref={ref}>
      <ChartSvg width={width} height={height} ariaLabel={props.ariaLabel}>
        <defs>
          {[
            [`${ids}-head`, 'chain-head-shape'],
            [`${ids}-head-on`, 'chain-head-shape chain-head-on'],
            [`${ids}-head-belt`, 'chain-head-shape chain-head-belt'],
          ].map(([id, cls]) => (
            <marker
              key={id}
              id={id}
              viewBox="0 0 10 10"
              refX="8"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto-start-reverse"
            >
              <path className={cls} d="M0,0 L10,5 L0,10 z" />
            </marker>
          ))}
        </defs>
        {!narrow && (
          <g>
            {belt && (
              <text className="chain-lane" x={4} y={beltY + 15 * fs}>
                belt c
              </text>
            )}
            <text className="chain-lane" x={4} y={yBox + laneH / 2 + 5 * fs}>
              {sym}
            </text>
            {!arcs && (
              <text className="chain-lane" x={4} y={yGrad + 5 * fs}>
                ∂L/∂{sym}
              </text>
            )}
          </g>
        )}
        {first > 1 && (
          <text className="chain-more" x={2} y={yGrad + 34 * fs}>
            {first === 2 ? '1 …' : `1–${first - 1} …`}
          </text>
        )}
        {last < T && (
          <text className="chain-more" x={width - 2} y={yGrad + 34 * fs} textAnchor="end">
            {last + 1 === T ? `… ${T}` : `… ${last + 1}–${T}`}
          </text>
        )}
        {cells}
      </ChartSvg>
    </div>
  );
});
