import { useMemo } from 'react';
import { BarStrip } from '../../charts/BarStrip';
import { LinePlot } from '../../charts/LinePlot';
import type { ExtraSeries } from '../../charts/LinePlot';
import { formatSci } from '../../charts/format';
import { stickyLogDomain } from '../../charts/scales';
import { cellInfo } from '../../engine/cells/catalog';
import type { BackwardMessage } from '../../worker/protocol';
import { power } from './walkFacts';

/** Keeps 1 (neither grows nor shrinks) inside the factor chart's axis. */
const ONE = new Float64Array([1]);

/** Values of steps t ≥ from, NaN before (not reached yet). */
export function revealed(a: Float64Array, from: number): Float64Array {
  const out = a.slice();
  out.fill(NaN, 0, Math.max(0, from - 1));
  return out;
}

/** Π_{s=t+1..T} ‖J_s‖₂ per t, [T]: no factor can exceed its ‖J‖, so no product can exceed this. */
function normProduct(j: Float64Array): Float64Array {
  const T = j.length;
  const out = new Float64Array(T);
  out[T - 1] = 1;
  for (let t = T - 1; t >= 1; t--) out[t - 1] = out[t]! * j[t]!;
  return out;
}

interface Props {
  w: BackwardMessage;
  t: number;
  jNorm: Float64Array | null;
  jDone: boolean;
  fs: number;
}

/** The walk's right-hand charts: the product against its references, and each step's factor. */
export function WalkCharts(props: Props) {
  return props.w.arcs === null ? <ChainCharts {...props} /> : <ArcCharts {...props} />;
}

function ChainCharts({ w, t, jNorm, jDone, fs }: Props) {
  const { T } = w;
  const refs = useMemo(() => {
    const hasW = Number.isFinite(w.rho);
    const rho = hasW ? Float64Array.from({ length: T }, (_, k) => power(w.rho, T - k - 1)) : null;
    const sigma = hasW
      ? Float64Array.from({ length: T }, (_, k) => power(w.sigmaMax, T - k - 1))
      : null;
    const bound = jDone && jNorm !== null ? normProduct(jNorm) : null;
    const cols = [w.product, ...[rho, sigma, bound].filter((c) => c !== null)];
    return { rho, sigma, bound, domain: stickyLogDomain(null, cols) };
  }, [w, T, jNorm, jDone]);
  const factorDomain = useMemo(
    () => stickyLogDomain(null, jNorm ? [w.gain, jNorm, ONE] : [w.gain, ONE]),
    [w, jNorm],
  );
  // The factor of step t → t−1 sits at t; it is shown once the walk has taken it (t > step).
  const factorsShown = useMemo(() => revealed(w.gain, t + 1), [w, t]);
  const jShown = useMemo(() => (jNorm ? revealed(jNorm, t + 1) : null), [jNorm, t]);
  const block = cellInfo(w.cell).gates[w.refGate];
  const blockName = block === undefined ? 'W_hh' : `W_hh’s ${block} block`;
  const series: ExtraSeries[] = [];
  if (refs.sigma !== null)
    series.push({
      y: refs.sigma,
      label: `σ_max^(T−t), σ_max = ${formatSci(w.sigmaMax, 3)}`,
      color: '#CC79A7',
      dashed: true,
    });
  if (refs.bound !== null)
    series.push({
      y: refs.bound,
      label: 'Π ‖Jₛ‖₂ (s > t): the most it could be',
      color: '#E69F00',
      dashed: true,
    });
  return (
    <div>
      <h3 className="walk-sub">What survives: the product of the factors so far</h3>
      <LinePlot
        ariaLabel="Running product of the step factors against the references"
        y={revealed(w.product, t)}
        xStart={1}
        reference={refs.rho}
        series={series}
        logY
        yDomain={refs.domain}
        highlightX={t}
        height={230 * fs}
        fontScale={fs}
        xLabel="time step t"
        yLabel="product (log scale)"
        seriesLabel="Π of the factors from T down to t"
        referenceLabel={refs.rho ? `ρ^(T−t), ρ = ${formatSci(w.rho, 3)} (${blockName})` : undefined}
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
  );
}

/** Attention: who reads position t (α_st over s ≥ t), and the norm against its value at T. */
function ArcCharts({ w, t, fs }: Props) {
  const { T } = w;
  const readers = useMemo(() => {
    const out = new Float64Array(T);
    for (let s = t; s <= T; s++) out[s - 1] = w.arcs![(s - 1) * T + (t - 1)]!;
    return out;
  }, [w, t, T]);
  const ratio = useMemo(() => {
    const last = w.norm[T - 1]!;
    return revealed(
      w.norm.map((x) => x / last),
      t,
    );
  }, [w, t, T]);
  return (
    <div>
      <h3 className="walk-sub">
        Who reads position {t}: αₛ<sub>{t}</sub> for s ≥ {t}
      </h3>
      <BarStrip
        values={readers}
        kind="unit"
        yLabel="αₛₜ"
        valueName={`α to position ${t}`}
        xLabel="position s"
        ariaLabel={`attention weights with which later positions read position ${t}`}
        height={170 * fs}
        fontScale={fs}
      />
      <h3 className="walk-sub">‖∂L/∂eₜ‖ / ‖∂L/∂e_T‖</h3>
      <LinePlot
        ariaLabel="Gradient norm against its value at T"
        y={ratio}
        xStart={1}
        logY
        highlightX={t}
        height={200 * fs}
        fontScale={fs}
        xLabel="position t"
        yLabel="ratio (log scale)"
        seriesLabel="‖∂L/∂eₜ‖ / ‖∂L/∂e_T‖"
      />
    </div>
  );
}
