import { lazy, memo, Suspense } from 'react';
import type { CellKind } from '../engine/types';

/**
 * The explain panel loads in a chunk of its own with every cell's text (engine/cells/
 * explanations.ts), so that the page's first JavaScript carries none of it; its heading shows
 * meanwhile. KaTeX comes later still (ExplainBody).
 */
const Body = lazy(() => import('./ExplainBody').then((m) => ({ default: m.ExplainBody })));

export const ExplainPanel = memo(function ExplainPanel({ cell }: { cell: CellKind }) {
  return (
    <Suspense
      fallback={
        <section className="panel explain panel-wide" aria-busy="true" data-panel="explain">
          <h2>Explain</h2>
          <p className="chart-empty">Loading…</p>
        </section>
      }
    >
      <Body cell={cell} />
    </Suspense>
  );
});
