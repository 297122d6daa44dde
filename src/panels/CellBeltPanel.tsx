import { memo, useCallback, useMemo, useState } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { ExportButtons } from './ExportButtons';
import { Belt } from '../charts/Belt';
import { suggestedBeltSteps } from '../charts/beltModel';
import { useChartWidth } from '../charts/useChartWidth';
import { LinePlot } from '../charts/LinePlot';
import { rowsFromColumns } from '../charts/DataTable';
import { formatNum } from '../charts/format';
import { useApp, useBridge } from '../store/hooks';
import { beltColumns, beltVariant } from './beltColumns';
import { autoUnit, autoUnitLabel } from './gradStats';

const WINDOW = 20;
const TITLES = {
  lstm: 'Conveyor belt (LSTM cell state)',
  gru: 'Conveyor belt (GRU update gate)',
  rnn: 'Chain of step Jacobians (no belt)',
} as const;
const CAPTIONS = {
  lstm: 'The cell state c runs left to right; each step multiplies it by the forget gate f and adds i⊙g. The band below is ‖∂L/∂cₜ‖, the total derivative (the belt and every other path).',
  gru: 'The GRU keeps z of the old state at each step and adds (1 − z)⊙n: the update gate z plays the forget gate’s role.',
  rnn: 'Without a belt, every step back multiplies the gradient by the step Jacobian J_t. The norm of a product is at most the product of the norms ‖J_t‖, so norms below 1 make the gradient vanish; norms above 1 do not make it explode unless the stretched directions line up.',
} as const;

function mean(a: Float64Array | null | undefined): number {
  if (!a || a.length === 0) return NaN;
  let s = 0;
  for (const v of a) s += v;
  return s / a.length;
}

/** One sentence of what the belt shows now, for screen readers. */
function beltSummary(
  variant: 'lstm' | 'gru' | 'rnn',
  d: ReturnType<typeof beltColumns>,
  unit: number,
): string {
  const T = d.state.length;
  if (variant === 'lstm') {
    return `Unit ${unit}: cell state goes from ${formatNum(d.state[0] ?? NaN)} at step 1 to ${formatNum(d.state[T - 1] ?? NaN)} at step ${T}; mean forget gate ${formatNum(mean(d.f))}, mean input gate ${formatNum(mean(d.i))}, mean output gate ${formatNum(mean(d.o))}.`;
  }
  if (variant === 'gru')
    return `Unit ${unit}: mean update gate z ${formatNum(mean(d.z))} over ${T} steps.`;
  return `Mean step-Jacobian norm ${formatNum(mean(d.jacobianNorms))} over ${T} steps: the gradient is multiplied by about this much per step.`;
}

