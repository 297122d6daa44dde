import { useId, useState, type ReactNode } from 'react';
import { DataTable, type Cell } from './DataTable';
import { safeId } from './plotUtil';
import { useCompactCaption } from './fit';

/** The data a frame exposes as a table (the caption is the frame's title). */
export interface FrameTable {
  /** Column headers. */
  columns: readonly string[];
  /** Formatted rows. */
  rows: readonly (readonly Cell[])[];
}

/** Props of {@link ChartFrame}. */
export interface ChartFrameProps {
  /** Panel title (an h2), also the table caption and the chart's accessible name. */
  title: string;
  /** One line telling the viewer what to look at. */
  caption?: ReactNode;
  /** The chart(s). */
  children: ReactNode;
  /**
   * Data behind the chart, as an accessible table behind a "Data" toggle. A function is called only
   * while the table is shown: formatting and laying out thousands of hidden cells every frame cost
   * most of the page's frame time while training (bench/ui, measured).
   */
  table?: FrameTable | (() => FrameTable);
  /** Extra buttons in the header (export, toggles). */
  actions?: ReactNode;
  /** Readouts shown under the caption (e.g. ratio, horizon). */
  readouts?: ReactNode;
  /** Start with the table shown (default false: visually hidden, still read by screen readers). */
  defaultTableVisible?: boolean;
  /** Extra class on the <section>. */
  className?: string;
  /** id of the <section> (e.g. for embed anchors). */
  id?: string;
}

/** A panel wrapper: header (title, actions, Data toggle), caption, readouts, chart, data table. */
export function ChartFrame(props: ChartFrameProps) {
  const base = safeId(useId());
  const [showTable, setShowTable] = useState(props.defaultTableVisible ?? false);
  const compact = useCompactCaption();
  const titleId = `${base}-title`;
  const tableId = `${base}-table`;
  const table =
    showTable && props.table
      ? typeof props.table === 'function'
        ? props.table()
        : props.table
      : null;
  return (
    <section
      id={props.id}
      className={`chart-frame${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={titleId}
    >
      <header className="chart-frame-head">
        <h2 id={titleId}>{props.title}</h2>
        <div className="chart-frame-actions">
          {props.actions}
          {props.table && (
            <button
              type="button"
              className="chart-button"
              aria-pressed={showTable}
              aria-expanded={showTable}
              aria-controls={tableId}
              onClick={() => setShowTable((v) => !v)}
            >
              Data
            </button>
          )}
        </div>
      </header>
      {props.caption &&
        (compact ? (
          <details className="chart-frame-about">
            <summary>About this chart</summary>
            <p className="chart-frame-caption">{props.caption}</p>
          </details>
        ) : (
          <p className="chart-frame-caption">{props.caption}</p>
        ))}
      {props.readouts && <div className="chart-frame-readouts">{props.readouts}</div>}
      <div className="chart-frame-body">{props.children}</div>
      {table ? (
        <DataTable
          id={tableId}
          caption={props.title}
          columns={table.columns}
          rows={table.rows}
          visible
        />
      ) : (
        props.table && <div id={tableId} hidden />
      )}
    </section>
  );
}
