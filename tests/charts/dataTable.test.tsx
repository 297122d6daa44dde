import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ChartFrame } from '../../src/charts/ChartFrame';
import { DataTable, rowsFromColumns, tableToCsv } from '../../src/charts/DataTable';
import { decode } from './markup';

/** Cells of every <tr> in the markup, header row first. */
function tableCells(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((tr) =>
    [...(tr[1] as string).matchAll(/<t[hd]\b[^>]*>(.*?)<\/t[hd]>/g)].map((c) =>
      decode(c[1] as string),
    ),
  );
}

/** Minimal RFC 4180 reader for the test: quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k] as string;
    if (q) {
      if (ch === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') q = false;
      else field += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[k + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      k++;
    } else field += ch;
  }
  return rows;
}

const columns = ['t', '‖∂L/∂hₜ‖', 'note'];
const rows = [
  ['1', '1.2 × 10⁻⁶', 'plain'],
  ['2', '3.4 × 10⁻³', 'has, comma'],
  ['3', '—', 'says "hi"'],
];

describe('<DataTable>', () => {
  it('has a caption, column headers with scope and row headers', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="Gradient through time" columns={columns} rows={rows} />,
    );
    expect(html).toContain('<caption>Gradient through time</caption>');
    expect(html).toContain('class="sr-only"');
    expect((html.match(/<th scope="col">/g) ?? []).length).toBe(3);
    expect((html.match(/<th scope="row">/g) ?? []).length).toBe(3);
    expect(tableCells(html)).toEqual([columns, ...rows]);
  });
  it('is visible on request', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="c" columns={columns} rows={rows} visible />,
    );
    expect(html).not.toContain('sr-only');
    expect(html).toContain('data-table-wrap');
  });
});

describe('tableToCsv', () => {
  it('holds exactly the table cells', () => {
    const html = renderToStaticMarkup(
      <DataTable caption="Gradient through time" columns={columns} rows={rows} />,
    );
    const csv = tableToCsv(columns, rows);
    expect(parseCsv(csv)).toEqual(tableCells(html));
    expect(csv).toContain('"has, comma"');
    expect(csv).toContain('"says ""hi"""');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('rowsFromColumns', () => {
  it('formats numeric columns row by row and pads short ones', () => {
    const out = rowsFromColumns(
      [Float64Array.from([1, 2, 3]), Float64Array.from([1e-6, NaN])],
      [(v) => String(v)],
    );
    expect(out).toEqual([
      ['1', '1 × 10⁻⁶'],
      ['2', '—'],
      ['3', '—'],
    ]);
  });
});

describe('<ChartFrame>', () => {
  it('builds the table only while it is shown', () => {
    let built = 0;
    const lazy = () => {
      built++;
      return { columns, rows };
    };
    const hidden = renderToStaticMarkup(
      <ChartFrame title="Loss" table={lazy}>
        <svg />
      </ChartFrame>,
    );
    expect(built).toBe(0);
    expect(hidden).not.toContain('<table');
    expect(hidden).toMatch(/<button[^>]*aria-pressed="false"[^>]*>Data<\/button>/);
    const shown = renderToStaticMarkup(
      <ChartFrame title="Loss" table={lazy} defaultTableVisible>
        <svg />
      </ChartFrame>,
    );
    expect(built).toBe(1);
    expect(shown).toContain('<caption>Loss</caption>');
  });

  it('titles the panel, captions the table with the title, and offers a Data toggle', () => {
    const html = renderToStaticMarkup(
      <ChartFrame
        title="Spectrum of W_hh"
        caption="Dots outside the unit circle grow."
        table={{ columns, rows }}
        defaultTableVisible
        actions={<button type="button">CSV</button>}
      >
        <svg />
      </ChartFrame>,
    );
    expect(html).toMatch(/<h2 id="[^"]+">Spectrum of W_hh<\/h2>/);
    expect(html).toContain('<caption>Spectrum of W_hh</caption>');
    expect(html).toContain('Dots outside the unit circle grow.');
    expect(html).toMatch(/<button[^>]*aria-pressed="true"[^>]*>Data<\/button>/);
    expect(html).toContain('>CSV</button>');
    const labelled = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${labelled}"`);
    const controls = /aria-controls="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<table id="${controls}"`);
  });
});
