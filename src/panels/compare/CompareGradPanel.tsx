import { memo, useCallback, useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { OverlayPlot, type OverlaySeries } from '../../charts/OverlayPlot';
import { rowsFromColumns } from '../../charts/DataTable';
import { formatLog10 } from '../../charts/format';
import { useApp } from '../../store/hooks';
import { ExportButtons } from '../ExportButtons';
import { log10Ratio } from '../gradStats';
import { useStickyDomain } from '../useSticky';
import { RunReadouts } from './RunReadouts';
import { useRuns } from './useRuns';
import { useFitScale } from '../../charts/fit';

const TITLE = 'Gradient through time';
const EMPTY = new Float64Array(0);

/**
 * The hero of a comparison: every run's ‖∂L/∂hₜ‖ on one log axis (same batch, same iteration), one
 * colour and dash pattern per run, and a card of readouts per run.
 */
export const CompareGradPanel = memo(function CompareGradPanel() {
  const runs = useRuns();
  const large = useApp((s) => s.view.large);
  const fit = useFitScale();
  const fontScale = large ? 1.4 : 1;
  const cols = useMemo(() => runs.map((r) => r.training.latest?.dhNorm ?? EMPTY), [runs]);
  const T = Math.max(0, ...cols.map((c) => c.length));
  const gens = runs.map((r) => r.training.latest?.run ?? 0).join(',');
  // A diverged run's last finite gradient can reach 10³⁰⁰: the axis fits the other runs (it starts
  // afresh when a run diverges), and the diverged run's line leaves it, clipped.
  const onAxis = useMemo(() => {
    const live = runs.flatMap((r, k) => (r.training.diverged ? [] : [cols[k]!]));
    return live.length > 0 ? live : cols;
  }, [runs, cols]);
  const diverged = runs.map((r) => (r.training.diverged ? 1 : 0)).join('');
  const yDomain = useStickyDomain('log', onAxis, `${gens}-${diverged}`);

  const series = useMemo<OverlaySeries[]>(
    () => runs.map((r, k) => ({ label: r.name, y: cols[k]!, color: r.color, dash: r.dash })),
    [runs, cols],
  );

  const table = useCallback(() => {
    const t = Float64Array.from({ length: T }, (_, k) => k + 1);
    return {
      columns: ['t', ...runs.map((r) => `‖∂L/∂hₜ‖ ${r.name}`)],
      rows: rowsFromColumns([t, ...cols], [String]),
    };
  }, [T, runs, cols]);

  const summary = runs
    .map((r) => {
      const ratio = r.training.latest ? log10Ratio(r.training.latest.dhNorm) : null;
      return ratio === null
        ? `${r.name}: no gradient yet.`
        : `${r.name}: the gradient at step 1 is ${formatLog10(ratio, true)} of the gradient at step ${T}.`;
    })
    .join(' ');

  return (
    <ChartFrame
      title={TITLE}
      className="panel panel-hero"
      id="panel-grad"
      caption="Each run’s gradient reaching each earlier step, on the same batch at the same iteration: the lower a run’s line at the left, the less of the loss’s gradient reaches the start of the sequence."
      table={table}
      actions={<ExportButtons name={TITLE} table={table} />}
      readouts={<RunReadouts runs={runs} />}
    >
      <p className="sr-only" aria-live="polite">
        {summary}
      </p>
      <OverlayPlot
        ariaLabel={`${TITLE}, ${runs.length} runs`}
        series={series}
        xStart={1}
        logY
        yDomain={yDomain}
        height={Math.round(300 * fontScale * fit)}
        fontScale={fontScale}
        xLabel="time step t"
        yLabel="‖∂L/∂hₜ‖ (log scale)"
      />
    </ChartFrame>
  );
});
