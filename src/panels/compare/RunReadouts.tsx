import { formatLog10, formatNum, formatSci } from '../../charts/format';
import { VANISHED_RATIO } from '../../charts/colors';
import { log10Ratio, memoryHorizon } from '../gradStats';
import { gradWords } from '../gradWords';
import { RunSwatch } from './RunSwatch';
import type { RunView } from './useRuns';

/**
 * One compact card of readouts per run: the end-to-end gradient ratio, steps back until it vanished,
 * ‖∇L‖ before clipping, the loss (and accuracy), the iteration and the rate. Cards wrap: four side by
 * side on a wide screen, stacked on a phone.
 */
export function RunReadouts({ runs }: { runs: readonly RunView[] }) {
  return (
    <ul className="run-readouts" aria-label="Readouts per run">
      {runs.map((r) => {
        const s = r.training.latest;
        const dh = s?.dhNorm;
        // Attention (measureFrom 'earlier') has no "steps until vanished": its gradient is no product.
        const earlier = s ? gradWords(s.cell).earlier : false;
        const ratio = dh ? log10Ratio(dh, earlier) : null;
        const horizon = dh && !earlier ? memoryHorizon(dh, VANISHED_RATIO) : null;
        const T = s?.T ?? 0;
        return (
          <li key={r.index} data-run={r.index}>
            <p className="run-readouts-name">
              <RunSwatch run={r} />
              <span className="run-readouts-label">{r.name}</span>
              {r.training.diverged && (
                <span className="badge badge-warn">
                  diverged at iteration {r.training.diverged.iteration}
                </span>
              )}
            </p>
            <dl className="readouts">
              <div>
                <dt>{earlier ? '‖∂L/∂e₁‖ / largest, t < T' : '‖∂L/∂h₁‖ / ‖∂L/∂h_T‖'}</dt>
                <dd className="num" data-readout="ratio" data-value={ratio ?? undefined}>
                  {ratio === null ? (dh && dh[0] === 0 ? '0' : '—') : formatLog10(ratio)}
                </dd>
              </div>
              <div>
                <dt>steps until vanished</dt>
                <dd className="num" data-readout="horizon">
                  {earlier
                    ? 'no product: —'
                    : horizon === null
                      ? T > 0
                        ? `none in ${T - 1}`
                        : '—'
                      : String(horizon)}
                </dd>
              </div>
              <div>
                <dt>‖∇L‖</dt>
                <dd className="num">
                  {s ? formatSci(s.preClipNorm) : '—'}
                  {s?.clipped && <span className="badge badge-warn">clipped</span>}
                </dd>
              </div>
              <div>
                <dt>loss</dt>
                <dd className="num" data-readout="loss">
                  {s ? formatSci(s.loss) : '—'}
                </dd>
              </div>
              {s?.accuracy !== null && s?.accuracy !== undefined && (
                <div>
                  <dt>accuracy</dt>
                  <dd className="num">{formatNum(100 * s.accuracy, 1)} %</dd>
                </div>
              )}
              <div>
                <dt>iteration</dt>
                <dd className="num" data-readout="iteration">
                  {s?.iteration ?? 0}
                </dd>
              </div>
              <div>
                <dt>it/s</dt>
                <dd className="num" data-readout="rate">
                  {s && s.stepsPerSecond > 0 ? formatNum(s.stepsPerSecond, 1) : '—'}
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
