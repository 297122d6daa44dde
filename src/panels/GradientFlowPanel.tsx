import { memo, useCallback, useMemo, useState } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { ExportButtons } from './ExportButtons';
import { LinePlot, type LineMarker } from '../charts/LinePlot';
import { HeatCanvas } from '../charts/HeatCanvas';
import { rowsFromColumns } from '../charts/DataTable';
import { VANISHED_RATIO } from '../charts/colors';
import { useApp, useBridge } from '../store/hooks';
import { TRAIL } from '../store/history';
import { cRefs, hRefs } from './gradRefs';
import type { GradRefs } from './gradRefs';
import { useFamilyUi } from './lazyFamily';
import { gradWords } from './gradWords';
import { GradReadouts } from './GradReadouts';
import { autoUnit } from './gradStats';
import { useStickyDomain } from './useSticky';
import { useCompactCaption, useFitScale } from '../charts/fit';

const TITLE = 'Gradient through time';
const EMPTY = new Float64Array(0);
/** Widest y axis in decades: a 97-decade vanishing curve (T = 1000) still shows its first 40. */
const AXIS_DECADES = 40;
/** A family's references until their chunk is here. */
const NO_REFS: GradRefs = { main: null, extra: [] };

/** Where truncated BPTT cuts the gradient: between steps T−mK and T−mK+1. */
function cutMarkers(T: number, K: number): LineMarker[] {
  if (!(K > 0) || K >= T) return [];
  const out: LineMarker[] = [];
  for (let b = T - K; b >= 1; b -= K)
    out.push({ x: b + 0.5, label: b === T - K ? `cut (K = ${K})` : undefined });
  return out;
}

/**
 * The hero: ‖∂L/∂hₜ‖ per step on a log axis with its trail and the references that match the run
 * (gradRefs.ts), ‖∂L/∂cₜ‖ for the LSTM, and the history heatmap.
 */
