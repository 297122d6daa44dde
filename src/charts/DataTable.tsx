import { memo, useEffect, useRef, useState } from 'react';
import { formatSci } from './format';

/**
 * `value`, but replaced at most once per `ms` (the newest value wins, delivered on the trailing
 * edge). A table that changes 60 times a second is unreadable and costs a layout every frame.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, last.current + ms - Date.now());
    const id = setTimeout(() => {
      last.current = Date.now();
      setShown(() => value);
    }, wait);
    return () => clearTimeout(id);
  }, [value, shown, ms]);
  return ms > 0 ? shown : value;
}

/** One table cell, already formatted for reading. */
export type Cell = string;

/** Props of {@link DataTable}. */
export interface DataTableProps {
  /** Caption: the chart's title, so the table and the chart share a name. */
  caption: string;
  /** Column headers with symbols and units, e.g. ["t", "‖∂L/∂hₜ‖"]. */
  columns: readonly string[];
  /** Rows of formatted cells, one string per column. */
  rows: readonly (readonly Cell[])[];
  /** Visible (true) or visually hidden but read by screen readers (false, default). */
  visible?: boolean;
  /** id of the <table>, for aria-controls on a "Data" toggle. */
  id?: string;
  /** Shortest time between table updates in ms (default 1000; 0 = every render). */
  throttleMs?: number;
}

/**
 * The data behind a chart as an accessible table: <caption>, column headers with scope, the first
 * cell of each row as a row header. Hidden with the "sr-only" class unless `visible`.
 */
export const DataTable = memo(function DataTable({
  caption,
  columns,
  rows: liveRows,
  visible = false,
  id,
  throttleMs = 1000,
}: DataTableProps) {
  const rows = useThrottled(liveRows, throttleMs);
  return (
    // A wide table scrolls inside its panel: keyboard users reach the scroll with Tab.
    <div
      className={visible ? 'data-table-wrap' : 'sr-only'}
      {...(visible ? { tabIndex: 0, role: 'region', 'aria-label': `${caption} (data)` } : {})}
    >
      <table id={id} className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, k) => (
              <th key={k} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, k) =>
                k === 0 ? (
                  <th key={k} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={k}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/**
 * Rows from numeric columns: row k holds column j's k-th value through `format[j]` (default
 * formatSci with 3 significant digits). Rows run to the longest column; missing cells are "—".
 */
export function rowsFromColumns(
  columns: readonly ArrayLike<number>[],
  format: readonly ((v: number) => string)[] = [],
): string[][] {
  let n = 0;
  for (const c of columns) n = Math.max(n, c.length);
  const out: string[][] = [];
  for (let k = 0; k < n; k++) {
    const row: string[] = [];
    for (let j = 0; j < columns.length; j++) {
      const col = columns[j] as ArrayLike<number>;
      const v = k < col.length ? (col[k] as number) : NaN;
      const f = format[j] ?? ((x: number) => formatSci(x, 3));
      row.push(f(v));
    }
    out.push(row);
  }
  return out;
}

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of a table: header line then one line per row, CRLF-separated, the same cells as shown. */
export function tableToCsv(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
