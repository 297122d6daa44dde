import type { ScanWindow } from './ScanTree';
import { fmtC } from './scanText';
import { formatSci } from '../../charts/format';

/** Below this the scan and the sequential recurrence agree (float64, a few roundings per level). */
const TOL = 1e-12;

/**
 * At the last level: the scan's values beside the sequential recurrence's (the engine's traced
 * states, or its dL/dh for the reverse scan) over the window, and the largest difference, for the
 * lane and over every lane of the sequence. Before it, what is left to do.
 */
export function ScanCompare({ d, level, reverse, from, count }: ScanWindow) {
  if (level < d.depth)
    return (
      <p className="walk-note">
        {d.depth - level} level{d.depth - level === 1 ? '' : 's'} to go: at level {d.depth} the
        scan’s values are set beside the sequential recurrence’s.
      </p>
    );
  const lv = reverse ? d.backward : d.forward;
  const k0 = d.depth * d.T;
  const seqRe = reverse ? d.dState : d.state;
  const seqIm = reverse ? d.dStateIm : d.stateIm;
  const lane = reverse ? d.gapBackward : d.gapForward;
  const all = reverse ? d.gapBackwardAll : d.gapForwardAll;
  const what = reverse ? 'dL/dh_t' : 'h_t';
  const ok = lane <= TOL && all <= TOL;
  const ts = Array.from({ length: count }, (_, k) => from + k);
  return (
    <div className="scan-compare">
      <p
        className={ok ? 'scan-ok' : 'scan-bad'}
        data-testid="scan-gap"
        data-value={String(Math.max(lane, all))}
      >
        Scan = sequential recurrence: largest difference {formatSci(lane, 2)} on this lane,{' '}
        {formatSci(all, 2)} over every lane of the sequence (relative to max(1, |{what}|)){' '}
        {ok ? '≤ 10⁻¹² ✔' : '> 10⁻¹² ✘'}
      </p>
      <table className="scan-table">
        <caption>
          {what} at the last level, steps {from + 1}–{from + count}
        </caption>
        <thead>
          <tr>
            <th scope="col">t</th>
            <th scope="col">scan</th>
            <th scope="col">sequential</th>
            <th scope="col">|difference|</th>
          </tr>
        </thead>
        <tbody>
          {ts.map((t) => {
            const sr = lv.b[k0 + t]!;
            const si = lv.bi === null ? null : lv.bi[k0 + t]!;
            const qr = seqRe[t]!;
            const qi = seqIm === null ? null : seqIm[t]!;
            const diff = Math.hypot(sr - qr, si === null || qi === null ? 0 : si - qi);
            return (
              <tr key={t}>
                <th scope="row">{t + 1}</th>
                <td
                  className="num"
                  data-testid={`scan-val-${t + 1}`}
                  data-value={String(sr)}
                  data-im={si === null ? undefined : String(si)}
                >
                  {fmtC(sr, si)}
                </td>
                <td
                  className="num"
                  data-testid={`seq-val-${t + 1}`}
                  data-value={String(qr)}
                  data-im={qi === null ? undefined : String(qi)}
                >
                  {fmtC(qr, qi)}
                </td>
                <td className="num">{diff === 0 ? '0' : formatSci(diff, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
