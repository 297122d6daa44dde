import { memo, useMemo } from 'react';
import katex from 'katex';
import 'katex/dist/katex.min.css';
import type { CellKind } from '../engine/types';
import { EXPLAIN } from './explainText';

function tex(src: string): string {
  // throwOnError false: a typo in an equation shows red source instead of taking the page down.
  return katex.renderToString(src, {
    displayMode: true,
    throwOnError: false,
    output: 'htmlAndMathml',
  });
}

/** Short text and typeset equations for the selected cell. */
export const ExplainPanel = memo(function ExplainPanel({ cell }: { cell: CellKind }) {
  const e = EXPLAIN[cell];
  const html = useMemo(() => [...e.equations, e.gradient].map(tex), [e]);
  return (
    <section
      className="panel explain panel-wide"
      aria-labelledby="explain-title"
      data-panel="explain"
    >
      <h2 id="explain-title">Explain: {e.title}</h2>
      <p className="caption">{e.text}</p>
      {html.map((h, k) => (
        <div key={k} dangerouslySetInnerHTML={{ __html: h }} />
      ))}
    </section>
  );
});
