import { lazy, memo, Suspense } from 'react';
import type { CellKind } from '../engine/types';
import { LoadingPanel } from './LoadingPanel';

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
        <LoadingPanel title="Explain" className="panel explain panel-wide" data-panel="explain" />
      }
    >
      <Body cell={cell} />
    </Suspense>
  );
});
