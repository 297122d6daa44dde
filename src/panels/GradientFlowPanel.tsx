import { memo, useCallback, useMemo, useState } from 'react';
import { cellInfo } from '../engine/cells/catalog';
import { ChartFrame } from '../charts/ChartFrame';
import { ExportButtons } from './ExportButtons';
import { LinePlot, type LineMarker } from '../charts/LinePlot';
import { HeatCanvas } from '../charts/HeatCanvas';
import { rowsFromColumns } from '../charts/DataTable';
import { formatLog10, formatSci } from '../charts/format';
import { useApp, useBridge } from '../store/hooks';
import { TRAIL } from '../store/history';
import { log10Ratio, memoryHorizon, rhoReference } from './gradStats';
import { useStickyDomain } from './useSticky';

const TITLE = 'Gradient through time';
const EMPTY = new Float64Array(0);

/** Where truncated BPTT cuts the gradient: between steps T−mK and T−mK+1. */
function cutMarkers(T: number, K: number): LineMarker[] {
  if (!(K > 0) || K >= T) return [];
  const out: LineMarker[] = [];
  for (let b = T - K; b >= 1; b -= K)
    out.push({ x: b + 0.5, label: b === T - K ? `cut (K = ${K})` : undefined });
  return out;
}

/** The hero: ‖dL/dh_t‖ per step on a log axis, its trail, the ρ^(T−t) reference and the history heatmap. */
export const GradientFlowPanel = memo(function GradientFlowPanel() {
  const latest = useApp((s) => s.latest);
  const grad = useApp((s) => s.grad);
  const large = useApp((s) => s.view.large);
  const gate = useApp((s) => s.gate);
  const gradcheck = useApp((s) => s.gradcheck);
  const busy = useApp((s) => s.gradcheckBusy);
  const bridge = useBridge();
  const [belt, setBelt] = useState(true);
  const fontScale = large ? 1.4 : 1;

  const T = latest?.T ?? 0;
  const dh = latest?.dhNorm ?? EMPTY;
  const dc = latest && belt ? latest.dcNorm : null;
  const spec = latest?.spectrum[Math.min(gate, (latest?.spectrum.length ?? 1) - 1)];
  const rho = spec?.rho ?? NaN;
  const reference = useMemo(() => rhoReference(dh, rho), [dh, rho]);
  const trail = useMemo(() => grad.recent.slice(-TRAIL, -1), [grad.recent]);
  const run = latest?.run;
  const yDomain = useStickyDomain('log', [dh, ...(dc ? [dc] : []), reference], `${run}`);

  // The history's ring is drawn as it is; its colour scale grows with the extremes ever written.
  const heat = grad.T === T ? grad : null;
  const extremes = useMemo(() => Float64Array.of(grad.lo, grad.hi), [grad.lo, grad.hi]);
  const heatDomain = useStickyDomain('log', extremes, `${run}`);

  const clippedIters = useMemo(() => grad.iters.filter((_, k) => grad.clipped[k]), [grad]);
  const ratio = log10Ratio(dh);
  const horizon = memoryHorizon(dh);
  const gateName =
    latest && cellInfo(latest.cell).gates.length > 0 ? `, ${spec?.gate ?? ''} block` : '';
  const markers = cutMarkers(T, latest?.tbptt ?? 0);

  const t = useMemo(() => Float64Array.from({ length: T }, (_, k) => k + 1), [T]);
  const table = useCallback(() => {
    const cols = [t, dh, reference, ...(latest?.dcNorm ? [latest.dcNorm] : [])];
    const heads = ['t', '‖∂L/∂hₜ‖', `ρ^(T−t)·‖∂L/∂h_T‖`, ...(latest?.dcNorm ? ['‖∂L/∂cₜ‖'] : [])];
    return { columns: heads, rows: rowsFromColumns(cols, [(v) => String(v)]) };
  }, [t, dh, reference, latest?.dcNorm]);

  const summary =
    ratio === null
      ? 'No gradient yet.'
      : `The gradient at step 1 is ${formatLog10(ratio, true)} of the gradient at step ${T}.`;

  return (
    <ChartFrame
      title={TITLE}
      className="panel panel-hero"
      id="panel-grad"
      caption="How much of the loss’s gradient reaches each earlier step: a straight falling line on this log axis is exponential vanishing; a rising one is exploding."
      table={table}
      actions={
        <>
          <ExportButtons name={TITLE} table={table} />
          {latest?.dcNorm && (
            <button
              type="button"
              className="chart-button"
              aria-pressed={belt}
              onClick={() => setBelt((b) => !b)}
            >
              Belt ‖∂L/∂cₜ‖
            </button>
          )}
          <button
            type="button"
            className="chart-button"
            disabled={busy || !latest}
            onClick={() => bridge.gradcheck()}
          >
            {busy ? 'Checking…' : 'Check gradients'}
          </button>
        </>
      }
      readouts={
        <dl className="readouts" aria-live="off">
          <div>
            <dt>‖∂L/∂h₁‖ / ‖∂L/∂h_T‖</dt>
            <dd className="num" data-readout="ratio" data-value={ratio ?? undefined}>
              {ratio === null ? '—' : formatLog10(ratio)}
            </dd>
          </div>
          <div>
            <dt>memory horizon (falls below 10⁻⁶)</dt>
            <dd className="num" data-readout="horizon">
              {horizon === null
                ? T > 0
                  ? `≥ ${T - 1} steps`
                  : '—'
                : `${horizon} step${horizon === 1 ? '' : 's'}`}
            </dd>
          </div>
          <div>
            <dt>‖∇L‖ before clipping</dt>
            <dd className="num">
              {latest ? formatSci(latest.preClipNorm) : '—'}
              {latest?.clipped && <span className="badge badge-warn">clipped</span>}
            </dd>
          </div>
          {gradcheck && (
            <div>
              <dt>finite-difference check</dt>
              <dd className="num" data-readout="gradcheck" data-value={gradcheck.maxRelError}>
                max rel. error {formatSci(gradcheck.maxRelError)} over {gradcheck.checked} entries
              </dd>
            </div>
          )}
        </dl>
      }
    >
      <p className="sr-only" aria-live="polite">
        {summary}
      </p>
      <LinePlot
        ariaLabel={TITLE}
        y={dh}
        xStart={1}
        trail={trail}
        reference={latest ? reference : null}
        markers={markers}
        logY
        yDomain={yDomain}
        height={280 * fontScale}
        fontScale={fontScale}
        xLabel="time step t"
        yLabel="‖∂L/∂hₜ‖ (log scale)"
        seriesLabel="‖∂L/∂hₜ‖ latest batch"
        referenceLabel={`ρ^(T−t)·‖∂L/∂h_T‖ (ρ = ${Number.isFinite(rho) ? rho.toFixed(3) : '—'}${gateName})`}
      />
      {dc && (
        <LinePlot
          ariaLabel="Gradient along the LSTM cell state"
          y={dc}
          xStart={1}
          logY
          yDomain={yDomain}
          color="#0072B2"
          height={200 * fontScale}
          fontScale={fontScale}
          xLabel="time step t"
          yLabel="‖∂L/∂cₜ‖ (log scale)"
          seriesLabel="‖∂L/∂cₜ‖ along the belt"
        />
      )}
      {heat !== null && heat.count > 0 && (
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
          newestOnTop
          xStart={1}
          yStart={heat.iters[0] ?? 0}
          yStep={
            heat.count > 1
              ? ((heat.iters[heat.count - 1] ?? 0) - (heat.iters[0] ?? 0)) / (heat.count - 1)
              : 1
          }
          height={170 * fontScale}
          fontScale={fontScale}
          xLabel="time step t"
          yLabel="iteration"
          legendLabel="‖∂L/∂hₜ‖"
          yMarks={clippedIters}
          yMarkLabel="clipping fired"
          yName="iteration"
          xName="t"
          valueName="‖∂L/∂hₜ‖"
        />
      )}
    </ChartFrame>
  );
});