export const GradientFlowPanel = memo(function GradientFlowPanel() {
  const latest = useApp((s) => s.latest);
  const grad = useApp((s) => s.grad);
  const large = useApp((s) => s.view.large);
  const fit = useFitScale();
  // In a lesson's focus layout the history heatmap waits behind a button: the curve is the point.
  const compact = useCompactCaption();
  const [showHistory, setShowHistory] = useState(false);
  const gradcheckBusy = useApp((s) => s.gradcheckBusy);
  const [showBelt, setShowBelt] = useState(true);
  const unitPick = useApp((s) => s.unit);
  const bridge = useBridge();
  const fontScale = large ? 1.4 : 1;

  const T = latest?.T ?? 0;
  const H = latest?.H ?? 0;
  const dh = latest?.dhNorm ?? EMPTY;
  const dc = latest && showBelt ? latest.dcNorm : null;
  // The unit the belt panel shows unless one was picked (gradStats.autoUnit).
  const unit = useMemo(() => {
    if (!latest) return 0;
    if (unitPick !== null && unitPick < H) return unitPick;
    return autoUnit(latest);
  }, [latest, unitPick, H]);
  const isFamily = (latest?.family ?? null) !== null;
  const familyRefs = useFamilyUi(isFamily)?.familyRefs ?? null;
  const refs = useMemo(
    () => (latest && isFamily ? (familyRefs?.(latest, unit) ?? NO_REFS) : hRefs(latest, unit)),
    [latest, unit, isFamily, familyRefs],
  );
  const words = gradWords(latest?.cell ?? 'rnn');
  const belt = useMemo(() => cRefs(latest, unit), [latest, unit]);
  const trail = useMemo(() => grad.recent.slice(-TRAIL, -1), [grad.recent]);
  const run = latest?.run;
  // The axis follows the measured curves and the run's own references; the "now" lines may run far
  // off the plot (ρ = 10⁵ after a blow-up) and are clipped rather than squashing everything else.
  // It spans at most AXIS_DECADES and keeps ‖∂L/∂h_T‖ when a fresh one is cut; once that wide it
  // stops growing, so a run that blows up to 10³⁰⁰ keeps the range it had, and the measured curve's
  // values off it are marked at the edge with their true value (LinePlot markEdges).
  const own = [refs.main?.y, belt.main?.y].filter((a): a is Float64Array => a !== undefined);
  const yDomain = useStickyDomain('log', [dh, ...(dc ? [dc] : []), ...own], `${run}`, false, {
    maxDecades: AXIS_DECADES,
    anchor: dh[T - 1],
  });

  // The history's ring is drawn as it is; its colour scale grows with the extremes ever written.
  const heat = grad.T === T ? grad : null;
  const extremes = useMemo(() => Float64Array.of(grad.lo, grad.hi), [grad.lo, grad.hi]);
  const heatDomain = useStickyDomain('log', extremes, `${run}`);
  const clippedIters = useMemo(() => grad.iters.filter((_, k) => grad.clipped[k]), [grad]);
  const markers = cutMarkers(T, latest?.tbptt ?? 0);

  const t = useMemo(() => Float64Array.from({ length: T }, (_, k) => k + 1), [T]);
  const table = useCallback(() => {
    const cols: Float64Array[] = [t, dh];
    const heads = ['t', words.norm];
    for (const r of [...(refs.main ? [refs.main] : []), ...refs.extra]) {
      cols.push(r.y);
      heads.push(r.column);
    }
    if (latest?.dcNorm) {
      cols.push(latest.dcNorm);
      heads.push('‖∂L/∂cₜ‖');
      for (const r of [...(belt.main ? [belt.main] : []), ...belt.extra]) {
        cols.push(r.y);
        heads.push(r.column);
      }
    }
    return { columns: heads, rows: rowsFromColumns(cols, [(v) => String(v)]) };
  }, [t, dh, refs, belt, latest?.dcNorm, words.norm]);

  return (
    <ChartFrame
      title={TITLE}
      className="panel panel-hero"
      id="panel-grad"
      caption={`${words.norm} at each step${words.of}. Backpropagation starts at t = T on the right and travels left to t = 1: read the curve right to left. Falling as it goes left is vanishing, rising is exploding; vanished means below 10⁻³ of ${words.ref}, the one threshold used by every readout here. Exact zeros sit in the lane marked 0; a value off the axis is marked ▲ or ▼ at its edge with its true value.`}
      table={table}
      actions={
        <>
          <ExportButtons name={TITLE} table={table} />
          {latest?.dcNorm && (
            <button
              type="button"
              className="chart-button"
              aria-pressed={showBelt}
              onClick={() => setShowBelt((b) => !b)}
            >
              ‖∂L/∂cₜ‖
            </button>
          )}
          {compact && (
            <button
              type="button"
              className="chart-button"
              aria-pressed={showHistory}
              onClick={() => setShowHistory((h) => !h)}
              title="The gradient at every step over the iterations, as a heatmap"
            >
              History
            </button>
          )}
          <button
            type="button"
            className="chart-button"
            disabled={gradcheckBusy || !latest}
            onClick={() => bridge.gradcheck()}
          >
            {gradcheckBusy ? 'Checking…' : 'Check gradients'}
          </button>
        </>
      }
      readouts={<GradReadouts />}
    >
      <LinePlot
        ariaLabel={TITLE}
        y={dh}
        xStart={1}
        trail={trail}
        reference={latest && refs.main ? refs.main.y : null}
        referenceOnTop={Boolean(latest?.family?.carried)}
        series={refs.extra}
        markers={markers}
        logY
        markEdges
        yDomain={yDomain}
        height={Math.round(280 * fontScale * fit)}
        fontScale={fontScale}
        xLabel="time step t (backprop runs from T leftwards)"
        yLabel={`${words.norm} (log scale)`}
        seriesLabel={`${words.norm} latest batch`}
        referenceLabel={refs.main?.label}
      />
      {dc && (
        <LinePlot
          ariaLabel="Gradient with respect to the LSTM cell state"
          y={dc}
          xStart={1}
          reference={belt.main?.y ?? null}
          series={belt.extra}
          logY
          markEdges
          yDomain={yDomain}
          color="#0072B2"
          height={Math.round(200 * fontScale * fit)}
          fontScale={fontScale}
          xLabel="time step t"
          yLabel="‖∂L/∂cₜ‖ (log scale)"
          seriesLabel="‖∂L/∂cₜ‖: total derivative (the belt and every other path)"
          referenceLabel={belt.main?.label}
        />
      )}
      {heat !== null && heat.count > 0 && (!compact || showHistory) && (
        <HeatCanvas
          ariaLabel="Gradient norm per step over training iterations"
          values={heat.ring}
          rows={heat.cap}
          cols={T}
          rowStart={heat.start}
          rowCount={heat.count}
          version={heat.version}
          mode="log"
          domain={heatDomain}
          vanishedRelLast={VANISHED_RATIO}
          relToEarlier={words.earlier}
          newestOnTop
          xStart={1}
          yStart={heat.iters[0] ?? 0}
          yStep={
            heat.count > 1
              ? ((heat.iters[heat.count - 1] ?? 0) - (heat.iters[0] ?? 0)) / (heat.count - 1)
              : 1
          }
          height={Math.round(170 * fontScale * fit)}
          fontScale={fontScale}
          xLabel="time step t"
          yLabel="iteration"
          legendLabel={`${words.norm} (grey: below 10⁻³ of ${words.ref})`}
          yMarks={clippedIters}
          yMarkLabel="clipping fired"
          yName="iteration"
          xName="t"
          valueName={words.norm}
        />
      )}
    </ChartFrame>
  );
});
