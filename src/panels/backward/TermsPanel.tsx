import { memo, useCallback, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatLog10, formatSci } from '../../charts/format';
import { TermBars } from '../../charts/TermBars';
import { recurrentMatrix, recurrentParams } from '../../engine/cells/catalog';
import { useApp } from '../../store/hooks';
import { currentWalk } from '../../store/walk';
import type { StepTerms } from '../../worker/protocol';
import { ExportButtons } from '../ExportButtons';
import { longRange } from './walkFacts';

const TITLE = 'Each step’s term of the gradient';

/** How a recurrent parameter is written on screen: PyTorch's name, but W_hh for the cell's matrix. */
export function paramLabel(cell: string, name: string): string {
  return name === recurrentMatrix(cell) ? 'W_hh' : name;
}
/** "Long range" in the readout: terms at least this many steps before the end. */
export const LONG_LAG = 10;

function termsTable(p: StepTerms | null, T: number) {
  const columns = [
    't',
    'lag T − t',
    '‖Cₜ‖_F',
    '‖Σ_{s=t..T} Cₛ‖_F',
    ...(p?.blocks ?? []).map((b) => `‖Cₜ‖_F, ${b} rows`),
  ];
  if (p === null) return { columns, rows: [] };
  const G = p.blocks.length;
  const rows: string[][] = [];
  for (let t = T; t >= 1; t--) {
    const blocks = p.blocks.map((_, g) => formatSci(p.blockNorms[(t - 1) * G + g]!, 6));
    rows.push([
      String(t),
      String(T - t),
      formatSci(p.norms[t - 1]!, 6),
      formatSci(p.partial[t - 1]!, 6),
      ...blocks,
    ]);
  }
  return { columns, rows };
}

/**
 * ∂L/∂W_hh = Σₜ Cₜ with Cₜ = Σ_b δₜ h_{t−1}ᵀ: one bar per step, revealed as the walk goes back, with
 * the norm of the sum so far. When the gradient vanishes the long-range bars are orders of magnitude
 * below the short-range ones (Pascanu et al. 2013), so the sum is all short range.
 */
export const TermsPanel = memo(function TermsPanel() {
  const latest = useApp((s) => s.latest);
  const walk = useApp((s) => s.walk);
  const large = useApp((s) => s.view.large);
  const [axis, setAxis] = useState<'step' | 'lag'>('step');
  const [which, setWhich] = useState(0);
  const w = currentWalk(walk, latest);
  const terms = w?.terms ?? [];
  const p = terms[Math.min(which, terms.length - 1)] ?? null;
  const cell = w?.cell ?? latest?.cell ?? 'rnn';
  const theta = p === null ? 'W_hh' : paramLabel(cell, p.name);
  // The terms of a recurrent matrix are outer products δₜ hₜ₋₁ᵀ (the caption says so).
  const matrix = recurrentMatrix(cell) !== null && (p === null || p.name === recurrentMatrix(cell));
  const T = w?.T ?? 0;
  const fs = large ? 1.4 : 1;
  const t = Math.min(Math.max(1, walk.step), Math.max(1, T));
  const table = useCallback(() => termsTable(p, T), [p, T]);
  const lr = p === null ? null : longRange(p.norms, LONG_LAG);
  // What the update does with this gradient: nothing when W_hh is frozen, else clipping's scale.
  const frozen =
    latest !== null &&
    p !== null &&
    (latest.config.freeze === 'all' ||
      (latest.config.freeze === 'recurrent' && recurrentParams(cell).includes(p.name)));
  const clip =
    latest !== null && !frozen && latest.config.clip > 0 && latest.preClipNorm > latest.config.clip
      ? latest.config.clip / (latest.preClipNorm + 1e-6)
      : null;
  return (
    <ChartFrame
      title={TITLE}
      className="panel panel-wide"
      id="panel-terms"
      caption={
        matrix
          ? 'Unrolled, every step uses its own copy of W_hh; ∂L/∂W_hh is the sum of the copies’ gradients Cₜ = Σ_batch δₜ hₜ₋₁ᵀ (δₜ: the gradient at step t’s pre-activations). Bars: ‖Cₜ‖_F; line: the norm of the sum so far.'
          : `Unrolled, every step uses its own copy of ${theta}; ∂L/∂${theta} is the sum of the copies’ gradients Cₜ (over the batch). Bars: ‖Cₜ‖; line: the norm of the sum so far.`
      }
      table={table}
      actions={
        <>
          <ExportButtons name={TITLE} table={table} />
          {terms.length > 1 && (
            <label className="inline-select">
              <span>Parameter</span>
              <select value={String(which)} onChange={(e) => setWhich(Number(e.target.value))}>
                {terms.map((q, k) => (
                  <option key={q.name} value={String(k)}>
                    {paramLabel(cell, q.name)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="chart-button"
            aria-pressed={axis === 'lag'}
            onClick={() => setAxis((a) => (a === 'step' ? 'lag' : 'step'))}
          >
            Lag axis
          </button>
        </>
      }
      readouts={
        p && (
          <dl className="readouts" aria-live="off">
            <div>
              <dt>‖Cₜ‖_F at t = {t}</dt>
              <dd className="num" data-readout="term-now">
                {formatSci(p.norms[t - 1]!, 3)}
              </dd>
            </div>
            <div>
              <dt>
                ‖∂L/∂{theta}‖ (all {T} terms)
              </dt>
              <dd className="num" data-readout="term-total">
                {formatSci(p.partial[0]!, 3)}
              </dd>
            </div>
            <div>
              <dt>Σₜ Cₜ − ∂L/∂{theta}, largest entry</dt>
              <dd className="num" data-readout="term-gap" data-value={p.sumGap}>
                {formatSci(p.sumGap, 2)} of ∂L/∂{theta}’s largest
              </dd>
            </div>
            {lr !== null && (
              <div>
                <dt>largest term at lag ≥ {LONG_LAG} / largest term</dt>
                <dd className="num" data-readout="term-long" data-value={lr}>
                  {lr === 0 ? '0' : formatLog10(Math.log10(lr))}
                </dd>
              </div>
            )}
            {frozen && (
              <div>
                <dt>the update</dt>
                <dd>{theta} is not trained in this run</dd>
              </div>
            )}
            {clip !== null && (
              <div>
                <dt>clipping scales it, before the update, by</dt>
                <dd className="num">×{formatSci(clip, 3)}</dd>
              </div>
            )}
          </dl>
        )
      }
    >
      {p === null ? (
        <p className="walk-waiting">The terms appear with the backward pass.</p>
      ) : (
        <TermBars
          values={p.norms}
          line={p.partial}
          shownFrom={t}
          current={t}
          axis={axis}
          barLabel="‖Cₜ‖_F, step t’s term"
          lineLabel="‖Σ_{s=t..T} Cₛ‖_F, the sum so far"
          yLabel="Frobenius norm (log scale)"
          ariaLabel={`Each step's term of dL/d${theta}`}
          height={240 * fs}
          fontScale={fs}
        />
      )}
    </ChartFrame>
  );
});
