import { lazy, memo, Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import type { CellKind } from '../engine/types';
import { useApp } from '../store/hooks';
import { explainFor } from './explainText';

/** The equations as their TeX source: while KaTeX loads, or for good if it cannot be fetched. */
function TexSource({ sources, busy }: { sources: readonly string[]; busy?: boolean }) {
  return (
    <div className="explain-source" aria-busy={busy}>
      {sources.map((s, k) => (
        <code key={k}>{s}</code>
      ))}
    </div>
  );
}

const Equations = lazy((): Promise<{ default: ComponentType<{ sources: readonly string[] }> }> =>
  import('./Equations').catch(() => ({ default: TexSource })),
);

/**
 * True once the first chart is on screen and the page is idle: KaTeX (a third of the page's
 * JavaScript) is fetched and parsed then, not while the page and the worker start.
 */
function useAfterFirstChart(): boolean {
  const drawn = useApp((s) => s.latest !== null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!drawn || ready) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setReady(true), { timeout: 1000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setReady(true), 100);
    return () => clearTimeout(id);
  }, [drawn, ready]);
  return ready;
}

/** Short text and typeset equations for the selected cell (its own chunk: see ExplainPanel). */
export const ExplainBody = memo(function ExplainBody({ cell }: { cell: CellKind }) {
  const e = explainFor(cell);
  const load = useAfterFirstChart();
  const sources = useMemo(() => [...e.equations, e.gradient], [e]);
  // Until KaTeX is here the equations show as their TeX source, so nothing hides.
  const plain = <TexSource sources={sources} busy />;
  return (
    <section
      className="panel explain panel-wide"
      aria-labelledby="explain-title"
      data-panel="explain"
    >
      <h2 id="explain-title">Explain: {e.title}</h2>
      <p className="caption">{e.text}</p>
      {load ? (
        <Suspense fallback={plain}>
          <Equations sources={sources} />
        </Suspense>
      ) : (
        plain
      )}
      {e.cost && (
        <p className="caption" data-explain="cost">
          <strong>Cost: </strong>
          {e.cost}
        </p>
      )}
      {e.citation && (
        <p className="caption" data-explain="citation">
          <strong>Source: </strong>
          {e.citation}
        </p>
      )}
    </section>
  );
});
