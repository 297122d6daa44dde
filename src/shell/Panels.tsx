import type { ReactNode } from 'react';
import type { PanelId } from '../store/url';
import { useApp } from '../store/hooks';
import { GradientFlowPanel } from '../panels/GradientFlowPanel';
import { SpectrumPanel } from '../panels/SpectrumPanel';
import { CellBeltPanel } from '../panels/CellBeltPanel';
import { LossPanel } from '../panels/LossPanel';
import { HiddenStatePanel } from '../panels/HiddenStatePanel';
import { ExplainPanel } from '../panels/ExplainPanel';
import { PanelBoundary } from './ErrorBoundary';

const NAMES: Record<Exclude<PanelId, 'controls'>, string> = {
  grad: 'Gradient through time',
  spectrum: 'Spectrum of W_hh',
  belt: 'Conveyor belt',
  loss: 'Loss',
  hidden: 'Hidden state',
  explain: 'Explain',
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
};

/** One panel inside its own error boundary, so a failing chart never blanks the page. */
export function Panel({ id }: { id: Exclude<PanelId, 'controls'> }) {
  return <PanelBoundary name={NAMES[id]}>{RENDER[id]()}</PanelBoundary>;
}

export const FULL_ORDER: readonly Exclude<PanelId, 'controls'>[] = [
  'grad',
  'spectrum',
  'belt',
  'loss',
  'hidden',
  'explain',
];