/** The LSTM belt with live gate values for one unit; the GRU's z belt; the RNN's Jacobian chain. */
export const CellBeltPanel = memo(function CellBeltPanel() {
  const latest = useApp((s) => s.latest);
  const unitPick = useApp((s) => s.unit);
  const analysis = useApp((s) => s.analysis);
  const large = useApp((s) => s.view.large);
  const bridge = useBridge();
  const T = latest?.T ?? 0;
  const H = latest?.H ?? 0;
  const variant = latest ? beltVariant(latest.cell) : 'rnn';
  // As many steps as leave room to print every gate value (fewer in large type).
  const [boxRef, width] = useChartWidth<HTMLDivElement>();
  const size = Math.min(T, width > 0 ? suggestedBeltSteps(width, large ? 1.4 : 1) : WINDOW);
  // null = follow the newest steps; a brush move pins the window.
  const [start, setStart] = useState<number | null>(null);
  const s0 = start === null ? Math.max(0, T - size) : Math.min(start, Math.max(0, T - size));

  const unit = useMemo(() => {
    if (!latest) return 0;
    if (unitPick !== null && unitPick < H) return unitPick;
    return autoUnit(latest);
  }, [latest, unitPick, H]);
  const data = useMemo(() => (latest ? beltColumns(latest, unit) : null), [latest, unit]);

  const table = useCallback(() => {
    if (!data) return { columns: ['t'], rows: [] };
    const entries = Object.entries(data).filter(
      (e): e is [string, Float64Array] => e[1] instanceof Float64Array,
    );
    const t = Float64Array.from({ length: T }, (_, k) => k + 1);
    return {
      columns: ['t', ...entries.map(([k]) => k)],
      rows: rowsFromColumns([t, ...entries.map(([, v]) => v)], [String]),
    };
  }, [data, T]);

  const curves = analysis && analysis.iteration === latest?.iteration ? analysis : null;
  const tAxis = useMemo(() => Float64Array.from({ length: T }, (_, k) => k + 1), [T]);
  // Same unit on both curves: the belt promises Π f on the diagonal; the full derivative may differ.
  const beltCmp = useMemo(() => {
    if (!curves || curves.kind !== 'belt') return null;
    const { beltProduct, fullDiag } = curves.curves;
    if (!beltProduct || !fullDiag) return null;
    const col = (a: Float64Array) =>
      Float64Array.from({ length: T }, (_, t) => Math.abs(a[t * H + unit] as number));
    return { belt: col(beltProduct), full: col(fullDiag) };
  }, [curves, T, H, unit]);

  return (
    <ChartFrame
      title={TITLES[variant]}
      className="panel"
      id="panel-belt"
      caption={CAPTIONS[variant]}
      table={table}
      actions={
        <>
          <ExportButtons name={TITLES[variant]} table={table} />
          {H > 1 && (
            <label className="inline-select">
              <span>Unit</span>
              <select
                value={unitPick === null ? 'auto' : String(unitPick)}
                onChange={(e) =>
                  bridge.setUnit(e.target.value === 'auto' ? null : Number(e.target.value))
                }
              >
                <option value="auto">
                  {autoUnitLabel(latest?.cell ?? 'rnn')} (unit {unit})
                </option>
                {Array.from({ length: H }, (_, j) => (
                  <option key={j} value={j}>
                    unit {j}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="chart-button"
            disabled={!latest}
            onClick={() => bridge.analyze(variant === 'lstm' ? 'belt' : 'jacobian')}
          >
            {variant === 'lstm' ? 'Belt vs full' : 'Jacobian products'}
          </button>
        </>
      }
    >
      {latest?.holdForget !== null && latest?.holdForget !== undefined && variant === 'lstm' && (
        <p className="notice notice-teach" role="note">
          Teaching override: the forget gate is held at f ≡ {formatNum(latest.holdForget)} for every
          unit and step (not normal training).
        </p>
      )}
      <p className="sr-only" data-summary>
        {data && latest ? beltSummary(variant, data, unit) : 'No belt yet.'}
      </p>
      <div ref={boxRef}>
        {data && latest ? (
          <Belt
            ariaLabel={TITLES[variant]}
            variant={variant}
            {...data}
            windowStart={s0}
            windowEnd={s0 + size}
            onWindowChange={(a) => setStart(a)}
            unitLabel={`unit ${unit}`}
            animate
            fontScale={large ? 1.4 : 1}
          />
        ) : (
          <p className="chart-empty">Waiting for the first snapshot…</p>
        )}
      </div>
      {beltCmp && (
        <LinePlot
          ariaLabel="Belt product against the full derivative"
          x={tAxis}
          y={beltCmp.full}
          reference={beltCmp.belt}
          logY
          height={190}
          xLabel="time step t"
          yLabel={`|∂c_T/∂cₜ| unit ${unit} (log)`}
          seriesLabel="full derivative (all paths: belt, h and gates)"
          referenceLabel="belt path alone Π f"
        />
      )}
      {curves && curves.kind === 'jacobian' && (
        <LinePlot
          ariaLabel="Jacobian products against the rho and sigma references"
          x={tAxis}
          y={curves.prodNorm}
          trail={[curves.sigmaRef]}
          trailLabel="σ_max^(T−t)"
          reference={curves.rhoRef}
          logY
          height={190}
          xLabel="time step t"
          yLabel="‖∂h_T/∂hₜ‖ (log scale)"
          seriesLabel="‖∂h_T/∂hₜ‖"
          referenceLabel="ρ^(T−t)"
        />
      )}
    </ChartFrame>
  );
});
