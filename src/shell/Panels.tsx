import { useEffect, useState, type ReactNode } from 'react';
import type { PanelId } from '../store/url';
import { DeferReads, useApp } from '../store/hooks';
import type { ViewMode } from '../store/urlFields';
import { GradientFlowPanel } from '../panels/GradientFlowPanel';
import { SpectrumPanel } from '../panels/SpectrumPanel';
import { CellBeltPanel } from '../panels/CellBeltPanel';
import { LossPanel } from '../panels/LossPanel';
import { HiddenStatePanel } from '../panels/HiddenStatePanel';
import { ExplainPanel } from '../panels/ExplainPanel';
import { BackwardPanels } from '../panels/backward/BackwardPanels';
import { PanelBoundary } from './ErrorBoundary';

const NAMES: Record<Exclude<PanelId, 'controls'>, string> = {
  grad: 'Gradient through time',
  spectrum: 'Spectrum of W_hh',
  belt: 'Conveyor belt',
  loss: 'Loss',
  hidden: 'Hidden state',
  explain: 'Explain',
  backward: 'Backward pass',
};

function Explain() {
  const cell = useApp((s) => s.config.cell);
  return <ExplainPanel cell={cell} />;
}

const RENDER: Record<Exclude<PanelId, 'controls'>, () => ReactNode> = {
  grad: () => <GradientFlowPanel />,
  spectrum: () => <SpectrumPanel />,
  belt: () => <CellBeltPanel />,
  loss: () => <LossPanel />,
  hidden: () => <HiddenStatePanel />,
  explain: () => <Explain />,
  backward: () => <BackwardPanels />,
};

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
    <PanelBoundary name={NAMES[id]}>
      <DeferReads.Provider value={id !== 'grad' && id !== 'backward' && pending}>
        {RENDER[id]()}
      </DeferReads.Provider>
    </PanelBoundary>
  );
}

/** The panels of the training view, in page order (backward mode puts 'backward' first). */
export const FULL_ORDER: readonly Exclude<PanelId, 'controls'>[] = [
  'grad',
  'spectrum',
  'belt',
  'loss',
  'hidden',
  'explain',
];

/** The page's panels in a mode: the backward pass first when it is on. */
export function panelOrder(mode: ViewMode): readonly Exclude<PanelId, 'controls'>[] {
  return mode === 'backward' ? ['backward', ...FULL_ORDER] : FULL_ORDER;
}
