import { cellPage } from '../engine/cells/catalog';
import { memo, useCallback, useMemo } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { ExportButtons } from './ExportButtons';
import { HeatCanvas } from '../charts/HeatCanvas';
import { formatNum } from '../charts/format';
import { useApp } from '../store/hooks';
import { useStickyDomain } from './useSticky';

const TITLE = 'Hidden state';
const TABLE_MAX_UNITS = 16;

/** Units × time heatmap of h_t for the first sequence of the batch. */
export const HiddenStatePanel = memo(function HiddenStatePanel() {
  const latest = useApp((s) => s.latest);
  const large = useApp((s) => s.view.large);
  const T = latest?.T ?? 0;
  // Rows per step: H, the LRU's 2H ([Re x; Im x]), S6's H channel norms.
  const H = latest?.stateWidth ?? 0;
  const cell = latest?.cell ?? 'rnn';
  const units = latest?.H ?? 0;
  const rows = cellPage(cell).rows;
  const words = useMemo(
    () => ({ ...rows, caption: rows.caption(units), column: (j: number) => rows.column(j, units) }),
    [rows, units],
  );
  const norms = latest?.stateNorms ?? false;

  // The snapshot holds [T][H]; the heatmap wants one row per unit.
  const values = useMemo(() => {
    const out = new Float64Array(T * H);
    if (!latest) return out;
    for (let t = 0; t < T; t++)
      for (let j = 0; j < H; j++) out[j * T + t] = latest.hidden[t * H + j] as number;
    return out;
  }, [latest, T, H]);
  const m = useStickyDomain('linear', values, `${latest?.run}`);
  const maxAbs = Math.max(Math.abs(m[0]), Math.abs(m[1]), 1e-12);
  // Norms are never negative: a sequential scale from 0 shows them; a signed state diverges around 0.
  const domain: [number, number] = norms ? [0, maxAbs] : [-maxAbs, maxAbs];

  const table = useCallback(() => {
    const units = Math.min(H, TABLE_MAX_UNITS);
    const columns = ['t', ...Array.from({ length: units }, (_, j) => words.column(j))];
    const rows = Array.from({ length: T }, (_, t) => [
      String(t + 1),
      ...Array.from({ length: units }, (_, j) => formatNum(values[j * T + t] as number)),
    ]);
    return { columns, rows };
  }, [values, T, H, words]);

  return (
    <ChartFrame
      title={TITLE}
      className="panel"
      id="panel-hidden"
      caption={words.caption}
      table={table}
      actions={<ExportButtons name={TITLE} table={table} />}
    >
      <p className="sr-only" data-summary>
        {latest
          ? `${H} rows (${words.axis}) over ${T} steps; values between ${formatNum(m[0])} and ${formatNum(m[1])}.`
          : 'No hidden state yet.'}
      </p>
      {latest ? (
        <HeatCanvas
          ariaLabel={TITLE}
          values={values}
          rows={H}
          cols={T}
          mode={norms ? 'linear' : 'diverging'}
          domain={domain}
          xStart={1}
          height={Math.min(320, 60 + H * 4) * (large ? 1.3 : 1)}
          fontScale={large ? 1.4 : 1}
          xLabel="time step t"
          yLabel={words.axis}
          legendLabel={words.legend}
        />
      ) : (
        <p className="chart-empty">Waiting for the first snapshot…</p>
      )}
    </ChartFrame>
  );
});
