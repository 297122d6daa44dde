import { formatLog10, formatSci } from '../charts/format';
import { VANISHED_RATIO } from '../charts/colors';
import { saturatedFraction } from '../store/lessons/measures';
import { useApp } from '../store/hooks';
import { gradScale, log10Ratio, memoryHorizon, vanishedCount } from './gradStats';
import { gradWords } from './gradWords';

/** Above this fraction of saturated values the panel says what saturation does to the gradient. */
const MOSTLY = 0.5;

/** The gradient panel's numbers: end-to-end ratio, steps until vanished, ‖∇L‖, saturation. */
export function GradReadouts() {
  const latest = useApp((s) => s.latest);
  const gradcheck = useApp((s) => s.gradcheck);
  const T = latest?.T ?? 0;
  const words = gradWords(latest?.cell ?? 'rnn');
  const dh = latest?.dhNorm;
  const ratio = dh ? log10Ratio(dh, words.earlier) : null;
  const horizon = dh ? memoryHorizon(dh, VANISHED_RATIO) : null;
  // Attention: no product over steps, so no "steps back until vanished"; count the steps instead.
  const below = dh && words.earlier ? vanishedCount(dh, gradScale(dh, true)) : null;
  const sat = latest ? saturatedFraction(latest) : null;
  const of = latest?.saturated?.of ?? '';
  const summary =
    ratio === null
      ? 'No gradient yet.'
      : `The gradient at step 1 is ${formatLog10(ratio, true)} of ${words.earlier ? 'the largest gradient before the last step' : `the gradient at step ${T}`}.`;
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {summary}
      </p>
      <dl className="readouts" aria-live="off">
        <div>
          <dt>
            {words.atOne} / {words.earlier ? `largest over t < T` : words.atT}
          </dt>
          <dd className="num" data-readout="ratio" data-value={ratio ?? undefined}>
            {ratio === null ? (dh && dh[0] === 0 ? '0' : '—') : formatLog10(ratio)}
          </dd>
        </div>
        {below === null ? (
          <div>
            <dt>steps back until vanished (&lt; 10⁻³)</dt>
            <dd className="num" data-readout="horizon">
              {horizon === null
                ? T > 0
                  ? `none within ${T - 1}`
                  : '—'
                : `${horizon} step${horizon === 1 ? '' : 's'}`}
            </dd>
          </div>
        ) : (
          <div>
            <dt>steps t &lt; T below 10⁻³ of the largest over t &lt; T</dt>
            <dd className="num" data-readout="below" data-value={below}>
              {below} of {T - 1}
            </dd>
          </div>
        )}
        <div>
          <dt>‖∇L‖ before clipping</dt>
          <dd className="num">
            {latest ? formatSci(latest.preClipNorm) : '—'}
            {latest?.clipped && <span className="badge badge-warn">clipped</span>}
          </dd>
        </div>
        {latest && sat !== null && (
          <div>
            <dt>saturated {of} (|·| &gt; 0.99)</dt>
            <dd className="num" data-readout="saturated" data-value={sat}>
              {(100 * sat).toFixed(0)} %
            </dd>
          </div>
        )}
        {gradcheck && (
          <div>
            <dt>finite-difference check</dt>
            <dd className="num" data-readout="gradcheck" data-value={gradcheck.maxRelError}>
              max rel. error {formatSci(gradcheck.maxRelError)} over {gradcheck.checked} entries
            </dd>
          </div>
        )}
      </dl>
      {latest && sat !== null && sat > MOSTLY && (
        <p className="note" data-note="saturation">
          Most of {of} is saturated, where tanh′ &lt; 0.02: holding a value robustly drives units
          there, and there the gradient dies (Bengio, Simard and Frasconi 1994).
        </p>
      )}
    </>
  );
}
