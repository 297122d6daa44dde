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
import { beltSummary, beltText } from './beltText';
import { LazyAttentionArcs, useFamilyUi } from './lazyFamily';
import { autoUnit, autoUnitLabel } from './gradStats';

const WINDOW = 20;

/** Where the last position looks: its three largest weights, for screen readers. */
function arcsSummary(alpha: Float64Array): string {
  const top = Array.from(alpha, (a, t) => ({ a, t: t + 1 }))
    .sort((x, y) => y.a - x.a)
    .slice(0, 3)
    .map((x) => `step ${x.t} (${formatNum(x.a, 3)})`);
  return `The last position reads most from ${top.join(', ')}; every arc is one hop.`;
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
  const variant = latest ? beltVariant(latest.cell) : 'chain';
  const fam = useFamilyUi(variant === 'decay' || variant === 'arcs');
  const text = beltText(variant, fam?.familyBeltText(latest?.cell ?? 'rnn') ?? null);
  const arcs = variant === 'arcs' ? (latest?.family?.alpha?.last ?? null) : null;
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
  const data = useMemo(
    () => (latest && variant !== 'arcs' ? beltColumns(latest, unit) : null),
    [latest, unit, variant],
  );

  const table = useCallback(() => {
    const t = Float64Array.from({ length: T }, (_, k) => k + 1);
    if (arcs !== null)
      return {
        columns: ['t', 'α_T,t', 'gradient norm at t'],
        rows: rowsFromColumns([t, arcs, latest?.dhNorm ?? new Float64Array(T)], [String]),
      };
    if (!data) return { columns: ['t'], rows: [] };
    const entries = Object.entries(data).filter(
      (e): e is [string, Float64Array] => e[1] instanceof Float64Array,
    );
    // A diagonal recurrence's valve, inlet and hover values are named columns.
    for (const c of [data.decay, data.write, ...(data.extra ?? [])])
      if (c) entries.push([c.name, c.values]);
    return {
      columns: ['t', ...entries.map(([k]) => k)],
      rows: rowsFromColumns([t, ...entries.map(([, v]) => v)], [String]),
    };
  }, [data, arcs, latest?.dhNorm, T]);

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
      title={text.title}
      className="panel"
      id="panel-belt"
      caption={text.caption}
      table={table}
      actions={
        <>
          <ExportButtons name={text.title} table={table} />
          {H > 1 && variant !== 'arcs' && (
            <label className="inline-select">
              <span>Unit</span>
              <select
                value={unitPick === null ? 'auto' : String(unitPick)}
                onChange={(e) =>
                  bridge.setUnit(e.target.value === 'auto' ? null : Number(e.target.value))
                }
              >
                <option value="auto">
                  {autoUnitLabel(latest?.cell ?? 'rnn', latest)} (unit {unit})
                </option>
                {Array.from({ length: H }, (_, j) => (
                  <option key={j} value={j}>
                    unit {j}
                  </option>
                ))}
              </select>
            </label>
          )}
          {/* The families' step Jacobians are exactly diagonal: the gradient panel already draws their product. */}
          {(variant === 'cellState' || variant === 'update' || variant === 'chain') && (
            <button
              type="button"
              className="chart-button"
              disabled={!latest}
              onClick={() => bridge.analyze(variant === 'cellState' ? 'belt' : 'jacobian')}
            >
              {variant === 'cellState' ? 'Belt vs full' : 'Jacobian products'}
            </button>
          )}
        </>
      }
    >
      {latest?.holdForget !== null &&
        latest?.holdForget !== undefined &&
        variant === 'cellState' && (
          <p className="notice notice-teach" role="note">
            Teaching override: the forget gate is held at f ≡ {formatNum(latest.holdForget)} for
            every unit and step (not normal training).
          </p>
        )}
      <p className="sr-only" data-summary>
        {arcs !== null
          ? arcsSummary(arcs)
          : data && latest
            ? beltSummary(variant, data, unit)
            : 'No belt yet.'}
      </p>
      <div ref={boxRef}>
        {arcs !== null ? (
          <LazyAttentionArcs ariaLabel={text.title} alpha={arcs} fontScale={large ? 1.4 : 1} />
        ) : data && latest && variant !== 'arcs' ? (
          <Belt
            ariaLabel={text.title}
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
