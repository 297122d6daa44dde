import { memo, useCallback, useMemo } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { ComplexPlane } from '../charts/ComplexPlane';
import { DecayHistogram } from '../charts/DecayHistogram';
import { HeatCanvas } from '../charts/HeatCanvas';
import { rowsFromColumns } from '../charts/DataTable';
import { formatNum } from '../charts/format';
import { useApp } from '../store/hooks';
import type { Snapshot } from '../worker/protocol';
import { ExportButtons } from './ExportButtons';
import { cellHas } from '../engine/cells/catalog';
import { cellPageText } from '../engine/cells/pageTexts';
import { useFitScale } from '../charts/fit';

/** A cell without a family's texts (never shown: the classic cells draw W_hh's spectrum). */
const MISSING = { title: 'Spectrum', caption: '', symbol: '' };

/** α above the diagonal is masked: NaN draws transparent. */
function maskedAlpha(values: Float64Array, n: number): Float64Array {
  const out = values.slice();
  for (let q = 0; q < n; q++) for (let k = q + 1; k < n; k++) out[q * n + k] = NaN;
  return out;
}

function pct(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(0)} %` : '—';
}

/** What a newer family shows in place of W_hh's spectrum (the frame of worker/familyFrame.ts). */
export const FamilySpectrumPanel = memo(function FamilySpectrumPanel({ s }: { s: Snapshot }) {
  const large = useApp((st) => st.view.large);
  const fit = useFitScale();
  const config = useApp((st) => st.config);
  const f = s.family!;
  const text = cellPageText(s.cell)?.spectrum ?? MISSING;
  const fs = large ? 1.4 : 1;
  const lambda = f.lambda;
  const alpha = f.alpha;
  const masked = useMemo(() => (alpha ? maskedAlpha(alpha.values, alpha.n) : null), [alpha]);
  const decays = f.decays;

  const table = useCallback(() => {
    if (lambda) {
      const mod = lambda.re.map((re, k) => Math.hypot(re, lambda.im[k] as number));
      const mod0 = lambda.re0.map((re, k) => Math.hypot(re, lambda.im0[k] as number));
      return {
        columns: ['Re λ', 'Im λ', '|λ|', 'Re λ as set', 'Im λ as set', '|λ| as set'],
        rows: rowsFromColumns(
          [lambda.re, lambda.im, mod, lambda.re0, lambda.im0, mod0],
          [formatNum],
        ),
      };
    }
    if (alpha) {
      const rows = Array.from({ length: alpha.n }, (_, q) => [
        String(q * alpha.pool + 1),
        ...Array.from({ length: alpha.n }, (_, k) =>
          k <= q ? formatNum(alpha.values[q * alpha.n + k] as number, 4) : '',
        ),
      ]);
      return {
        columns: [
          'query t',
          ...Array.from({ length: alpha.n }, (_, k) => `key ${k * alpha.pool + 1}`),
        ],
        rows,
      };
    }
    if (decays) {
      const share = decays.counts.map((c) => (decays.total > 0 ? c / decays.total : 0));
      const from = decays.counts.map((_, k) =>
        Math.exp(-(10 ** (decays.lo + (k + 1) * decays.step))),
      );
      const to = decays.counts.map((_, k) => Math.exp(-(10 ** (decays.lo + k * decays.step))));
      return {
        columns: [`${text.symbol} from`, 'to', 'count', 'share'],
        rows: rowsFromColumns(
          [from, to, decays.counts, share],
          [(v) => formatNum(v, 8), (v) => formatNum(v, 8), String, formatNum],
        ),
      };
    }
    return { columns: [], rows: [] };
  }, [lambda, alpha, decays, text.symbol]);

  const rmax = lambda
    ? Math.max(...lambda.re.map((re, k) => Math.hypot(re, lambda.im[k] as number)))
    : NaN;
  const rmin = lambda
    ? Math.min(...lambda.re.map((re, k) => Math.hypot(re, lambda.im[k] as number)))
    : NaN;
  const ring = cellHas(s.cell, 'ring')
    ? { rMin: config.rmin, rMax: config.rmax, maxPhase: config.phase }
    : null;

  return (
    <ChartFrame
      title={text.title}
      className="panel"
      id="panel-spectrum"
      caption={text.caption}
      table={table}
      actions={<ExportButtons name={text.title} table={table} />}
      readouts={
        <dl className="readouts">
          {lambda && (
            <>
              <div>
                <dt>largest |λ|</dt>
                <dd className="num" data-readout="lambda-max">
                  {formatNum(rmax, 4)}
                </dd>
              </div>
              <div>
                <dt>smallest |λ|</dt>
                <dd className="num">{formatNum(rmin, 4)}</dd>
              </div>
              <div>
                <dt>ring as set</dt>
                <dd className="num">
                  {formatNum(config.rmin, 3)} ≤ |λ| ≤ {formatNum(config.rmax, 3)}, arg ≤{' '}
                  {formatNum(config.phase, 3)}
                </dd>
              </div>
            </>
          )}
          {decays && (
            <>
              <div>
                <dt>median {text.symbol}</dt>
                <dd className="num" data-readout="decay-median">
                  {formatNum(decays.median, 4)}
                </dd>
              </div>
              <div>
                <dt>{text.symbol} ≥ 0.99</dt>
                <dd className="num" data-readout="decay-99">
                  {pct(decays.above99)}
                </dd>
              </div>
              <div>
                <dt>outlasts all {s.T} steps (a^T ≥ 10⁻³)</dt>
                <dd className="num" data-readout="decay-holds">
                  {pct(decays.holdsT)}
                </dd>
              </div>
            </>
          )}
          {alpha && (
            <div>
              <dt>last position’s largest α</dt>
              <dd className="num" data-readout="alpha-max">
                {formatNum(Math.max(...alpha.last), 3)}
              </dd>
            </div>
          )}
        </dl>
      }
    >
      <p className="sr-only" data-summary>
        {lambda
          ? `${lambda.re.length} eigenvalues λ, all inside the unit circle: |λ| from ${formatNum(rmin, 4)} to ${formatNum(rmax, 4)}.`
          : decays
            ? `${decays.total} per-step decays; median ${formatNum(decays.median, 4)}; ${pct(decays.above99)} at or above 0.99; ${pct(decays.holdsT)} would keep a value over all ${s.T} steps.`
            : alpha
              ? `Attention weights of ${s.T} queries over ${s.T} keys; the last position’s largest weight is ${formatNum(Math.max(...alpha.last), 3)}.`
              : ''}
      </p>
      {lambda && (
        <ComplexPlane
          ariaLabel={text.title}
          re={lambda.re}
          im={lambda.im}
          rho={rmax}
          ghost={{ re: lambda.re0, im: lambda.im0 }}
          ring={ring}
          maxSize={Math.round(380 * (large ? 1.3 : 1) * fit)}
          fontScale={fs}
        />
      )}
      {decays && (
        <DecayHistogram
          ariaLabel={`${text.title}: distribution`}
          counts={decays.counts}
          lo={decays.lo}
          step={decays.step}
          T={s.T}
          symbol={text.symbol}
          initRange={ring ? [ring.rMin, ring.rMax] : null}
          initLabel={
            ring ? `init ring ${formatNum(ring.rMin, 3)}–${formatNum(ring.rMax, 3)}` : undefined
          }
          height={Math.round(220 * fs * fit)}
          fontScale={fs}
        />
      )}
      {alpha && masked && (
        <HeatCanvas
          ariaLabel={text.title}
          values={masked}
          rows={alpha.n}
          cols={alpha.n}
          mode="log"
          domain={[1e-4, 1]}
          vanishedBelow={0}
          xStart={1}
          yStart={1}
          yStep={alpha.pool}
          height={Math.round(Math.min(420, 80 + alpha.n * 3) * (large ? 1.3 : 1) * fit)}
          fontScale={fs}
          xLabel={alpha.pool > 1 ? `key s (blocks of ${alpha.pool} steps)` : 'key s'}
          yLabel="query t"
          legendLabel="α_t,s (log scale)"
          xName="s"
          yName="t"
          valueName="α"
        />
      )}
    </ChartFrame>
  );
});
