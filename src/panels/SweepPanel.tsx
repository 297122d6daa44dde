import { memo, useCallback, useMemo, useState } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { OverlayPlot, type OverlaySeries } from '../charts/OverlayPlot';
import { formatNum, formatSci } from '../charts/format';
import { runStyle } from '../charts/runStyles';
import { useApp, useBridge } from '../store/hooks';
import type { SweepPointMessage } from '../worker/protocol';
import { ExportButtons } from './ExportButtons';
import { runNames } from './compare/runLabels';

const TITLE = 'Sequence-length sweep';
const BUDGETS = [0, 100, 300] as const;

/** ‖∂L/∂h₁‖/‖∂L/∂h_T‖ of a point (0 when the gradient at step 1 underflowed). */
const ratioOf = (p: SweepPointMessage) => (p.dhT > 0 ? p.dh1 / p.dhT : NaN);

const col = (pts: readonly SweepPointMessage[], f: (p: SweepPointMessage) => number) =>
  Float64Array.from(pts, f);

/**
 * How far back the gradient reaches as T grows: for each run's settings, ‖∂L/∂h₁‖/‖∂L/∂h_T‖ at
 * T = 10 … 1000 on a log grid (Bengio et al. 1994; Hochreiter & Schmidhuber 1997), computed in the
 * worker point by point, and optionally the loss after training a fixed budget at each T.
 */
export const SweepPanel = memo(function SweepPanel() {
  const sweep = useApp((s) => s.sweep);
  const large = useApp((s) => s.view.large);
  const bridge = useBridge();
  const [from, setFrom] = useState<'init' | 'current'>('init');
  const [budget, setBudget] = useState<number>(0);
  const fontScale = large ? 1.4 : 1;
  const names = useMemo(() => runNames(sweep.configs), [sweep.configs]);
  const running = sweep.status === 'running';
  const done = sweep.points.reduce((n, p) => n + p.length, 0);
  const total = sweep.grid.length * sweep.configs.length;

  const ratios = useMemo<OverlaySeries[]>(
    () =>
      sweep.points.map((pts, k) => ({
        label: names[k] ?? '',
        x: col(pts, (p) => p.T),
        y: col(pts, ratioOf),
        dots: true,
        ...runStyle(k),
      })),
    [sweep.points, names],
  );
  const trained = useMemo<OverlaySeries[]>(() => {
    if (sweep.budget === 0) return [];
    const runs = sweep.points.map((pts, k) => ({
      label: names[k] ?? '',
      x: col(pts, (p) => p.T),
      y: col(pts, (p) => p.trainedLoss ?? NaN),
      dots: true,
      ...runStyle(k),
    }));
    const first = sweep.points.find((p) => p.length > 0) ?? [];
    const chance = {
      label: 'chance level',
      x: col(first, (p) => p.T),
      y: col(first, (p) => p.chanceLoss),
      color: 'var(--fg-muted)',
      dash: '4 4',
    };
    return [...runs, chance];
  }, [sweep.points, sweep.budget, names]);

  const table = useCallback(() => {
    const withLoss = sweep.budget > 0;
    return {
      columns: [
        'T',
        ...names.flatMap((n) => [
          `‖∂L/∂h₁‖/‖∂L/∂h_T‖ ${n}`,
          ...(withLoss ? [`loss after ${sweep.budget} iterations ${n}`] : []),
        ]),
      ],
      rows: sweep.grid.map((T) => [
        String(T),
        ...sweep.points.flatMap((pts) => {
          const p = pts.find((q) => q.T === T);
          const ratio =
            p === undefined ? '—' : p.dh1 === 0 ? '0 (underflow)' : formatSci(ratioOf(p), 3);
          if (!withLoss) return [ratio];
          const loss =
            p === undefined
              ? '—'
              : p.divergedAt !== null
                ? `diverged at ${p.divergedAt}`
                : formatSci(p.trainedLoss ?? NaN, 3);
          return [ratio, loss];
        }),
      ]),
    };
  }, [sweep, names]);

  return (
    <ChartFrame
      title={TITLE}
      className="panel panel-wide"
      id="panel-sweep"
      caption="Where each run’s memory ends: the fraction of the gradient at step T that reaches step 1, for sequences of 10 to 1000 steps, with each run’s settings. A line falling steeply on these log axes is a gradient that vanishes with length."
      table={sweep.grid.length > 0 ? table : undefined}
      actions={sweep.grid.length > 0 ? <ExportButtons name={TITLE} table={table} /> : undefined}
    >
      <div className="sweep-controls">
        <label className="inline-select">
          <span>Weights</span>
          <select value={from} onChange={(e) => setFrom(e.target.value as 'init' | 'current')}>
            <option value="init">at initialization</option>
            <option value="current">as trained now</option>
          </select>
        </label>
        <label className="inline-select">
          <span>Also train at each T</span>
          <select value={budget} onChange={(e) => setBudget(Number(e.target.value))}>
            {BUDGETS.map((b) => (
              <option key={b} value={b}>
                {b === 0 ? 'no' : `${b} iterations`}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" className="btn" onClick={() => bridge.cancelSweep()}>
            Cancel sweep
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => bridge.startSweep({ from, budget })}
          >
            Run sweep
          </button>
        )}
        <span className="sweep-status" role="status" data-readout="sweep" data-done={done}>
          {sweep.status === 'idle'
            ? 'One forward and backward pass per run and length (more with training).'
            : `${done} of ${total} points${running ? '…' : sweep.status === 'cancelled' ? ', cancelled' : ', done'}`}
        </span>
      </div>
      {sweep.grid.length > 0 && (
        <OverlayPlot
          ariaLabel={`${TITLE}: gradient ratio against sequence length`}
          series={ratios}
          logX
          logY
          xDomain={[sweep.grid[0]!, sweep.grid[sweep.grid.length - 1]!]}
          height={260 * fontScale}
          fontScale={fontScale}
          xLabel="sequence length T (log scale)"
          yLabel="‖∂L/∂h₁‖ / ‖∂L/∂h_T‖ (log)"
          xName="T"
        />
      )}
      {trained.length > 0 && (
        <OverlayPlot
          ariaLabel={`${TITLE}: loss after ${sweep.budget} iterations against sequence length`}
          series={trained}
          logX
          xDomain={[sweep.grid[0]!, sweep.grid[sweep.grid.length - 1]!]}
          height={200 * fontScale}
          fontScale={fontScale}
          xLabel="sequence length T (log scale)"
          yLabel={`loss after ${formatNum(sweep.budget, 0)} iterations`}
          xName="T"
        />
      )}
    </ChartFrame>
  );
});
