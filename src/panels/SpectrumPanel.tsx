import { memo, useCallback, useMemo } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { ExportButtons } from './ExportButtons';
import { ComplexPlane } from '../charts/ComplexPlane';
import { LinePlot } from '../charts/LinePlot';
import { stickyLogDomain } from '../charts/scales';
import { rowsFromColumns } from '../charts/DataTable';
import { formatNum } from '../charts/format';
import { useApp, useBridge } from '../store/hooks';
import { LazyFamilySpectrum } from './lazyFamily';
import { useFitScale } from '../charts/fit';

const TITLE = 'Spectrum of W_hh';
const GATE_LABEL: Record<string, string> = {
  h: 'W_hh',
  i: 'input gate i',
  f: 'forget gate f',
  g: 'candidate g',
  o: 'output gate o',
  r: 'reset gate r',
  z: 'update gate z',
  n: 'candidate n',
};

/**
 * Eigenvalues of W_hh for the classic cells; the newer families show their own answer instead
 * (FamilySpectrumPanel: the LRU's λ, the decays of the RG-LRU and S6, attention's α).
 */
export const SpectrumPanel = memo(function SpectrumPanel() {
  const family = useApp((s) => (s.latest?.family ? s.latest : null));
  return family ? <LazyFamilySpectrum s={family} /> : <WhhSpectrumPanel />;
});

/** Eigenvalues of the recurrent matrix (one gate block for LSTM/GRU) against the unit circle. */
const WhhSpectrumPanel = memo(function WhhSpectrumPanel() {
  const spectra = useApp((s) => s.latest?.spectrum ?? null);
  const powers = useApp((s) => s.latest?.startPowers ?? null);
  const start = useApp((s) => s.latest?.start ?? null);
  const gate = useApp((s) => s.gate);
  const large = useApp((s) => s.view.large);
  const fit = useFitScale();
  const bridge = useBridge();
  const g = spectra ? Math.min(gate, spectra.length - 1) : 0;
  const spec = spectra?.[g];

  const table = useCallback(() => {
    if (!spec) return { columns: ['Re λ', 'Im λ', '|λ|'], rows: [] };
    const mod = spec.re.map((re, k) => Math.hypot(re, spec.im[k] as number));
    return {
      columns: ['Re λ', 'Im λ', '|λ|'],
      rows: rowsFromColumns([spec.re, spec.im, mod], [formatNum, formatNum, formatNum]),
    };
  }, [spec]);

  // ‖W₀^k‖ of W_hh as set, against ρ₀^k and σ_max,0^k (single-block cells).
  const pow = useMemo(() => {
    if (powers === null || start === null || powers.length === 0) return null;
    const rho0 = start.rho[0] ?? NaN;
    const sig0 = start.sigmaMax[0] ?? NaN;
    const line = (b: number) => powers.map((_, k) => b ** (k + 1));
    const rhoK = line(rho0);
    // The axis follows ‖W^k‖ and ρ₀^k; σ_max,0^k may climb far above them and is clipped.
    return { rho0, sig0, rhoK, sigK: line(sig0), domain: stickyLogDomain(null, [powers, rhoK]) };
  }, [powers, start]);
  const above = spec ? spec.rho > 1 : false;
  const outside = spec
    ? spec.re.reduce((n, re, k) => n + (Math.hypot(re, spec.im[k] as number) > 1 ? 1 : 0), 0)
    : 0;
  const summary = spec
    ? `${spec.re.length} eigenvalues; spectral radius ${formatNum(spec.rho)}, largest singular value ${formatNum(spec.sigmaMax)}; ${outside} outside the unit circle.`
    : 'No spectrum yet.';
  return (
    <ChartFrame
      title={TITLE}
      className="panel"
      id="panel-spectrum"
      caption="Every eigenvalue λ of the recurrent matrix. Outside the unit circle the linear part of the recurrence grows; inside, it decays."
      table={table}
      actions={
        <>
          <ExportButtons name={TITLE} table={table} />
          {spectra && spectra.length > 1 ? (
            <label className="inline-select">
              <span>Block</span>
              <select value={g} onChange={(e) => bridge.setGate(Number(e.target.value))}>
                {spectra.map((s, k) => (
                  <option key={s.gate} value={k}>
                    {GATE_LABEL[s.gate] ?? s.gate}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </>
      }
      readouts={
        <dl className="readouts">
          <div>
            <dt>spectral radius ρ</dt>
            <dd className={above ? 'num warn' : 'num'} data-readout="rho">
              {spec ? formatNum(spec.rho) : '—'}
            </dd>
          </div>
          <div>
            <dt>largest singular value σ_max</dt>
            <dd className={spec && spec.sigmaMax > 1 ? 'num warn' : 'num'} data-readout="sigma">
              {spec ? formatNum(spec.sigmaMax) : '—'}
            </dd>
          </div>
          {start && (
            <div>
              <dt>ρ₀ as set (iteration {start.iteration})</dt>
              <dd className="num" data-readout="rho0">
                {formatNum(start.rho[g] ?? NaN)}
              </dd>
            </div>
          )}
          <div>
            <dt>σ_min</dt>
            <dd className="num">{spec ? formatNum(spec.sigmaMin) : '—'}</dd>
          </div>
        </dl>
      }
    >
      <p className="sr-only" data-summary>
        {summary}
      </p>
      {spec ? (
        <ComplexPlane
          ariaLabel={TITLE}
          re={spec.re}
          im={spec.im}
          rho={spec.rho}
          maxSize={Math.round(380 * (large ? 1.3 : 1) * fit)}
          fontScale={large ? 1.4 : 1}
        />
      ) : (
        <p className="chart-empty">Waiting for the first snapshot…</p>
      )}
      {spec && spec.rho < 1 && spec.sigmaMax > 1 && (
        <p className="note">
          ρ &lt; 1 but σ_max &gt; 1: the spectral radius alone does not guarantee vanishing. For a
          tanh net only σ_max &lt; 1 does, and σ_max &gt; 1 is what it needs to explode (Pascanu,
          Mikolov and Bengio 2013).
        </p>
      )}
      {pow && powers && (
        <LinePlot
          ariaLabel="Norms of the powers of W_hh"
          y={powers}
          xStart={1}
          yDomain={pow.domain}
          reference={pow.rhoK}
          series={[
            {
              y: pow.sigK,
              label: `σ_max,0^k, σ_max,0 = ${formatNum(pow.sig0)}`,
              color: '#D55E00',
              dashed: true,
            },
          ]}
          logY
          height={Math.round(190 * (large ? 1.4 : 1) * fit)}
          fontScale={large ? 1.4 : 1}
          xLabel="k (steps)"
          yLabel="‖W₀^k‖₂ (log scale)"
          xName="k"
          seriesLabel={`‖W₀^k‖₂: powers of W_hh as set at iteration ${start?.iteration ?? 0}`}
          referenceLabel={`ρ₀^k, ρ₀ = ${formatNum(pow.rho0)}`}
        />
      )}
    </ChartFrame>
  );
});
