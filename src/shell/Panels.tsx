import { useEffect, useState, type ReactNode } from 'react';
import { PANEL_IDS, type PanelId } from '../store/url';
import { DeferReads, useApp } from '../store/hooks';
import type { ViewMode } from '../store/urlFields';
import { GradientFlowPanel } from '../panels/GradientFlowPanel';
import { SpectrumPanel } from '../panels/SpectrumPanel';
import { ExplainPanel } from '../panels/ExplainPanel';
import {
  LazyBackward,
  LazyBelt,
  LazyHidden,
  LazyLoss,
  LazyScan,
  LazyCompareBar,
  LazyCompareGrad,
  LazyCompareLoss,
  LazySweep,
} from './lazyPanels';
import { runLetter } from '../panels/compare/runLabels';
import { pickedConfig } from '../store/runs';
import { PanelBoundary } from './ErrorBoundary';

/** Each panel's name, as its error boundary and the embed dialog say it. */
export const PANEL_NAMES: Record<Exclude<PanelId, 'controls'>, string> = {
  grad: 'Gradient through time',
  spectrum: 'Spectrum of W_hh',
  belt: 'Conveyor belt',
  loss: 'Loss',
  hidden: 'Hidden state',
  sweep: 'Sequence-length sweep',
  explain: 'Explain',
  backward: 'Backward pass',
  scan: 'Parallel scan',
};

function Explain() {
  const cell = useApp((s) => pickedConfig(s).cell);
  return <ExplainPanel cell={cell} />;
}

/** In a comparison the gradient and loss panels overlay every run. */
function Grad() {
  return useApp((s) => s.compare.length > 0) ? <LazyCompareGrad /> : <GradientFlowPanel />;
}
function Loss() {
  return useApp((s) => s.compare.length > 0) ? <LazyCompareLoss /> : <LazyLoss />;
}

const RENDER: Record<Exclude<PanelId, 'controls'>, () => ReactNode> = {
  grad: () => <Grad />,
  spectrum: () => <SpectrumPanel />,
  belt: () => <LazyBelt />,
  loss: () => <Loss />,
  hidden: () => <LazyHidden />,
  sweep: () => <LazySweep />,
  explain: () => <Explain />,
  backward: () => <LazyBackward />,
  scan: () => <LazyScan />,
};

/** Panels that show one run: in a comparison they say which. */
const ONE_RUN: ReadonlySet<PanelId> = new Set(['spectrum', 'belt', 'hidden', 'explain']);

/** In a comparison, a panel showing one run says which (the wrapper keeps the grid's layout). */
function OneRun({ id, children }: { id: PanelId; children: ReactNode }) {
  const run = useApp((s) => (s.compare.length > 0 ? s.view.run : null));
  if (run === null) return children;
  return (
    <div className={id === 'explain' ? 'one-run panel-wide' : 'one-run'}>
      <p className="run-tag" data-run={run}>
        Run {runLetter(run)}, picked above
      </p>
      {children}
    </div>
  );
}

/** True until one frame after the first snapshot reached the store (it has been painted). */
function useFirstSnapshotPending(): boolean {
  const has = useApp((s) => s.latest !== null);
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!has || painted) return;
    const id = requestAnimationFrame(() => setPainted(true));
    return () => cancelAnimationFrame(id);
  }, [has, painted]);
  return !painted;
}

/**
 * One panel inside its own error boundary, so a failing chart never blanks the page. Every panel
 * but the hero draws the first snapshot one frame late: on a phone-speed CPU their first render
 * took longer than the hero's, and the hero need not wait for it.
 */
export function Panel({ id }: { id: Exclude<PanelId, 'controls'> }) {
  const pending = useFirstSnapshotPending();
  return (
    <PanelBoundary name={PANEL_NAMES[id]}>
      <DeferReads.Provider value={id !== 'grad' && id !== 'backward' && pending}>
        {ONE_RUN.has(id) ? <OneRun id={id}>{RENDER[id]()}</OneRun> : RENDER[id]()}
      </DeferReads.Provider>
    </PanelBoundary>
  );
}

/**
 * The panels of the training view, in page order, which is the order PANEL_IDS lists them in
 * (backward mode puts 'backward' first, scan mode 'scan').
 */
export const FULL_ORDER = PANEL_IDS.filter(
  (p): p is Exclude<PanelId, 'controls' | 'backward' | 'scan'> =>
    p !== 'controls' && p !== 'backward' && p !== 'scan',
);

/** The page's panels in a mode: the backward pass first when it is on. */
export function panelOrder(mode: ViewMode): readonly Exclude<PanelId, 'controls'>[] {
  if (mode === 'scan') return ['scan', ...FULL_ORDER];
  return mode === 'backward' ? ['backward', ...FULL_ORDER] : FULL_ORDER;
}

/** The comparison's run picker, when there is a comparison (its code loads then). */
export function CompareBarIfComparing({ compact = false }: { compact?: boolean }) {
  return useApp((s) => s.compare.length > 0) ? <LazyCompareBar compact={compact} /> : null;
}
