import { memo, useCallback } from 'react';
import { cellInfo } from '../../engine/cells/catalog';
import { BarStrip } from '../../charts/BarStrip';
import { Chain } from '../../charts/Chain';
import { ChartFrame } from '../../charts/ChartFrame';
import { GATE_COLORS } from '../../charts/colors';
import { formatSci } from '../../charts/format';
import { useApp } from '../../store/hooks';
import { currentWalk } from '../../store/walk';
import type { BackwardMessage } from '../../worker/protocol';
import { ExportButtons } from '../ExportButtons';
import { StepReadouts } from './StepReadouts';
import { WalkCharts } from './WalkCharts';
import { WalkControls } from './WalkControls';
import { walkTable } from './walkTable';
import { announce, stepFacts } from './walkFacts';
import './backward.css';

const TITLE = 'Backward pass, one step at a time';

/** Step t's rows of a [T][width] array. */
const row = (a: Float64Array, t: number, width: number) => a.subarray((t - 1) * width, t * width);

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
      caption={walkCaption(w)}
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
        <WalkBody w={w} step={walk.step} jNorm={walk.jNorm} jDone={walk.jNormDone} fs={fs} />
      )}
    </ChartFrame>
  );
});

/** The rule the walk follows, in the cell's own state symbol (attention has no chain). */
function walkCaption(w: BackwardMessage | null): string {
  const sym = w === null ? 'h' : cellInfo(w.cell).state.symbol;
  if (w !== null && w.arcs !== null)
    return 'Attention has no chain of Jacobians: position t receives the gradient from every later position s in one hop, along the arc of attention weight αₛₜ, plus the loss’s own term at t; stepping moves from one position to the one before.';
  return `The gradient enters at t = T; each step back multiplies it by Jₜᵀ and adds the loss’s own term there: ∂L/∂${sym}ₜ₋₁ = Jₜᵀ ∂L/∂${sym}ₜ + ∂ℓₜ₋₁/∂${sym}ₜ₋₁.`;
}

/** What the chain's marks mean, for this cell. */
function walkNote(w: BackwardMessage): string {
  const colours =
    'Cells are coloured by the gradient’s norm (log scale, grey at or below 10⁻³ of its value at T). ';
  const loss = 'ℓ marks the positions the loss scores.';
  if (w.arcs !== null)
    return `${colours}Attention has no chain: the gradient reaches position t from every later position in one hop, along arcs as thick as the attention weight αₛₜ with which position s read t. ${loss}`;
  const cut =
    w.truncate > 0 ? ` ✂ marks where truncation (K = ${w.truncate}) cuts the gradient.` : '';
  const lstm =
    w.dc !== null
      ? ' For the LSTM the step acts on the state (h, c): the factor is that of the vector stacking ∂L/∂hₜ and the belt’s carry fₜ₊₁ ⊙ ∂L/∂cₜ₊₁; the belt lane shows the belt’s own factor.'
      : '';
  return `${colours}Forward arrows run left to right, the gradient right to left; each arrow it has taken shows the factor of that step. ${loss}${cut}${lstm}`;
}

function WalkBody(props: {
  w: BackwardMessage;
  step: number;
  jNorm: Float64Array | null;
  jDone: boolean;
  fs: number;
}) {
  const { w, step, jNorm, jDone, fs } = props;
  const { T, S, H } = w;
  const t = Math.min(Math.max(1, step), T);
  const sym = cellInfo(w.cell).state.symbol;
  const facts = stepFacts(w, jNorm, t);
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
        arcs={w.arcs}
        symbol={sym}
        fontScale={fs}
        ariaLabel={`The unrolled chain: the gradient is at step ${t} of ${T}`}
      />
      <p className="walk-note">{walkNote(w)}</p>
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
        <WalkCharts w={w} t={t} jNorm={jNorm} jDone={jDone} fs={fs} />
      </div>
    </>
  );
}
