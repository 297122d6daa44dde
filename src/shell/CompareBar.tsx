import { useMemo } from 'react';
import { formatNum } from '../charts/format';
import { useApp, useBridge } from '../store/hooks';
import { MAX_RUNS } from '../worker/runsProtocol';
import { batchAgreement } from '../panels/compare/batches';
import { RunSwatch } from '../panels/compare/RunSwatch';
import { runLetter } from '../panels/compare/runLabels';
import { useRuns } from '../panels/compare/useRuns';

/**
 * The runs of a comparison: pick the one the settings, spectrum, belt and hidden-state panels show,
 * add or remove runs, and see that every run trains on the same batches at the same rate. Hidden
 * when there is one run. `compact` (embeds) leaves out adding and removing.
 */
export function CompareBar({ compact = false }: { compact?: boolean }) {
  const runs = useRuns();
  const pick = useApp((s) => s.view.run);
  const layout = useApp((s) => s.layout);
  const bridge = useBridge();
  const histories = useMemo(() => runs.map((r) => r.training.loss), [runs]);
  const agree = useMemo(() => batchAgreement(histories), [histories]);
  if (runs.length < 2) return null;
  const rates = runs.map((r) => r.training.latest?.stepsPerSecond ?? 0).filter((x) => x > 0);
  const total = rates.reduce((a, b) => a + b, 0);
  return (
    <section className="compare-bar panel-wide" aria-labelledby="compare-bar-title">
      <h2 id="compare-bar-title">Comparing {runs.length} runs</h2>
      <fieldset className="run-picker">
        <legend>Settings, spectrum, belt and hidden state show run</legend>
        {runs.map((r) => (
          <div key={r.index} className={pick === r.index ? 'run-chip picked' : 'run-chip'}>
            <label>
              <input
                type="radio"
                name="picked-run"
                checked={pick === r.index}
                onChange={() => bridge.pickRun(r.index)}
              />
              <RunSwatch run={r} />
              <span>{r.name}</span>
            </label>
            {!compact && (
              <button
                type="button"
                className="chart-button run-remove"
                aria-label={`Remove run ${runLetter(r.index)}`}
                title={`Remove run ${runLetter(r.index)} (every run restarts)`}
                onClick={() => bridge.removeRun(r.index)}
              >
                ×
              </button>
            )}
          </div>
        ))}
      </fieldset>
      {!compact && (
        <div className="compare-actions">
          <button
            type="button"
            className="btn"
            disabled={runs.length >= MAX_RUNS}
            onClick={() => bridge.addRun()}
            title="A copy of the picked run; change its settings in the Settings column"
          >
            Add run
          </button>
          <button type="button" className="btn" onClick={() => bridge.stopComparing()}>
            Keep run {runLetter(pick)} only
          </button>
        </div>
      )}
      <p className="compare-status" data-readout="batches" data-checked={agree.checked}>
        Same task, T, batch and seed for every run:{' '}
        {agree.checked === 0
          ? 'the same batches, checked once they train.'
          : agree.differ === 0
            ? `the same batch at each of ${agree.checked} iterations checked ✓.`
            : `batches differ at ${agree.differ} of ${agree.checked} iterations.`}{' '}
        {rates.length > 0 &&
          `${formatNum(total / rates.length, 1)} iterations/s per run, ${formatNum(total, 1)} in all. `}
        {layout &&
          `${layout.runs} runs in ${layout.workers} worker${layout.workers === 1 ? '' : 's'} (${
            layout.cores === null ? 'cores not reported' : `${layout.cores} cores reported`
          }).`}
      </p>
    </section>
  );
}
