import { memo, useCallback, useMemo } from 'react';
import { cellInfo } from '../../engine/cells/catalog';
import { BarStrip } from '../../charts/BarStrip';
import { Chain } from '../../charts/Chain';
import { ChartFrame } from '../../charts/ChartFrame';
import { LinePlot } from '../../charts/LinePlot';
import { GATE_COLORS } from '../../charts/colors';
import { formatSci } from '../../charts/format';
import { stickyLogDomain } from '../../charts/scales';
import { useApp } from '../../store/hooks';
import { currentWalk } from '../../store/walk';
import type { BackwardMessage } from '../../worker/protocol';
import { ExportButtons } from '../ExportButtons';
import { StepReadouts } from './StepReadouts';
import { WalkControls } from './WalkControls';
import { walkTable } from './walkTable';
import { announce, power, stepFacts } from './walkFacts';
import './backward.css';

const TITLE = 'Backward pass, one step at a time';
/** Keeps 1 (neither grows nor shrinks) inside the factor chart's axis. */
const ONE = new Float64Array([1]);

/** Step t's rows of a [T][width] array. */
const row = (a: Float64Array, t: number, width: number) => a.subarray((t - 1) * width, t * width);

/** Values of steps t ≥ from, NaN before (not reached yet). */
function revealed(a: Float64Array, from: number): Float64Array {
  const out = a.slice();
  out.fill(NaN, 0, Math.max(0, from - 1));
  return out;
}

/**
 * The walk on screen: the chain of T cells with the gradient's arrows, the vector ∂L/∂hₜ over units,
 * what each step back multiplied it by, and the running product against ρ^(T−t) and σ_max^(T−t).
 */
export const BackwardPanel = memo(function BackwardPanel() {
  const latest = useApp((s) => s.latest);
  const walk = useApp((s) => s.walk);
  const large = useApp((s) => s.view.large);
  const w = currentWalk(walk, latest);
  const fs = large ? 1.4 : 1;
  const table = useCallback(() => walkTable(w, walk.jNorm), [w, walk.jNorm]);
  return (
    <ChartFrame
      title={TITLE}
      className="panel panel-hero"
      id="panel-backward"
      caption="The gradient enters at t = T; each step back multiplies it by Jₜᵀ and adds the loss’s own term there: ∂L/∂hₜ₋₁ = Jₜᵀ ∂L/∂hₜ + ∂ℓₜ₋₁/∂hₜ₋₁."
      table={table}
      actions={<ExportButtons name={TITLE} table={table} />}
      readouts={
        w && (
          <>
            <WalkControls T={w.T} B={w.B} seq={w.seq} />
            <StepReadouts w={w} jNorm={walk.jNorm} t={walk.step} />
          </>
        )
      }
    >
      {w === null ? (
        <p className="walk-waiting" role="status">
          {latest?.running ? 'Pausing training…' : 'Computing the backward pass of this batch…'}
        </p>
      ) : (
        <WalkBody w={w} step={walk.step} jNorm={walk.jNorm} fs={fs} />
      )}
    </ChartFrame>
  );
});

