import { memo, useCallback, useMemo } from 'react';
import { LinePlot, type LineMarker } from '../charts/LinePlot';
import { rowsFromColumns } from '../charts/DataTable';
import { formatNum, formatSci } from '../charts/format';
import { useApp } from '../store/hooks';
import { LossFrame, useLossAxes } from './LossFrame';

const MAX_CLIP_TICKS = 120;

/** Training loss per iteration against the task's chance level, with clipped iterations ticked. */
export const LossPanel = memo(function LossPanel() {
  const loss = useApp((s) => s.loss);
  const latest = useApp((s) => s.latest);
  const n = loss.losses.length;
  const { logY, yDomain, fontScale, fit, yLabel } = useLossAxes(
    [loss.losses],
    latest ? latest.chanceLoss : NaN,
    `${latest?.run}`,
  );

  const markers = useMemo<LineMarker[]>(() => {
    const out: LineMarker[] = [];
    for (let k = 0; k < n; k++)
      if (loss.clipped[k]) out.push({ x: loss.iters[k] as number, kind: 'tick', label: 'clipped' });
    return out.length > MAX_CLIP_TICKS
      ? out.filter((_, k) => k % Math.ceil(out.length / MAX_CLIP_TICKS) === 0)
      : out;
  }, [loss, n]);

  const hlines = latest
    ? [
        { y: latest.chanceLoss, label: `chance ${formatNum(latest.chanceLoss)}` },
        ...(latest.solvedLoss > 0 && latest.solvedLoss < latest.chanceLoss
          ? [{ y: latest.solvedLoss, label: 'solved' }]
          : []),
      ]
    : [];

  // Classification tasks (chance accuracy defined) also get an accuracy curve, in percent.
  const chanceAcc = latest?.chanceAccuracy ?? null;
  const accPct = useMemo(
    () => (chanceAcc === null ? null : loss.accuracies.map((a) => 100 * a)),
    [loss, chanceAcc],
  );

  const table = useCallback(
    () => ({
      columns: [
        'iteration',
        'loss',
        '‖∇L‖ before clipping',
        'clipped',
        ...(accPct === null ? [] : ['accuracy (%)']),
      ],
      rows: rowsFromColumns(
        [loss.iters, loss.losses, loss.norms, loss.clipped, ...(accPct === null ? [] : [accPct])],
        [String, formatSci, formatSci, (v) => (v ? 'yes' : 'no'), (v) => formatNum(v, 1)],
      ),
    }),
    [loss, accPct],
  );

  return (
    <LossFrame
      caption={
        chanceAcc === null
          ? 'Training loss per iteration; the dashed line is what a net without memory can reach (chance level).'
          : 'Training loss and accuracy per iteration; the dashed lines are what a net without memory can reach (chance level).'
      }
      table={table}
      readouts={
        <dl className="readouts">
          <div>
            <dt>iteration</dt>
            <dd className="num" data-readout="iteration">
              {latest?.iteration ?? 0}
            </dd>
          </div>
          <div>
            <dt>loss</dt>
            <dd className="num" data-readout="loss">
              {latest ? formatSci(latest.loss) : '—'}
            </dd>
          </div>
          {latest?.accuracy !== null && latest?.accuracy !== undefined && (
            <div>
              <dt>accuracy (chance {formatNum((latest.chanceAccuracy ?? 0) * 100, 1)} %)</dt>
              <dd className="num">{formatNum(latest.accuracy * 100, 1)} %</dd>
            </div>
          )}
        </dl>
      }
      summary={
        latest
          ? `Loss ${formatSci(latest.loss)} at iteration ${latest.iteration}; chance level ${formatNum(latest.chanceLoss)}.` +
            (latest.accuracy === null || chanceAcc === null
              ? ''
              : ` Accuracy ${formatNum(100 * latest.accuracy, 1)} %, chance ${formatNum(100 * chanceAcc, 1)} %.`)
          : 'No training yet.'
      }
      trained={n > 0}
    >
      <LinePlot
        ariaLabel="Loss"
        x={loss.iters}
        y={loss.losses}
        logY={logY}
        yDomain={yDomain}
        hlines={hlines}
        markers={markers}
        height={Math.round(230 * fontScale * fit)}
        fontScale={fontScale}
        xLabel="iteration"
        yLabel={yLabel}
        seriesLabel="training loss"
      />
      {accPct !== null && chanceAcc !== null && (
        <LinePlot
          ariaLabel="Accuracy"
          x={loss.iters}
          y={accPct}
          yDomain={[0, 100]}
          hlines={[{ y: 100 * chanceAcc, label: `chance ${formatNum(100 * chanceAcc, 1)} %` }]}
          height={Math.round(150 * fontScale * fit)}
          fontScale={fontScale}
          xLabel="iteration"
          yLabel="accuracy (%)"
          seriesLabel="accuracy on each batch"
          color="#009E73"
        />
      )}
    </LossFrame>
  );
});
