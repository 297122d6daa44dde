import { memo, useCallback, useMemo } from 'react';
import { OverlayPlot, type OverlaySeries } from '../../charts/OverlayPlot';
import { formatNum, formatSci } from '../../charts/format';
import { LossFrame, useLossAxes } from '../LossFrame';
import { hashText } from './batches';
import { useRuns, type RunView } from './useRuns';

const TITLE = 'Loss';

/** Every iteration any run kept, ascending, and where each run kept it. */
function rowsByIteration(runs: readonly RunView[]) {
  const iters = [...new Set(runs.flatMap((r) => Array.from(r.training.loss.iters)))].sort(
    (a, b) => a - b,
  );
  const at = runs.map((r) => {
    const m = new Map<number, number>();
    r.training.loss.iters.forEach((it, k) => m.set(it, k));
    return m;
  });
  return { iters, at };
}

/** Every run's training loss (and accuracy) per iteration, against the task's chance level. */
export const CompareLossPanel = memo(function CompareLossPanel() {
  const runs = useRuns();
  const first = runs.find((r) => r.training.latest !== null)?.training.latest ?? null;
  const chance = first?.chanceLoss ?? NaN;
  const chanceAcc = first?.chanceAccuracy ?? null;
  const gens = runs.map((r) => r.training.latest?.run ?? 0).join(',');
  // A run that diverged climbed to ~10³⁰⁵ first: it leaves the axis at the top (clipped, its card
  // says where it diverged) rather than stretching it and flattening every other run.
  const lossCols = useMemo(() => {
    const live = runs.filter((r) => !r.training.diverged);
    return (live.length > 0 ? live : runs).map((r) => r.training.loss.losses);
  }, [runs]);
  const diverged = runs.map((r) => (r.training.diverged ? 1 : 0)).join('');
  const { logY, yDomain, fontScale, fit, yLabel } = useLossAxes(
    lossCols,
    chance,
    `${gens}-${diverged}`,
  );
  const series = useMemo<OverlaySeries[]>(
    () =>
      runs.map((r) => ({
        label: r.name,
        x: r.training.loss.iters,
        y: r.training.loss.losses,
        color: r.color,
        dash: r.dash,
      })),
    [runs],
  );
  const accSeries = useMemo<OverlaySeries[]>(
    () =>
      runs.map((r) => ({
        label: r.name,
        x: r.training.loss.iters,
        y: r.training.loss.accuracies.map((a) => 100 * a),
        color: r.color,
        dash: r.dash,
      })),
    [runs],
  );
  const n = Math.max(0, ...runs.map((r) => r.training.loss.losses.length));

  const table = useCallback(() => {
    const { iters, at } = rowsByIteration(runs);
    const cell = (r: number, it: number, f: (k: number) => string) => {
      const k = at[r]!.get(it);
      return k === undefined ? '—' : f(k);
    };
    return {
      columns: [
        'iteration',
        ...runs.flatMap((r) => [
          `loss ${r.name}`,
          ...(chanceAcc === null ? [] : [`accuracy (%) ${r.name}`]),
          `‖∇L‖ ${r.name}`,
          `batch ${r.name}`,
        ]),
      ],
      rows: iters.map((it) => [
        String(it),
        ...runs.flatMap((r, j) => {
          const h = r.training.loss;
          return [
            cell(j, it, (k) => formatSci(h.losses[k] as number)),
            ...(chanceAcc === null
              ? []
              : [cell(j, it, (k) => formatNum(100 * (h.accuracies[k] as number), 1))]),
            cell(j, it, (k) => formatSci(h.norms[k] as number)),
            cell(j, it, (k) => hashText(h.hashes[k] as number)),
          ];
        }),
      ]),
    };
  }, [runs, chanceAcc]);

  return (
    <LossFrame
      caption="Each run’s training loss on the same batches; the dashed line is what a net without memory can reach (chance level). The axis fits the runs that did not diverge: a diverged run leaves it at the top."
      table={table}
      summary={
        runs
          .map((r) =>
            r.training.latest
              ? `${r.name}: loss ${formatSci(r.training.latest.loss)} at iteration ${r.training.latest.iteration}.`
              : `${r.name}: no training yet.`,
          )
          .join(' ') + (Number.isFinite(chance) ? ` Chance level ${formatNum(chance)}.` : '')
      }
      trained={n > 0}
    >
      <OverlayPlot
        ariaLabel={`${TITLE}, ${runs.length} runs`}
        series={series}
        logY={logY}
        yDomain={yDomain}
        hlines={
          Number.isFinite(chance) ? [{ y: chance, label: `chance ${formatNum(chance)}` }] : []
        }
        height={Math.round(240 * fontScale * fit)}
        fontScale={fontScale}
        xLabel="iteration"
        yLabel={yLabel}
        xName="iteration"
      />
      {chanceAcc !== null && (
        <OverlayPlot
          ariaLabel={`Accuracy, ${runs.length} runs`}
          series={accSeries}
          yDomain={[0, 100]}
          hlines={[{ y: 100 * chanceAcc, label: `chance ${formatNum(100 * chanceAcc, 1)} %` }]}
          height={Math.round(170 * fontScale * fit)}
          fontScale={fontScale}
          xLabel="iteration"
          yLabel="accuracy (%)"
          xName="iteration"
        />
      )}
    </LossFrame>
  );
});