function WalkBody(props: {
  w: BackwardMessage;
  step: number;
  jNorm: Float64Array | null;
  fs: number;
}) {
  const { w, step, jNorm, fs } = props;
  const { T, S, H } = w;
  const t = Math.min(Math.max(1, step), T);
  const sym = cellInfo(w.cell).state.symbol;
  const facts = stepFacts(w, jNorm, t);
  const refs = useMemo(() => {
    const rho = Float64Array.from({ length: T }, (_, k) => power(w.rho, T - k - 1));
    const sigma = Float64Array.from({ length: T }, (_, k) => power(w.sigmaMax, T - k - 1));
    return { rho, sigma, domain: stickyLogDomain(null, [w.product, rho, sigma]) };
  }, [w, T]);
  const factorDomain = useMemo(
    () => stickyLogDomain(null, jNorm ? [w.gain, jNorm, ONE] : [w.gain, ONE]),
    [w, jNorm],
  );
  // The factor of step t → t−1 sits at t; it is shown once the walk has taken it (t > step).
  const factorsShown = useMemo(() => revealed(w.gain, t + 1), [w, t]);
  const jShown = useMemo(() => (jNorm ? revealed(jNorm, t + 1) : null), [jNorm, t]);
  const block = cellInfo(w.cell).gates[w.refGate];
  const blockName = block === undefined ? 'W_hh' : `W_hh’s ${block} block`;
  return (
    <>
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-announce="">
        {announce(facts, sym)}
      </p>
      <Chain
        T={T}
        step={t}
        norms={w.norm}
        factors={w.gain}
        cut={w.cut}
        local={w.local}
        belt={w.beltGain}
        symbol={sym}
        fontScale={fs}
        ariaLabel={`The unrolled chain: the gradient is at step ${t} of ${T}`}
      />
      <p className="walk-note">
        Forward arrows run left to right, the gradient right to left; each arrow it has taken shows
        the factor of that step. ℓ marks the steps the loss scores
        {w.truncate > 0 ? `; ✂ marks where truncation (K = ${w.truncate}) cuts the gradient` : ''}.
        {w.dc !== null &&
          ' For the LSTM the step acts on the state (h, c): the factor is that of the vector stacking ∂L/∂hₜ and the belt’s carry fₜ₊₁ ⊙ ∂L/∂cₜ₊₁; the belt lane shows the belt’s own factor.'}
      </p>
      <div className="walk-grid">
        <div>
          <h3 className="walk-sub">
            ∂L/∂{sym}
            <sub>{t}</sub> over units, sequence {w.seq + 1}: norm {formatSci(facts.norm, 3)}
          </h3>
          <BarStrip
            values={row(w.dh, t, S)}
            kind="signed"
            height={170 * fs}
            yLabel={`∂L/∂${sym}`}
            valueName={`∂L/∂${sym}${t}`}
            ariaLabel={`dL/d${sym} at step ${t} over its ${S} units`}
            fontScale={fs}
          />
          {w.dc && w.forget && (
            <>
              <h3 className="walk-sub">
                ∂L/∂c<sub>{t}</sub> along the belt: norm {formatSci(facts.cellNorm ?? NaN, 3)}
              </h3>
              <BarStrip
                values={row(w.dc, t, H)}
                kind="signed"
                height={170 * fs}
                yLabel="∂L/∂c"
                valueName={`∂L/∂c${t}`}
                ariaLabel={`dL/dc at step ${t} over its ${H} units`}
                fontScale={fs}
              />
              <h3 className="walk-sub">
                Forget gate f<sub>{t}</sub>: the belt multiplies ∂L/∂c<sub>{t}</sub> by it on the
                way to c<sub>{t - 1}</sub>
              </h3>
              <BarStrip
                values={row(w.forget, t, H)}
                kind="unit"
                color={GATE_COLORS.f}
                yLabel="fₜ"
                valueName={`f${t}`}
                ariaLabel={`forget gate at step ${t} over its ${H} units`}
                height={120 * fs}
                fontScale={fs}
              />
            </>
          )}
        </div>
        <div>
          <h3 className="walk-sub">What survives: the product of the factors so far</h3>
          <LinePlot
            ariaLabel="Running product of the step factors against the references"
            y={revealed(w.product, t)}
            xStart={1}
            reference={refs.rho}
            series={[
              {
                y: refs.sigma,
                label: `σ_max^(T−t), σ_max = ${formatSci(w.sigmaMax, 3)}`,
                color: '#CC79A7',
                dashed: true,
              },
            ]}
            logY
            yDomain={refs.domain}
            highlightX={t}
            height={230 * fs}
            fontScale={fs}
            xLabel="time step t"
            yLabel="product (log scale)"
            seriesLabel="Π of the factors from T down to t"
            referenceLabel={`ρ^(T−t), ρ = ${formatSci(w.rho, 3)} (${blockName})`}
          />
          <h3 className="walk-sub">The factor of each step back</h3>
          <LinePlot
            ariaLabel="Factor of each step back and the step Jacobian's norm"
            y={factorsShown}
            xStart={1}
            series={
              jShown
                ? [
                    {
                      y: jShown,
                      label: '‖Jₜ‖₂: the most any direction is stretched',
                      color: '#E69F00',
                      dashed: true,
                    },
                  ]
                : []
            }
            hlines={[{ y: 1, label: '×1' }]}
            logY
            yDomain={factorDomain}
            highlightX={t}
            height={200 * fs}
            fontScale={fs}
            xLabel="step t (the step t → t−1)"
            yLabel="factor (log scale)"
            seriesLabel="‖Jₜᵀu‖/‖u‖: the direction taken"
          />
        </div>
      </div>
    </>
  );
}
