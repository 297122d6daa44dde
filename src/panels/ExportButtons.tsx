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
        {(['SVG', 'PNG'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="chart-button"
            title={`Download ${name} as ${format}`}
            onClick={(e) => {
              const s = section(e.currentTarget);
              if (!s) return;
              exportCode()
                .then((m) =>
                  format === 'SVG'
                    ? download(`${file}.svg`, m.panelToSvg(s).svg, 'image/svg+xml')
                    : m.panelToPng(s).then((b) => download(`${file}.png`, b)),
                )
                .catch((err: unknown) => setError(`${format} export failed: ${String(err)}`));
            }}
          >
            {format}
          </button>
        ))}
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
