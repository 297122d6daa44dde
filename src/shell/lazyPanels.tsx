/**
 * Panels the first view rarely needs, each in its own chunk: the comparison's overlays and bar,
 * the sequence-length sweep, the backward pass, the parallel scan, and the
 * panels below the first screen's hero: the conveyor belt, the loss and the hidden state. The page's first JavaScript stays within its
 * budget (tests/e2e/buildSize.e2e.ts); a chunk loads the first time its panel renders, with the
 * panel's title shown meanwhile.
 */
import { lazy, Suspense, type ReactNode } from 'react';

const CompareGradPanel = lazy(() =>
  import('../panels/compare/CompareGradPanel').then((m) => ({ default: m.CompareGradPanel })),
);
const CompareLossPanel = lazy(() =>
  import('../panels/compare/CompareLossPanel').then((m) => ({ default: m.CompareLossPanel })),
);
const SweepPanel = lazy(() =>
  import('../panels/SweepPanel').then((m) => ({ default: m.SweepPanel })),
);
const BackwardPanels = lazy(() =>
  import('../panels/backward/BackwardPanels').then((m) => ({ default: m.BackwardPanels })),
);
const ScanPanel = lazy(() =>
  import('../panels/scan/ScanPanel').then((m) => ({ default: m.ScanPanel })),
);
// The belt is below the first screen's hero, and its drawing (Belt, BeltStep, beltModel, texts)
// is the largest of the default panels: it loads right after the first chunk.
const CellBeltPanel = lazy(() =>
  import('../panels/CellBeltPanel').then((m) => ({ default: m.CellBeltPanel })),
);
// The loss and hidden-state panels come after the belt, below the first screen, too.
const LossPanel = lazy(() => import('../panels/LossPanel').then((m) => ({ default: m.LossPanel })));
const HiddenStatePanel = lazy(() =>
  import('../panels/HiddenStatePanel').then((m) => ({ default: m.HiddenStatePanel })),
);
const CompareBarChunk = lazy(() => import('./CompareBar').then((m) => ({ default: m.CompareBar })));

function Loading({ title, className = 'panel' }: { title: string; className?: string }) {
  return (
    <section className={className} aria-busy="true" aria-label={title}>
      <h2>{title}</h2>
      <p className="chart-empty">Loading…</p>
    </section>
  );
}

const later = (node: ReactNode, title: string, className?: string) => (
  <Suspense fallback={<Loading title={title} className={className} />}>{node}</Suspense>
);

export const LazyCompareGrad = () =>
  later(<CompareGradPanel />, 'Gradient through time', 'panel panel-hero');
export const LazyCompareLoss = () => later(<CompareLossPanel />, 'Loss');
export const LazySweep = () => later(<SweepPanel />, 'Sequence-length sweep', 'panel panel-wide');
export const LazyBackward = () => later(<BackwardPanels />, 'Backward pass', 'panel panel-hero');
export const LazyBelt = () => later(<CellBeltPanel />, 'Conveyor belt');
export const LazyLoss = () => later(<LossPanel />, 'Loss');
export const LazyHidden = () => later(<HiddenStatePanel />, 'Hidden state');
export const LazyScan = () => later(<ScanPanel />, 'Parallel scan', 'panel panel-hero');
/** The run picker bar of a comparison (render it only when there is one). */
export const LazyCompareBar = ({ compact = false }: { compact?: boolean }) => (
  <Suspense fallback={null}>
    <CompareBarChunk compact={compact} />
  </Suspense>
);
