import { useState } from 'react';
import { tableToCsv } from '../charts/DataTable';
import { download } from './download';

// The SVG and PNG code loads on the first click: the page's first JavaScript stays within its
// budget (tests/e2e/buildSize.e2e.ts).
const exportCode = () => import('./exportPanel');

/**
 * SVG, PNG and CSV downloads for one panel. The panel is found from the button (its enclosing
 * <section>), and the CSV is built from the same rows as the panel's accessible table.
 */
type Table = { columns: readonly string[]; rows: readonly (readonly string[])[] };

/** `table` may be a function: it is called only on a CSV click. */
export function ExportButtons({ name, table }: { name: string; table: Table | (() => Table) }) {
  const [error, setError] = useState<string | null>(null);
  const section = (el: HTMLElement) => el.closest('section') as HTMLElement | null;
  const file = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return (
    <details className="export-menu">
      <summary className="chart-button">Export</summary>
      <span className="export-buttons" role="group" aria-label={`Export ${name}`}>
        <button
          type="button"
          className="chart-button"
          title={`Download ${name} as SVG`}
          onClick={(e) => {
            const s = section(e.currentTarget);
            if (s)
              exportCode().then(
                (m) => download(`${file}.svg`, m.panelToSvg(s).svg, 'image/svg+xml'),
                (err: unknown) => setError(`SVG export failed: ${String(err)}`),
              );
          }}
        >
          SVG
        </button>
        <button
          type="button"
          className="chart-button"
          title={`Download ${name} as PNG`}
          onClick={(e) => {
            const s = section(e.currentTarget);
            if (s)
              exportCode()
                .then((m) => m.panelToPng(s))
                .then(
                  (b) => download(`${file}.png`, b),
                  (err: unknown) => setError(`PNG export failed: ${String(err)}`),
                );
          }}
        >
          PNG
        </button>
        <button
          type="button"
          className="chart-button"
          title={`Download the data of ${name} as CSV`}
          data-export="csv"
          onClick={() => {
            const t = typeof table === 'function' ? table() : table;
            download(`${file}.csv`, tableToCsv(t.columns, t.rows), 'text/csv');
          }}
        >
          CSV
        </button>
        {error && (
          <span role="alert" className="hint hint-warn">
            {error}
          </span>
        )}
      </span>
    </details>
  );
}
