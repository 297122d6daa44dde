import { formatSci } from '../../charts/format';
import { cellInfo } from '../../engine/cells/catalog';
import type { BackwardMessage } from '../../worker/protocol';
import { stepFacts } from './walkFacts';

/** The numbers of the step on screen, each from the worker's walk (walkFacts.ts). */
export function StepReadouts(props: { w: BackwardMessage; jNorm: Float64Array | null; t: number }) {
  const { w, jNorm } = props;
  const t = Math.min(Math.max(1, props.t), w.T);
  const f = stepFacts(w, jNorm, t);
  const sym = cellInfo(w.cell).state.symbol;
  const direct = w.arcs !== null;
  const moved = !f.arrived
    ? 'the loss’s gradient enters here'
    : direct
      ? 'every later position, in one hop (the arcs)'
      : f.cut
        ? 'cut by truncation: nothing carried back'
        : `×${formatSci(f.factor, 3)}`;
  return (
    <dl className="readouts" aria-live="off">
      <div>
        <dt>step</dt>
        <dd className="num" data-readout="walk-step" data-value={t}>
          t = {t} of {w.T} (lag {w.T - t})
        </dd>
      </div>
      <div>
        <dt>
          ‖∂L/∂{sym}ₜ‖, sequence {w.seq + 1}
        </dt>
        <dd className="num" data-readout="walk-norm" data-value={f.norm}>
          {formatSci(f.norm, 3)}
        </dd>
      </div>
      <div>
        <dt>moved here from t + 1 by</dt>
        <dd className="num" data-readout="walk-factor" data-value={f.factor}>
          {moved}
        </dd>
      </div>
      {f.arrived && !f.cut && !direct && (
        <div>
          <dt>‖Jₜ₊₁‖₂ (at most)</dt>
          <dd className="num" data-readout="walk-jnorm" data-value={f.jNorm}>
            {Number.isNaN(f.jNorm) ? 'computing…' : formatSci(f.jNorm, 3)}
          </dd>
        </div>
      )}
      {f.beltFactor !== null && !f.cut && (
        <div>
          <dt>belt factor ‖fₜ₊₁ ⊙ ∂L/∂cₜ₊₁‖/‖∂L/∂cₜ₊₁‖</dt>
          <dd className="num">×{formatSci(f.beltFactor, 3)}</dd>
        </div>
      )}
      {f.local > 0 && f.arrived && (
        <div>
          <dt>+ the loss’s own term here</dt>
          <dd className="num">{formatSci(f.local, 3)}</dd>
        </div>
      )}
      {!direct && (
        <div>
          <dt>Π of the factors, T down to t</dt>
          <dd className="num" data-readout="walk-product" data-value={f.product}>
            {formatSci(f.product, 3)}
          </dd>
        </div>
      )}
      {Number.isFinite(w.rho) && (
        <div>
          <dt>ρ^(T−t) · σ_max^(T−t)</dt>
          <dd className="num">
            {formatSci(f.rhoPow, 3)} · {formatSci(f.sigmaPow, 3)}
          </dd>
        </div>
      )}
    </dl>
  );
}
